import type { Rule } from '../../rule.js';

/** The ref/* rules of the catalog, listed explicitly. */
export const refRules: Rule[] = [];
