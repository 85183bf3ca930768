import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codePointClass, letterRuns, runsOf as classRuns } from '../../server/src/core/words.js';
import { isAcronym, mayBeAcronym } from '../../server/src/core/agencyIndex.js';
import { parseNotice } from '../../server/src/core/parse.js';
import { createFacts } from '../../server/src/core/extract/index.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { EMPTY_REGISTRY } from '../../server/src/core/registry.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { loadSeeds } from '../../bench/generate.js';
import { isLookedUp } from '../../server/src/core/rules/typo/spelling.js';
import { typoDoubledWord } from '../../server/src/core/rules/typo/doubledWord.js';
import { lopsidedHyphens } from '../../server/src/core/rules/typo/spacing.js';
import type { Report, Rule, RuleContext } from '../../server/src/core/rule.js';
import type { NoticeModel } from '../../server/src/core/model.js';

/**
 * The shared word stream (Facts.bodyWords) replaced each rule's own pattern
 * over the prose: the rules must find what their patterns found, on the seeds
 * and on any text. The references below are the rules' former scans, kept as
 * their plain definitions.
 */

const knowledge = loadKnowledge();

function runsByPattern(text: string, from: number, to: number): [number, number][] {
  return [...text.slice(from, to).matchAll(/[\p{L}\p{M}]+/gu)].map((match) => [from + match.index!, from + match.index! + match[0].length]);
}

function runsOf(text: string, from: number, to: number): [number, number][] {
  const runs = letterRuns(text, from, to);
  return Array.from({ length: runs.count }, (_, k) => [runs.starts[k]!, runs.ends[k]!]);
}

/** The words typo/spelling read before the shared stream: its pattern over the body's prose (and, since, not a word followed by "." and a letter: a domain). */
const SPELLING_WORD = /(?<![\p{L}\p{M}\p{N}_\-./@:])[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}_\-/@]|\.[\p{L}\p{M}\p{N}])/gu;

function spellingWordsByPattern(model: NoticeModel): [number, number][] {
  const { prose, body } = model;
  return [...prose.slice(body.start, body.end).matchAll(SPELLING_WORD)].map((match) => [body.start + match.index!, body.start + match.index! + match[0].length]);
}

/** typo/doubled-word's former scan: its pattern over the body's prose, reporting the pairs it kept. */
const PAIR = /(?<![\p{L}\p{M}\d])([\p{L}\p{M}]+)([ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)([\p{L}\p{M}]+)(?![\p{L}\p{M}\d])/gu;
const NEVER_DOUBLED = new Set(
  'được chưa đã đang sẽ đến tới của và hoặc các những cho với là trong tại theo để thì về từ bị phải này đó một nhưng mà cũng vẫn vào trên dưới sau trước bằng như nhằm nếu khi đối việc sự cần có không'.split(' '),
);

function doubledByPattern(model: NoticeModel): [number, number][] {
  const { text, prose, body } = model;
  const slice = prose.slice(body.start, body.end);
  const found: [number, number][] = [];
  PAIR.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PAIR.exec(slice))) {
    const [whole, first, gap, second] = match as unknown as [string, string, string, string];
    PAIR.lastIndex = match.index + first.length;
    const word = first.normalize('NFC').toLowerCase();
    if (word !== second.normalize('NFC') || !NEVER_DOUBLED.has(word)) continue;
    const start = body.start + match.index;
    if (!/^\s+$/u.test(text.slice(start + first.length, start + first.length + gap.length))) continue;
    found.push([start, start + whole.length]);
  }
  return found;
}

function spellingWords(model: NoticeModel): [number, number][] {
  const words = createFacts(model, { knowledge, config: DEFAULT_CONFIG }).bodyWords;
  const looked: [number, number][] = [];
  for (let k = 0; k < words.count; k++) if (isLookedUp(words, k)) looked.push([words.starts[k]!, words.ends[k]!]);
  return looked;
}

