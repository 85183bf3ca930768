import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { fixAll } from '../../server/src/core/fixAll.js';
import { weekdayIndex } from '../../server/src/core/dates.js';
import { daysInMonth } from '../../server/src/core/frontmatter.js';
import { readSuppressions } from '../../server/src/core/suppression.js';
import { documentSymbols } from '../../server/src/core/features/outline.js';
import { hoverAt } from '../../server/src/core/features/hover.js';
import { completionsAt } from '../../server/src/core/features/completion.js';
import { registryFromEntries, type RegistryEntry } from '../../server/src/core/registry.js';
import { configSchema } from '../../server/src/core/config.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { ruleById } from '../../server/src/core/rules/index.js';
import { findings, notice, run } from '../helpers.js';
import { root } from '../lsp/harness.js';
import { analyzeOptions } from './invariants.js';
import { assertLinearGrowth } from './timing.js';

/**
 * Regression tests for the core findings of issue 12 (an independent attack
 * on the analysis): each test is named after its finding and failed before
 * its fix.
 */

/** 4× the input must cost well under 16× (quadratic) the time: linear is 4×, the bound leaves room for noise. */
function assertLinear(make: (n: number) => string, small: number, analyse: (text: string) => void = (text) => analyzeNotice(text, analyzeOptions)): void {
  assertLinearGrowth(make, small, analyse, { limit: 9 });
}

const FRONT_MATTER = ['co-quan: Văn phòng Chính phủ', 'so: 530/TB-VPCP', 'dia-danh: Hà Nội', 'ngay: 2026-01-15', 'loai: Thông báo', 'trich-yeu: Kết luận của Phó Thủ tướng'];
const header = (lines = FRONT_MATTER) => `---\n${lines.join('\n')}\n---\n`;
const mdast = unified().use(remarkParse).use(remarkGfm);

/**
 * An image, HTML, or a link whose text hides its destination. A bare URL in a
 * value stays visible as written (GFM may show it as a link to itself).
 */
function hasLinkOrImage(markdown: string): boolean {
  const textOf = (node: Nodes): string => ('value' in node ? String(node.value) : 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '');
  const visit = (node: Nodes): boolean =>
    ['image', 'linkReference', 'imageReference', 'html', 'definition'].includes(node.type) ||
    (node.type === 'link' && node.url.replace(/^mailto:/u, '') !== textOf(node) && node.url !== `http://${textOf(node)}`) ||
    ('children' in node && (node.children as Nodes[]).some(visit));
  return visit(mdast.parse(markdown) as Nodes);
}

