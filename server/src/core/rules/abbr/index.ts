import type { Rule } from '../../rule.js';
import { abbrUndefined } from './undefined.js';
import { abbrRedefined } from './redefined.js';

/** The abbr/* rules of the catalog, listed explicitly. */
export const abbrRules: Rule[] = [abbrUndefined, abbrRedefined];
