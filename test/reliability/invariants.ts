import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeNotice, PARSE_LIMIT_RULE, type AnalyzeOptions } from '../../server/src/core/analyze.js';
import { fixAll, fixEdits } from '../../server/src/core/fixAll.js';
import { applyEdits } from '../../server/src/core/fixes.js';
import { configSchema } from '../../server/src/core/config.js';
import { allRules } from '../../server/src/core/rules/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import type { Finding, Span, TextEdit } from '../../server/src/core/types.js';

export const analyzeOptions: AnalyzeOptions = {
  knowledge: loadKnowledge(),
  config: configSchema.parse({}),
  today: { year: 2026, month: 11, day: 25 },
};

const ruleIds = new Set([...allRules.map((rule) => rule.id), PARSE_LIMIT_RULE]);
const INTERNAL_ERROR = /Lỗi nội bộ|Internal error/u;

/**
 * Runs of a property: modest in `npm test`, FUZZ_RUNS in `npm run fuzz`.
 * FUZZ_SEED replays the seed a failure printed.
 */
export function propertyParameters(defaultRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(Number.isInteger(seed) ? { seed } : {}),
    endOnFailure: true,
  };
}

function assertInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets must be integers (${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: [${span.start}, ${span.end}] is outside the document of length ${length}`);
}

/** Everything a finding promises an editor: known rule, range and fix inside the text, messages in both languages, no internal error. */
export function assertWellFormed(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    const what = `${finding.rule} "${finding.message.en}"`;
    assert.ok(ruleIds.has(finding.rule), `unknown rule id ${finding.rule}`);
    assert.ok(['error', 'warning', 'info'].includes(finding.severity), `${what}: severity ${finding.severity}`);
    assertInside(finding, text.length, what);
    for (const locale of ['vi', 'en'] as const) {
      assert.equal(typeof finding.message[locale], 'string', `${what}: no ${locale} message`);
      assert.ok(finding.message[locale].trim().length > 0, `${what}: empty ${locale} message`);
      assert.doesNotMatch(finding.message[locale], INTERNAL_ERROR, `a rule crashed: ${finding.message[locale]}`);
    }
    if (finding.fix) {
      assert.ok(finding.fix.title.vi.trim() && finding.fix.title.en.trim(), `${what}: fix without a title`);
      assert.ok(finding.fix.edits.length > 0, `${what}: fix without edits`);
      for (const edit of finding.fix.edits) {
        assertInside(edit, text.length, `${what}: fix edit`);
        assert.equal(typeof edit.newText, 'string');
      }
    }
    for (const related of finding.related ?? []) {
      if (related.uri === undefined) assertInside(related, text.length, `${what}: related span`);
      assert.ok(related.message.vi.trim() && related.message.en.trim(), `${what}: related span without message`);
    }
  }
}

/** Analyses a text and checks every invariant; returns the findings. */
export function checkAnalysis(text: string): Finding[] {
  const { findings } = analyzeNotice(text, analyzeOptions);
  assertWellFormed(text, findings);
  return findings;
}

/** The edits applyEdits takes from a list (sorted, overlaps skipped), so that spans can be followed through a round of fixes. */
function chosenEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const previous = chosen[chosen.length - 1];
    if (edit.start < lastEnd || (previous && edit.start === lastEnd && edit.start === edit.end && previous.start === edit.start)) continue;
    chosen.push(edit);
    lastEnd = edit.end;
  }
  return chosen;
}

/** Where a span of the old text lies in the new text; text inserted at its ends belongs to it. */
function mapSpan(span: Span, edits: TextEdit[]): Span {
  let start = span.start;
  let end = span.end;
  for (const edit of edits) {
    const delta = edit.newText.length - (edit.end - edit.start);
    if (edit.end < span.start || (edit.end === span.start && edit.start < edit.end)) start += delta;
    else if (edit.start < span.start) start += edit.start - span.start;
    if (edit.end <= span.end) end += delta;
    else if (edit.start < span.end) end = end + (edit.start - span.end) + edit.newText.length;
  }
  return { start, end };
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]/gu;

/** A fix that only changes how the same letters are encoded (NFC, invisible characters) writes nothing a reader sees. */
function representationOnly(oldText: string, newText: string): boolean {
  return oldText.replace(INVISIBLE, '').normalize('NFC') === newText.normalize('NFC');
}

/** Where the edits of a round wrote new text in the fixed text, with the rules whose fixes wrote it. */
function writtenSpans(text: string, edits: TextEdit[], findings: Finding[]): (Span & { rules: Set<string> })[] {
  const rulesOf = new Map<string, Set<string>>();
  for (const finding of findings) {
    for (const edit of finding.fix?.edits ?? []) {
      const key = `${edit.start}:${edit.end}:${edit.newText}`;
      rulesOf.set(key, (rulesOf.get(key) ?? new Set()).add(finding.rule));
    }
  }
  let shift = 0;
  const written: (Span & { rules: Set<string> })[] = [];
  for (const edit of edits) {
    if (edit.newText.length > 0 && !representationOnly(text.slice(edit.start, edit.end), edit.newText)) written.push({ start: edit.start + shift, end: edit.start + shift + edit.newText.length, rules: rulesOf.get(`${edit.start}:${edit.end}:${edit.newText}`) ?? new Set() });
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return written;
}

/**
 * One round of fixes introduces no finding into the text it writes: no
 * finding lies inside written text, and no rule reports on text its own fix
 * wrote, unless it is a finding of the old text (same rule, and the same
 * source text or inside the old finding's span once the fixes are applied).
 * A fix may reveal a problem around it (once "Nghị đ ịnh số 73/2019/NĐ-CP" is
 * joined, the citation is recognized and its missing issuer reported); that
 * is not a problem the fix created. Neither is one revealed by a fix that
 * only re-encodes letters (NFD to NFC, invisible characters removed).
 */
function checkRound(text: string, before: Finding[]): { text: string; findings: Finding[] } {
  const edits = chosenEdits(fixEdits(before));
  const fixed = applyEdits(text, fixEdits(before)).text;
  assert.equal(edits.reduceRight((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text), fixed, 'the test follows applyEdits');
  const after = analyzeNotice(fixed, analyzeOptions).findings;
  assertWellFormed(fixed, after);
  const written = writtenSpans(text, edits, before);
  const old = before.map((finding) => ({ rule: finding.rule, text: text.slice(finding.start, finding.end), mapped: mapSpan(finding, edits) }));
  for (const finding of after) {
    const created = written.some(
      (span) => (span.start <= finding.start && finding.end <= span.end) || (span.rules.has(finding.rule) && span.start < finding.end && finding.start < span.end),
    );
    if (!created) continue;
    const source = fixed.slice(finding.start, finding.end);
    const known = old.some((previous) => previous.rule === finding.rule && (previous.text === source || (previous.mapped.start <= finding.start && finding.end <= previous.mapped.end)));
    assert.ok(known, `fixing introduced ${finding.rule} on ${JSON.stringify(source)}: ${finding.message.en}`);
  }
  return { text: fixed, findings: after };
}

/** fixAll is stable (a second pass changes nothing), and no round of fixes introduces a finding. */
export function checkFixes(text: string): void {
  const once = fixAll(text, analyzeOptions).text;
  const twice = fixAll(once, analyzeOptions).text;
  assert.equal(twice, once, 'fixAll is not idempotent: a second pass changed the text');
  let current = { text, findings: analyzeNotice(text, analyzeOptions).findings };
  for (let round = 0; round < 5 && fixEdits(current.findings).length > 0; round++) {
    const next = checkRound(current.text, current.findings);
    if (next.text === current.text) break;
    current = next;
  }
}
