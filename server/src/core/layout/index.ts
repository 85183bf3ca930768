export { layoutNotice, plainRuns } from './build.js';
export * from './styles.js';
export type * from './types.js';
export { renderPreviewHtml, type PreviewHtml, type PreviewMark } from './html.js';
