import type { Rule } from '../../rule.js';
import { agencyUnknown } from './unknown.js';
import { agencySpelling } from './spelling.js';
import { agencyNotInForce } from './notInForce.js';
import { agencyPlace } from './place.js';

/** The agency/* rules of the catalog, listed explicitly. */
export const agencyRules: Rule[] = [agencyUnknown, agencySpelling, agencyNotInForce, agencyPlace];
