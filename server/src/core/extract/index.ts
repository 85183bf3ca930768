import type { NoticeModel } from '../model.js';
import type { Knowledge } from '../../knowledge/types.js';
import type { ThongbaoConfig } from '../config.js';
import { extractDates, type DateMention } from './dates.js';
import { extractCitations, type NoticeCitation } from './citations.js';

/** What extraction may read besides the model. */
export interface ExtractionEnv {
  knowledge: Knowledge;
  config: ThongbaoConfig;
}

/**
 * Located facts of one document version. Each extractor runs at most once,
 * on first use, however many rules read its result.
 */
export interface Facts {
  readonly dates: DateMention[];
  /** Citations of prior documents in the body (party documents included, flagged). */
  readonly citations: NoticeCitation[];
}

export function createFacts(model: NoticeModel, env: ExtractionEnv): Facts {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  void env;
  return {
    get dates() {
      return once('dates', () => extractDates(model));
    },
    get citations() {
      return once('citations', () => extractCitations(model, env.knowledge, this.dates));
    },
  };
}
