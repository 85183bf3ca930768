export { extractTasks, type TaskFacts } from './extract.js';
export { deadlineDate } from './deadline.js';
export type { Task, TaskAgency, TaskDeadline, TaskExtraction, TaskSource } from './types.js';
export { taskRows, filterRows, isOverdue, type TaskRow, type TaskFilter } from './rows.js';
