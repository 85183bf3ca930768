import type { Rule } from '../rule.js';
import { metaRules } from './meta/index.js';
import { dateRules } from './date/index.js';
import { agencyRules } from './agency/index.js';
import { abbrRules } from './abbr/index.js';
import { refRules } from './ref/index.js';
import { structureRules } from './structure/index.js';
import { typoRules } from './typo/index.js';
import { taskRules } from './task/index.js';

/** Every rule of the catalog, in catalog order. */
export const allRules: readonly Rule[] = [...metaRules, ...dateRules, ...agencyRules, ...abbrRules, ...refRules, ...structureRules, ...typoRules, ...taskRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
