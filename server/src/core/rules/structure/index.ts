import type { Rule } from '../../rule.js';

/** The structure/* rules of the catalog, listed explicitly. */
export const structureRules: Rule[] = [];
