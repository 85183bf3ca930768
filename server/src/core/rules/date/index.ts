import type { Rule } from '../../rule.js';

/** The date/* rules of the catalog, listed explicitly. */
export const dateRules: Rule[] = [];
