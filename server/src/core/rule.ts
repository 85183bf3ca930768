import type { Facts } from './extract/index.js';
import type { Knowledge } from '../knowledge/types.js';
import type { NoticeModel } from './model.js';
import type { Registry } from './registry.js';
import type { ThongbaoConfig } from './config.js';
import type { CalendarDate, Fix, Msg, RelatedSpan, Severity } from './types.js';

/** Everything a rule may read. Rules never re-parse text that extraction located. */
export interface RuleContext {
  readonly model: NoticeModel;
  readonly facts: Facts;
  readonly knowledge: Knowledge;
  readonly registry: Registry;
  readonly config: ThongbaoConfig;
  /** URI of the document, when known (for workspace look-ups). */
  readonly uri: string | undefined;
  /** The notice's own date (front matter `ngay`), or today when it is empty. */
  readonly noticeDate: CalendarDate;
  /** True when `noticeDate` comes from the front matter, not from today. */
  readonly noticeDateIsExplicit: boolean;
  report(report: Report): void;
}

export interface Report {
  start: number;
  end: number;
  message: Msg;
  fix?: Fix;
  related?: RelatedSpan[];
  unnecessary?: boolean;
  /** Overrides the rule's default severity for this finding (e.g. an undated draft → warning). */
  severity?: Severity;
  /**
   * The facts of the knowledge or the registry the finding rests on (an agency, a province, a registry
   * entry, a document type). Where one is unverified the finding is a warning at most, never an error:
   * analyze.ts caps it, whatever the rule's or the configuration's severity.
   */
  basis?: readonly Sourced[];
}

/** A fact of the knowledge or the registry: `verified` when its sources back it (shared/knowledge/README.md). */
export interface Sourced {
  readonly verified: boolean;
}

/** The severity of a finding resting on `basis`: an unverified fact justifies a warning, never an error. */
export function severityOnBasis(severity: Severity, basis: readonly Sourced[] | undefined): Severity {
  return severity === 'error' && basis?.some((fact) => !fact.verified) ? 'warning' : severity;
}

/** One rule of the catalog (shared/design/rules.md): metadata, a check, and fixes where certain. */
export interface Rule {
  /** Catalog id, e.g. "date/padding". Stable: never renamed. */
  id: string;
  defaultSeverity: Severity;
  /** True when the rule offers a certain fix for (some of) its findings. */
  fixable: boolean;
  /** One line: what the rule checks. */
  description: Msg;
  check(context: RuleContext): void;
  /**
   * Real text that must trigger the rule (notOk) and text that must not (ok),
   * run by one test loop. A text that starts with "---" is a whole notice;
   * otherwise it is a body paragraph placed inside a correct notice dated
   * 2024-11-22 (see test/helpers.ts).
   */
  examples: { ok: string[]; notOk: string[] };
}
