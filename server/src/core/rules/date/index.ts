import type { Rule } from '../../rule.js';
import { datePadding } from './padding.js';
import { dateInvalid } from './invalid.js';
import { dateNumeric } from './numeric.js';
import { dateAfterIssue } from './afterIssue.js';
import { dateDeadlinePassed } from './deadlinePassed.js';
import { dateWeekday } from './weekday.js';

/** The date/* rules of the catalog, listed explicitly. */
export const dateRules: Rule[] = [datePadding, dateInvalid, dateNumeric, dateAfterIssue, dateDeadlinePassed, dateWeekday];
