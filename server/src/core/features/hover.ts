import type { DocumentSnapshot, FeatureEnv, HoverResult } from './types.js';
import { agencyHover } from './agencies.js';
import { citationHover } from './citations.js';
import { taskHover } from '../tasks/hover.js';

type HoverProvider = (document: DocumentSnapshot, offset: number, env: FeatureEnv) => HoverResult | undefined;

/** Hover providers, first answer wins. */
const providers: HoverProvider[] = [citationHover, agencyHover, taskHover];

export function hoverAt(document: DocumentSnapshot, offset: number, env: FeatureEnv): HoverResult | undefined {
  for (const provide of providers) {
    const result = provide(document, offset, env);
    if (result) return result;
  }
  return undefined;
}
