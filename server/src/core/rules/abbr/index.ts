import type { Rule } from '../../rule.js';

/** The abbr/* rules of the catalog, listed explicitly. */
export const abbrRules: Rule[] = [];
