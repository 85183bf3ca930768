import type { Rule } from '../../rule.js';
import { taskNoAgency } from './noAgency.js';
import { taskAgencyNotInForce } from './agencyNotInForce.js';
import { taskVagueDeadline } from './vagueDeadline.js';

/** The task/* rules of the catalog, listed explicitly. */
export const taskRules: Rule[] = [taskNoAgency, taskAgencyNotInForce, taskVagueDeadline];