describe('issue 12: core findings', function () {
  this.timeout(120_000);

  describe('finding 7: agency/not-in-force fixes that would change the meaning', () => {
    it('finding 7: no fix where the successor is already named in the sentence', () => {
      const text = `${header()}\nBộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính tổng hợp kinh phí.\n`;
      const [finding] = findings(text, 'agency/not-in-force');
      assert.ok(finding);
      assert.equal(finding.fix, undefined);
    });
    it('finding 7: no fix in a sentence about the past', () => {
      const text = `${header()}\nNăm 2023, Bộ Kế hoạch và Đầu tư đã trình Chính phủ đề án.\n\nTrước đây, Bộ Kế hoạch và Đầu tư đã chủ trì xây dựng đề án.\n`;
      for (const finding of findings(text, 'agency/not-in-force')) assert.equal(finding.fix, undefined, text.slice(finding.start, finding.end));
    });
    it('finding 7: the example notice keeps "Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính" after --fix', () => {
      const text = readFileSync(path.join(root, 'examples', 'thong-bao-co-loi.tb.md'), 'utf8');
      const fixed = fixAll(text, analyzeOptions).text;
      assert.doesNotMatch(fixed, /Bộ Tài chính chủ trì, phối hợp với Bộ Tài chính/u);
    });
    it('finding 7: the fix stays where it is certain', () => {
      const [finding] = findings(`${header()}\nBộ Kế hoạch và Đầu tư chủ trì thực hiện.\n`, 'agency/not-in-force');
      assert.ok(finding?.fix);
    });
  });

  describe('finding 8: typo/unicode outside prose', () => {
    it('finding 8: no report or fix inside code fences, inline code, HTML comments and link destinations', () => {
      const spans = [
        '```\nBộ Công an chu\u0309 trì\u200b\n```',
        'Xem `chu\u0309\u200b` trong mã.',
        '<!-- ghi chú chu\u0309 trì\u200b -->',
        'Xem [trang](https://example.vn/chu\u0309\u200b/a) này.',
        'Biểu tượng 👨\u200d👩\u200d👧 trong câu.',
      ];
      const text = notice(spans.join('\n\n'));
      const unicode = findings(text, 'typo/unicode');
      assert.deepEqual(unicode.map((finding) => text.slice(finding.start, finding.end)), []);
      assert.equal(fixAll(text, analyzeOptions).text.includes(spans.join('\n\n')), true);
    });
    it('finding 8: prose is still checked', () => {
      const text = notice('Bộ Công an chu\u0309 trì\u200b thực hiện.');
      assert.equal(findings(text, 'typo/unicode').length, 2);
    });
  });

  it('finding 9: front-matter keys named like Object.prototype members are unknown fields, and all rules run', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const text = `${header([...FRONT_MATTER, `${key}: x`])}\nHoàn thành trước ngày 5 tháng 12 năm 2026.\n`;
      const result = run(text);
      assert.ok(!result.findings.some((finding) => /Lỗi nội bộ|Internal error/u.test(finding.message.en + finding.message.vi)), `${key}: ${JSON.stringify(result.findings.map((f) => f.message.en))}`);
      assert.ok(result.findings.some((finding) => finding.rule === 'meta/unknown-field'), key);
      assert.ok(result.findings.some((finding) => finding.rule === 'date/padding'), key);
      assert.equal(result.model.meta.number, '530/TB-VPCP');
    }
  });

  it('finding 12: abbreviation extraction is linear in the number of "(ABBR)"', () => {
    assertLinear((n) => notice(`Nội dung ${'Ban Chỉ đạo (ABC) '.repeat(n)}kết thúc.`), 1000);
  });

  it('finding 13: suppression lookup is linear in the number of line directives', () => {
    const suppressionsOf = (n: number) => {
      const lines = Array.from({ length: n }, () => '<!-- thongbao-disable-next-line typo/spacing -->\nHoàn thành  trước.');
      const text = lines.join('\n');
      const comments = [...text.matchAll(/<!--(.*?)-->/gu)].map((match) => ({ start: match.index!, end: match.index! + match[0].length, body: match[1]!.trim() }));
      const offsets = [...text.matchAll(/ {2}/gu)].map((match) => match.index!);
      return { text, comments, offsets };
    };
    const query = ({ text, comments, offsets }: ReturnType<typeof suppressionsOf>) => {
      const suppressions = readSuppressions(text, comments);
      for (const offset of offsets) assert.equal(suppressions.isSuppressed('typo/spacing', offset), true);
    };
    assertLinearGrowth((n) => suppressionsOf(n), 1500, query, { limit: 9 }, '4× the directives');
  });

  it('finding 14: agency/not-in-force is linear in the number of mentions', () => {
    const rule = ruleById('agency/not-in-force')!;
    // Mentions in one sentence, and in one list of ministries written without their head word.
    assertLinear((n) => `${header()}\n${'Bộ Kế hoạch và Đầu tư, '.repeat(n)}Bộ Công an.\n`, 1000, (text) => analyzeNotice(text, { ...analyzeOptions, rules: [rule] }));
    assertLinear((n) => `${header()}\nCác bộ: ${'Kế hoạch và Đầu tư, '.repeat(n)}Công an.\n`, 1000, (text) => analyzeNotice(text, { ...analyzeOptions, rules: [rule] }));
  });

  describe('finding 16: hovers and completions built from workspace strings', () => {
    const knowledge = loadKnowledge();
    const attack = 'Chính phủ ![](https://attacker.example/p.png) [bấm](https://attacker.example/) <img src=x>';
    const entry: RegistryEntry = {
      symbol: '12/2026/NĐ-CP',
      type: 'Nghị định',
      issuer: attack,
      subject: `quy định ${attack}`,
      date: { year: 2026, month: 1, day: 2 },
      inForce: true,
      endOfValidity: null,
      replacedBy: null,
      verified: false,
      origin: 'workspace-registry',
      location: { uri: 'file:///ws/a](https://attacker.example/).vanban.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    };
    const registry = registryFromEntries([entry], []);
    const env = { knowledge, registry, config: configSchema.parse({ abbreviations: { XYZ: attack } }), locale: 'vi' as const };
    const snapshotOf = (text: string) => ({ uri: 'file:///ws/n.tb.md', text, analysis: analyzeNotice(text, { knowledge, registry, config: env.config }) });

    it('finding 16: a citation hover escapes the registry entry', () => {
      const text = notice('Căn cứ Nghị định số 12/2026/NĐ-CP ngày 02 tháng 01 năm 2026 của Chính phủ.', { date: '2026-02-01' });
      const hover = hoverAt(snapshotOf(text), text.indexOf('12/2026'), env);
      assert.ok(hover);
      assert.match(hover.markdown, /attacker/u);
      assert.equal(hasLinkOrImage(hover.markdown), false, hover.markdown);
    });
    it('finding 16: an abbreviation hover escapes the configured expansion', () => {
      const text = notice('Giao XYZ thực hiện.');
      const hover = hoverAt(snapshotOf(text), text.indexOf('XYZ'), env);
      assert.ok(hover);
      assert.equal(hasLinkOrImage(hover.markdown), false, hover.markdown);
    });
    it('finding 16: completion documentation is not Markdown that could load an image', () => {
      const text = notice('Căn cứ Nghị định số 12');
      const items = completionsAt(snapshotOf(text), text.indexOf('12\n') + 2, env);
      const documented = items.filter((item) => item.documentation !== undefined);
      assert.ok(documented.length > 0);
      for (const item of documented) assert.equal(hasLinkOrImage(item.documentation!), false, item.documentation);
    });
  });

  it('finding 24: bare-CR line endings read the front matter as LF ones do', () => {
    const lf = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
    const cr = lf.replace(/\n/gu, '\r');
    // The front matter's findings (structure rules reading lines are issue 13's).
    const rules = (text: string) => run(text).findings.filter((finding) => finding.rule.startsWith('meta/') || finding.start < text.indexOf('Hoàn thành')).map((finding) => `${finding.rule}@${finding.start}`);
    const withError = (text: string) => run(text).model.frontMatter?.syntaxError;
    assert.equal(withError(lf.replace('so: 530', 'so: [530').replace(/\n/gu, '\r'))?.span.start, withError(lf.replace('so: 530', 'so: [530'))?.span.start);
    assert.deepEqual(rules(cr), rules(lf));
    assert.equal(run(cr).model.meta.number, '530/TB-VPCP');
  });

  it('finding 33: years 0000–0099 are proleptic Gregorian years, not 1900–1999', () => {
    assert.equal(weekdayIndex({ year: 24, month: 1, day: 1 }), 1); // 1 January 24 was a Monday
    assert.equal(weekdayIndex({ year: 1924, month: 1, day: 1 }), 2);
    assert.equal(daysInMonth(0, 2), 29); // year 0 is a leap year
    assert.equal(daysInMonth(100, 2), 28);
    const text = notice('Họp vào thứ Hai, ngày 01 tháng 01 năm 0024.');
    assert.deepEqual(findings(text, 'date/weekday'), []);
  });

  it('finding 34: analyzeNotice on a Buffer or null throws a TypeError that says a string is expected', () => {
    for (const value of [Buffer.from('x'), null, undefined, 42]) {
      assert.throws(() => analyzeNotice(value as unknown as string, analyzeOptions), (error: unknown) => error instanceof TypeError && /string/u.test(error.message) && !/replace/u.test(error.message));
    }
  });

  it('finding 35: the document outline is linear in the number of parts', () => {
    const make = (n: number) => notice(Array.from({ length: n }, (_, i) => `## ${i % 2 ? 'A' : 'I'}. Phần ${i}\n\n1. Mục một.\n\na) Điểm a.`).join('\n\n'));
    const snapshotOf = (n: number) => {
      const text = make(n);
      return { uri: 'file:///ws/o.tb.md', text, analysis: analyzeNotice(text, { ...analyzeOptions, rules: [] }) };
    };
    assertLinearGrowth(snapshotOf, 500, (snapshot) => void documentSymbols(snapshot), { limit: 9 }, '4× the parts');
    const small = snapshotOf(500);
    assert.equal(documentSymbols(small).filter((symbol) => symbol.kind === "part" && symbol.children.length === 1 && symbol.children[0]!.children.length === 1).length, 500);
  });
});
