export { layoutNotice, plainRuns, type LayoutOptions } from './build.js';
export * from './styles.js';
export type * from './types.js';