function findings(rule: Rule, model: NoticeModel): [number, number][] {
  const facts = createFacts(model, { knowledge, config: DEFAULT_CONFIG });
  const reports: Report[] = [];
  const context: RuleContext = {
    model,
    facts,
    knowledge,
    registry: EMPTY_REGISTRY,
    config: DEFAULT_CONFIG,
    uri: undefined,
    noticeDate: { year: 2024, month: 11, day: 22 },
    noticeDateIsExplicit: true,
    report: (report) => void reports.push(report),
  };
  rule.check(context);
  return reports.map((report) => [report.start, report.end]);
}

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\n\n', 'được', 'Được', 'đươc', 'đu\u031bo\u031b\u0323c', 'và', 'của', 'các', 'nhiêm', 'kêt', 'ỏ', 'logistics', '1', '٣', '_', '-', '.', '/', '@', ':', '(ii)', '𝐀𝐁', '\ud800', '\udc00', 'e\u0301', '**', '`x`', 'Bộ Tài chính', 'Nghị đ ịnh'),
);
const body = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
/** Function words, their neighbours and what may touch them, for pairs to occur often. */
const pairPiece = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t', '\u00a0', 'được', 'Được', 'đu\u031bo\u031b\u0323c', 'và', 'của', 'nhà', '1', '٣', '𝟙', 'x', '**', '-', '_');
const pairNotices = fc.array(pairPiece, { maxLength: 16 }).map((pieces) => pieces.join(''));
const notices = fc.tuple(fc.boolean(), body).map(([frontMatter, text]) => (frontMatter ? `---\nso: 1/TB-VPCP\n---\n${text}` : text));

describe('the shared word stream', () => {
  it('holds the runs of letters and marks that /[\\p{L}\\p{M}]+/gu finds, within any range', () => {
    for (const seed of loadSeeds()) {
      assert.deepEqual(runsOf(seed.text, 0, seed.text.length), runsByPattern(seed.text, 0, seed.text.length));
      const nfd = seed.text.normalize('NFD');
      assert.deepEqual(runsOf(nfd, 0, nfd.length), runsByPattern(nfd, 0, nfd.length));
    }
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (text, a, b) => {
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        assert.deepEqual(runsOf(text, from, to), runsByPattern(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives typo/spelling the words of its former pattern', () => {
    for (const seed of loadSeeds()) {
      const model = parseNotice(seed.text);
      assert.deepEqual(spellingWords(model), spellingWordsByPattern(model));
    }
    fc.assert(
      fc.property(notices, (text) => {
        const model = parseNotice(text);
        assert.deepEqual(spellingWords(model), spellingWordsByPattern(model));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives typo/doubled-word the findings of its former pattern', () => {
    for (const seed of loadSeeds()) {
      const model = parseNotice(seed.text);
      assert.deepEqual(findings(typoDoubledWord, model), doubledByPattern(model));
    }
    fc.assert(
      fc.property(fc.oneof(notices, pairNotices), (text) => {
        const model = parseNotice(text);
        assert.deepEqual(findings(typoDoubledWord, model), doubledByPattern(model));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives extractAbbreviations the words of /[\\p{L}\\p{M}\\p{N}&]+/gu, and rejects before building a word only what isAcronym rejects', () => {
    const wordPart = codePointClass(/^[\p{L}\p{M}\p{N}&]$/u);
    const byPattern = (text: string) => [...text.matchAll(/[\p{L}\p{M}\p{N}&]+/gu)].map((match) => [match.index!, match.index! + match[0].length]);
    const byRuns = (text: string) => {
      const runs = classRuns(text, wordPart);
      return Array.from({ length: runs.count }, (_, k) => [runs.starts[k]!, runs.ends[k]!]);
    };
    for (const seed of loadSeeds()) assert.deepEqual(byRuns(seed.text), byPattern(seed.text));
    fc.assert(fc.property(body, (text) => assert.deepEqual(byRuns(text), byPattern(text))), { numRuns: 2000 });
    const word = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('N', 'H', 'Đ', 'đ', 'TT', '&', 'İ', 'ǅ', '𝐀', 'a', '1')), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(fc.property(word, (text) => assert.ok(!isAcronym(text) || mayBeAcronym(text, 0, text.length))), { numRuns: 5000 });
  });

  it('gives typo/spacing the lopsided hyphens of its former pattern', () => {
    const former = (text: string) => [...text.matchAll(/(?<=[\p{L}\p{M}])(?:-[ \t]+|[ \t]+-)(?=[\p{L}\p{M}])/gu)].map((match) => ({ index: match.index!, length: match[0].length }));
    const text = fc.array(fc.constantFrom('a', 'Ấ', 'đ', '-', ' ', '\t', '1', '/', '\u0301', '𝐀', '\ud835', ',', '\n', ' - '), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (sample) => assert.deepEqual(lopsidedHyphens(sample), former(sample))), { numRuns: 5000 });
    for (const seed of loadSeeds()) assert.deepEqual(lopsidedHyphens(seed.text), former(seed.text), seed.name);
    assert.deepEqual(lopsidedHyphens('các- bon, Ngàn Trươi -Cẩm Trang, kinh tế - xã hội'), [{ index: 3, length: 2 }, { index: 20, length: 2 }]);
  });
});
