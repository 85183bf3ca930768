import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clauseSnippet, clauseSnippets, expandDefaults, resolveDateVariables, snippetCompletions, snippetPlace, type ClauseSnippet } from '../../server/src/core/features/snippets.js';
import { completionsAt } from '../../server/src/core/features/completion.js';
import { isoOf } from '../../server/src/core/dates.js';
import type { CalendarDate } from '../../server/src/core/types.js';
import type { DocumentSnapshot, FeatureEnv } from '../../server/src/core/features/types.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { EMPTY_REGISTRY } from '../../server/src/core/registry.js';
import { notice, run } from '../helpers.js';

const HERE = '@@HERE@@';
const CURSOR = '|';

function expand(snippet: ClauseSnippet, date: CalendarDate): string {
  return expandDefaults(resolveDateVariables(snippet.body, date));
}

/** The skeleton with every default, and HERE where its final tab stop ($0) stands. */
function skeleton(date: CalendarDate): string {
  const body = clauseSnippet('Thông báo mới (khung)').body.replace('$0', HERE);
  return expandDefaults(resolveDateVariables(body, date));
}

/** A whole notice holding the clause with its default values at the place the clause belongs. */
function inContext(snippet: ClauseSnippet, date: CalendarDate): string {
  const clause = expand(snippet, date);
  const full = skeleton(date);
  switch (snippetPlace(snippet.name)) {
    case 'document':
      return full.replace(HERE, '');
    case 'paragraph':
      return notice(clause, { date: isoOf(date) });
    case 'inline':
      return notice(`Thực hiện ${clause}, các bộ, cơ quan đã hoàn thành các nhiệm vụ được giao.`, { date: isoOf(date) });
    case 'closing':
      return full.replace(HERE, '').replace('Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.', clause.trim());
    case 'recipients':
      return full.replace(HERE, '').replace(/## Nơi nhận\n[\s\S]*?(?=## Chữ ký)/u, `${clause.trim()}\n\n`);
    case 'signature':
      return full.replace(HERE, '').replace(/(## Chữ ký\n\n)[\s\S]*$/u, `$1${clause.trim()}\n`);
  }
}

function snapshot(textWithCursor: string): { document: DocumentSnapshot; offset: number } {
  const offset = textWithCursor.indexOf(CURSOR);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { document: { uri: 'file:///t.tb.md', text, analysis: run(text) }, offset };
}

function labelsAt(textWithCursor: string): string[] {
  const { document, offset } = snapshot(textWithCursor);
  return snippetCompletions(document, offset, { year: 2026, month: 3, day: 5 }).map((item) => item.label);
}

describe('clause snippets', () => {
  describe('every snippet, expanded with its defaults into its place, is a correct notice', () => {
    for (const date of [
      { year: 2026, month: 1, day: 5 },
      { year: 2026, month: 11, day: 20 },
    ]) {
      for (const snippet of clauseSnippets) {
        it(`${snippet.name} (${isoOf(date)})`, () => {
          const text = inContext(snippet, date);
          const problems = run(text, { today: date }).findings.filter((finding) => finding.severity !== 'info');
          assert.deepEqual(
            problems.map((finding) => `${finding.rule}: ${finding.message.vi} «${text.slice(finding.start, finding.end)}»`),
            [],
            text,
          );
        });
      }
    }
  });

  it('dates follow the official padding: day below 10 and months 1–2 padded, months 3–12 not', () => {
    const opening = clauseSnippet('Mở đầu cuộc họp');
    assert.match(expand(opening, { year: 2026, month: 2, day: 3 }), /^Ngày 03 tháng 02 năm 2026,/u);
    assert.match(expand(opening, { year: 2026, month: 3, day: 14 }), /^Ngày 14 tháng 3 năm 2026,/u);
    assert.match(skeleton({ year: 2026, month: 7, day: 9 }), /\nngay: 2026-07-09\n/u);
  });

  it('every snippet has a prefix without diacritics and one with them, and a bilingual description', () => {
    for (const snippet of clauseSnippets) {
      assert.equal(snippet.prefix.length, 2, snippet.name);
      const [plain, vietnamese] = snippet.prefix as [string, string];
      assert.match(plain, /^[a-z ]+$/u, snippet.name);
      assert.notEqual(plain, vietnamese, snippet.name);
      assert.match(snippet.description, / — /u, snippet.name);
    }
  });

  it('the snippet file VS Code reads is the one the server offers', () => {
    const file = JSON.parse(readFileSync(new URL('../../snippets/clauses.json', import.meta.url), 'utf8')) as Record<string, { body: string[] }>;
    assert.deepEqual(
      clauseSnippets.map((snippet) => snippet.body),
      Object.values(file).map((entry) => entry.body.join('\n')),
    );
  });

  it('docs/authoring.md lists every snippet with its prefixes', () => {
    const doc = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
    for (const snippet of clauseSnippets) assert.ok(doc.includes(`| ${snippet.name} | \`${snippet.prefix[1]}\` / \`${snippet.prefix[0]}\` |`), snippet.name);
  });

  it('expands choices, mirrors, nested placeholders and escapes', () => {
    assert.equal(expandDefaults('${1|a\\, b,c|} ${2:x ${3:y}} $1 $3 \\$5 $0'), 'a, b x y a, b y $5 ');
  });

  describe('completion is placed by context', () => {
    it('offers only the skeleton in an empty document', () => {
      assert.deepEqual(labelsAt('|'), ['Thông báo mới (khung)']);
      assert.deepEqual(labelsAt('thong|'), ['Thông báo mới (khung)']);
    });

    it('offers paragraph clauses at the start of a body paragraph, matched with or without diacritics', () => {
      const plain = labelsAt(notice('ket l|'));
      const vietnamese = labelsAt(notice('kết lu|'));
      assert.deepEqual(plain, ['Kết luận như sau']);
      assert.deepEqual(vietnamese, ['Kết luận như sau']);
      assert.ok(labelsAt(notice('1. giao|')).includes('Giao nhiệm vụ'));
    });

    it('offers nothing inside the front matter', () => {
      assert.deepEqual(labelsAt(notice('Nội dung.').replace('loai: Thông báo', 'loai: Thông báo\nthong|')), []);
    });

    it('offers the citation inside a sentence, but no paragraph clause there', () => {
      const labels = labelsAt(notice('Thực hiện trich|'));
      assert.deepEqual(labels, ['Trích dẫn văn bản (lần đầu)']);
    });

    it('offers the closing formula only after the last paragraph of the body', () => {
      const text = notice('cau|\n\nĐoạn sau.');
      assert.deepEqual(labelsAt(text), []);
      const atEnd = notice('Đoạn trước.\n\ncau|').replace('Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.\n', '');
      assert.deepEqual(labelsAt(atEnd), ['Câu kết thông báo']);
    });

    it('offers the recipients blocks only where "Nơi nhận" is missing', () => {
      const withRecipients = notice('Đoạn.\n\nnoi|');
      assert.deepEqual(labelsAt(withRecipients), []);
      const without = '---\nloai: Thông báo\n---\n\nĐoạn.\n\nnoi nhan|\n';
      assert.deepEqual(labelsAt(without), ['Nơi nhận (kết luận của Thủ tướng)', 'Nơi nhận (kết luận của Phó Thủ tướng)']);
    });

    it('offers signature blocks under "Chữ ký", and nothing else there', () => {
      const text = notice('Đoạn.').replace(/## Chữ ký\n[\s\S]*$/u, '## Chữ ký\n\nchu ky k|\n');
      assert.deepEqual(labelsAt(text), ['Chữ ký: KT. Bộ trưởng, Chủ nhiệm']);
      const empty = notice('Đoạn.').replace(/## Chữ ký\n[\s\S]*$/u, '## Chữ ký\n\n|\n');
      assert.deepEqual(
        labelsAt(empty),
        clauseSnippets.filter((snippet) => snippetPlace(snippet.name) === 'signature').map((snippet) => snippet.name),
      );
    });

    it('replaces the typed words and resolves the date variables for every editor', () => {
      const { document, offset } = snapshot(notice('mở đầu|'));
      const [item] = snippetCompletions(document, offset, { year: 2026, month: 3, day: 5 });
      assert.ok(item);
      assert.equal(document.text.slice(item.replace!.start, item.replace!.end), 'mở đầu');
      assert.equal(item.filterText, 'mở đầu');
      assert.equal(item.isSnippet, true);
      assert.match(item.insertText, /^Ngày \$\{1:05\} tháng \$\{2:3\} năm \$\{3:2026\},/u);
      assert.doesNotMatch(item.insertText, /CURRENT_/u);
    });

    it('is one of the completion providers', () => {
      const { document, offset } = snapshot('thông|');
      const env: FeatureEnv = { knowledge: loadKnowledge(), registry: EMPTY_REGISTRY, config: DEFAULT_CONFIG, locale: 'vi' };
      assert.ok(completionsAt(document, offset, env).some((item) => item.label === 'Thông báo mới (khung)'));
    });
  });
});
