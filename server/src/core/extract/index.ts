import type { NoticeModel } from '../model.js';
import { normalizedView, type NormalizedView } from '../text.js';
import { letterRuns, type WordRuns } from '../words.js';
import type { Knowledge } from '../../knowledge/types.js';
import type { ThongbaoConfig } from '../config.js';
import { extractDates, type DateMention } from './dates.js';
import { extractNumbering, type Numbering } from './numbering.js';
import { extractTerms, type TermMention } from './terms.js';
import { extractCitations, type NoticeCitation } from './citations.js';
import { extractAgencyMentions, type AgencyMention } from './agencies.js';
import { extractAbbreviations, type Abbreviations } from './abbreviations.js';
import { agencyIndex, tokenize, type Token } from '../agencyIndex.js';
import { extractTasks, type TaskExtraction } from '../tasks/index.js';

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
  /** The prose normalized for name matching (NFC, new tone placement, lower case), mapped back to text offsets. */
  readonly proseView: NormalizedView;
  /** The tokens of `proseView` (words, digits and single punctuation, see `tokenize`), in view offsets. */
  readonly proseTokens: Token[];
  /** The words of the body's prose (runs of letters and marks), found once for every rule that walks words. */
  readonly bodyWords: WordRuns;
  readonly dates: DateMention[];
  /** Parts, sections, items and points with their numbers as written. */
  readonly numbering: Numbering;
  /** Official terms in the body prose, exact or split by a stray space. */
  readonly terms: TermMention[];
  /** Citations of prior documents in the body (party documents included, flagged). */
  readonly citations: NoticeCitation[];
  /** Agencies and province-level units named in the front matter, body, recipients and signature. */
  readonly agencies: AgencyMention[];
  /** Abbreviations of the body: their introductions ("full name (ABBR)") and uses. */
  readonly abbreviations: Abbreviations;
  /** Assignments (who must do what by when), read from the agencies, dates and numbering above. */
  readonly tasks: TaskExtraction;
}

export function createFacts(model: NoticeModel, env: ExtractionEnv): Facts {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  void env;
  return {
    get proseView() {
      return once('proseView', () => normalizedView(model.prose));
    },
    get proseTokens() {
      return once('proseTokens', () => tokenize(this.proseView.text));
    },
    get bodyWords() {
      return once('bodyWords', () => letterRuns(model.prose, model.body.start, model.body.end));
    },
    get dates() {
      return once('dates', () => extractDates(model));
    },
    get numbering() {
      return once('numbering', () => extractNumbering(model));
    },
    get terms() {
      return once('terms', () => extractTerms(model, env.knowledge, this.proseView));
    },
    get citations() {
      return once('citations', () => extractCitations(model, env.knowledge, this.dates));
    },
    get agencies() {
      return once('agencies', () => extractAgencyMentions(model, agencyIndex(env.knowledge, env.config), () => this.citations, this.proseView, this.proseTokens));
    },
    get abbreviations() {
      return once('abbreviations', () => extractAbbreviations(model, env.knowledge, env.config));
    },
    get tasks() {
      return once('tasks', () => extractTasks(model, this));
    },
  };
}
