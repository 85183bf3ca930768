import type { Rule } from '../../rule.js';

/** The typo/* rules of the catalog, listed explicitly. */
export const typoRules: Rule[] = [];
