import { parseNotice } from './parse.js';
import { createFacts, type Facts } from './extract/index.js';
import { readSuppressions } from './suppression.js';
import { allRules } from './rules/index.js';
import { DEFAULT_CONFIG, type ThongbaoConfig } from './config.js';
import { EMPTY_REGISTRY, type Registry } from './registry.js';
import { todayDate } from './dates.js';
import type { Knowledge } from '../knowledge/types.js';
import type { NoticeModel } from './model.js';
import { severityOnBasis, type Rule, type RuleContext } from './rule.js';
import type { CalendarDate, Finding } from './types.js';
import { msg } from './types.js';
import { SETEXT_UNDERLINE_LIMIT } from './parserLimits.js';

/** Rule id of the one finding given when the Markdown parser fails on a text. */
export const PARSE_ERROR_RULE = 'internal/parse';
/** Rule id of the one finding given when part of the text was read in a degraded way to keep parsing linear. */
export const PARSE_LIMIT_RULE = 'internal/parse-limit';

export interface AnalyzeOptions {
  knowledge: Knowledge;
  config?: ThongbaoConfig;
  registry?: Registry;
  uri?: string;
  /** The date used when the notice has no `ngay` yet (defaults to the machine's today). */
  today?: CalendarDate;
  /** Rules to run (defaults to the whole catalog); tests pass one rule. */
  rules?: readonly Rule[];
  /** The analysis of the previous version of the same document: its unchanged blocks are not parsed again. */
  previous?: AnalysisResult;
}

export interface AnalysisResult {
  model: NoticeModel;
  facts: Facts;
  findings: Finding[];
}

/** text + config + knowledge + registry → located, bilingual findings with their fixes. Pure. */
export function analyzeNotice(text: string, options: AnalyzeOptions): AnalysisResult {
  // The API is called from JavaScript too: a Buffer or null must fail here, saying what is expected, not deep in a rule.
  if (typeof text !== 'string') throw new TypeError(`analyzeNotice expects the notice text as a string, got ${describeValue(text)}`);
  const config = options.config ?? DEFAULT_CONFIG;
  let model: NoticeModel;
  try {
    model = parseNotice(text, options.previous?.model);
  } catch (error) {
    // The Markdown parser itself can fail (a stack overflow on thousands of nested lists): one finding, no crash.
    return unparsable(text, error, options, config);
  }
  const facts = createFacts(model, { knowledge: options.knowledge, config });
  const suppressions = readSuppressions(text, model.comments);
  const findings: Finding[] = [];
  const noticeDate = model.meta.date ?? options.today ?? todayDate();

  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.defaultSeverity;
    const context: RuleContext = {
      model,
      facts,
      knowledge: options.knowledge,
      registry: options.registry ?? EMPTY_REGISTRY,
      config,
      uri: options.uri,
      noticeDate,
      noticeDateIsExplicit: model.meta.date !== undefined,
      report(report) {
        if (suppressions.isSuppressed(rule.id, report.start)) return;
        const finding: Finding = {
          rule: rule.id,
          severity: severityOnBasis(setting ?? report.severity ?? severity, report.basis),
          message: report.message,
          start: report.start,
          end: Math.max(report.start, report.end),
        };
        if (report.fix) finding.fix = report.fix;
        if (report.related) finding.related = report.related;
        if (report.unnecessary) finding.unnecessary = true;
        findings.push(finding);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not take the others (or the server) down with it.
      const detail = error instanceof Error ? error.message : String(error);
      findings.push({
        rule: rule.id,
        severity: 'error',
        start: 0,
        end: 0,
        message: msg(`Lỗi nội bộ của quy tắc ${rule.id}: ${detail}. Các quy tắc khác vẫn được kiểm tra.`, `Internal error in rule ${rule.id}: ${detail}. The other rules still ran.`),
      });
    }
  }
  const ignored = model.setextUnderlinesIgnored;
  if (ignored) {
    findings.push({
      rule: PARSE_LIMIT_RULE,
      severity: 'warning',
      ...ignored.first,
      message: msg(
        `Văn bản có hơn ${SETEXT_UNDERLINE_LIMIT} dòng chỉ gồm “=” hoặc “-” ngay dưới một dòng chữ (kiểu tiêu đề setext); để việc kiểm tra không bị chậm, ${ignored.count} dòng như vậy kể từ dòng này được đọc như dòng trống, dòng chữ phía trên không còn là tiêu đề. Viết tiêu đề bằng “#” (ví dụ “## I. Nội dung”) hoặc xóa các dòng gạch.`,
        `The notice has more than ${SETEXT_UNDERLINE_LIMIT} lines of only “=” or “-” right under a line of text (setext headings); to keep checking fast, the ${ignored.count} such lines from this one on are read as blank lines, so the line above is no heading. Write headings with “#” (e.g. “## I. Nội dung”) or delete the rule lines.`,
      ),
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { model, facts, findings };
}

/** The result for a text the Markdown parser could not read: an empty model and one internal finding. */
function unparsable(text: string, error: unknown, options: AnalyzeOptions, config: ThongbaoConfig): AnalysisResult {
  const model: NoticeModel = {
    text,
    prose: text.replace(/[^\r\n]/gu, ' '),
    frontMatter: null,
    meta: {},
    body: { start: 0, end: text.length },
    blocks: [],
    listItems: [],
    recipients: null,
    signature: null,
    footnotes: { references: [], definitions: [] },
    comments: [],
  };
  const detail = error instanceof Error ? error.message : String(error);
  const finding: Finding = {
    rule: PARSE_ERROR_RULE,
    severity: 'error',
    start: 0,
    end: 0,
    message: msg(
      `Lỗi nội bộ: không đọc được cấu trúc Markdown của văn bản (${detail}); thường do hàng nghìn danh sách hoặc trích dẫn lồng nhau. Không quy tắc nào được kiểm tra.`,
      `Internal error: the Markdown structure of the notice could not be read (${detail}); usually thousands of nested lists or quotes. No rule was checked.`,
    ),
  };
  return { model, facts: createFacts(model, { knowledge: options.knowledge, config }), findings: [finding] };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return `an object (${value.constructor?.name ?? 'no prototype'}${value instanceof Uint8Array ? '; decode it first, e.g. buffer.toString("utf8")' : ''})`;
}
