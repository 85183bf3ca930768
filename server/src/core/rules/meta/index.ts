import type { Rule } from '../../rule.js';

/** The meta/* rules of the catalog, listed explicitly. */
export const metaRules: Rule[] = [];
