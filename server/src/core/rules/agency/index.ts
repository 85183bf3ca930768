import type { Rule } from '../../rule.js';

/** The agency/* rules of the catalog, listed explicitly. */
export const agencyRules: Rule[] = [];
