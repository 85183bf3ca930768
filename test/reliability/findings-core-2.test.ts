import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { analyzeNotice, PARSE_LIMIT_RULE } from '../../server/src/core/analyze.js';
import { fixAll } from '../../server/src/core/fixAll.js';
import { parseNotice } from '../../server/src/core/parse.js';
import { SETEXT_UNDERLINE_LIMIT } from '../../server/src/core/parserLimits.js';
import { notice, run } from '../helpers.js';
import { analyzeOptions } from './invariants.js';
import { fastestTime } from './timing.js';

/**
 * Regression tests for more core findings of issue 12, each named after its
 * finding (see findings-core.test.ts for the others); each failed before its fix.
 */

const CORRECT = notice('Bộ Công an chủ trì thực hiện.');
const KEYS = ['co-quan: Văn phòng Chính phủ', 'so: 530/TB-VPCP', 'dia-danh: Hà Nội', 'ngay: 2024-11-22', 'trich-yeu: Kết luận của Phó Thủ tướng'];

describe('issue 12: core findings (2)', function () {
  this.timeout(120_000);

  describe('finding 6: front matter the parser does not recognise', () => {
    // Each variant, and words its message must hold (Vietnamese) to say what is wrong.
    const variants: [string, string, RegExp][] = [
      ['a blank line before "---"', `\n${CORRECT}`, /dòng trống trước/u],
      ['a zero-width space before "---"', `\u200b${CORRECT}`, /U\+200B trước “---”/u],
      ['no closing line', CORRECT.replace('\n---\n\n', '\n\n'), /không có dòng “---” đóng/u],
      ['"..." as the closing line', CORRECT.replace('\n---\n\n', '\n...\n\n'), /đóng bằng “\.\.\.”/u],
      ['" ---" with a leading space', ` ${CORRECT}`, /dấu cách trước “---”/u],
      ['"---" and a no-break space', CORRECT.replace(/^---/u, '---\u00a0'), /U\+00A0 sau “---”/u],
      ['"---" and a line separator U+2028', CORRECT.replace(/^---/u, '---\u2028'), /U\+2028 sau “---”/u],
      ['"---" and U+2028 in place of the line break', CORRECT.replace(/^---\n/u, '---\u2028'), /U\+2028 sau “---”/u],
    ];
    for (const [name, text, says] of variants) {
      it(`finding 6: ${name}: one finding on the block, no fix, nothing read as body text`, () => {
        const blockEnd = text.indexOf('trich-yeu');
        const { findings } = run(text);
        const onBlock = findings.filter((finding) => finding.start < blockEnd);
        assert.deepEqual(onBlock.map((finding) => finding.rule), ['meta/missing-field'], JSON.stringify(onBlock.map((finding) => [finding.rule, finding.message.en])));
        const [finding] = onBlock;
        assert.equal(finding!.fix, undefined);
        assert.ok(finding!.end > blockEnd, 'the finding covers the block');
        assert.match(finding!.message.vi, says);
        assert.match(finding!.message.vi, /Đúng thể thức: dòng đầu tiên của tệp chỉ có “---”/u);
        assert.match(finding!.message.en, /not recognised: .* The official form/u);
        assert.equal(findings.filter((other) => other.rule.startsWith('meta/')).length, 1);
        // The drafter's block stays byte for byte; no second front matter is written.
        const fixed = fixAll(text, analyzeOptions).text;
        assert.equal(fixed.slice(0, blockEnd + 60), text.slice(0, blockEnd + 60));
      });
    }
    it('finding 6: a correct front matter and a notice without any are read as before', () => {
      assert.ok(run(CORRECT).model.frontMatter);
      assert.deepEqual(run(CORRECT).findings.filter((finding) => finding.rule.startsWith('meta/')), []);
      const [missing] = run('Bộ Công an chủ trì thực hiện.\n').findings.filter((finding) => finding.rule === 'meta/missing-field');
      assert.ok(missing?.fix, 'a notice with no front matter still gets the one that inserts it');
    });
    it('finding 6: an edit in the body of a notice with such a block gives the result of a full parse', () => {
      const text = `\n${CORRECT}`;
      const previous = parseNotice(text);
      const edited = text.replace('chủ trì', 'chủ trì, phối hợp');
      const incremental = parseNotice(edited, previous);
      assert.deepEqual({ ...incremental, text: '' }, { ...parseNotice(edited), text: '' });
    });
  });

  describe('finding 11: setext headings, quadratic in the Markdown parser', () => {
    const analyse = (text: string) => analyzeNotice(text, { ...analyzeOptions, rules: [] });
    for (const [name, unit] of [['x\\n=\\n', 'x\n=\n'], ['> x\\n> =\\n', '> x\n> =\n'], ['x\\n---\\n', 'x\n---\n']] as const) {
      it(`finding 11: '${name}' × 4000 costs about what as many plain paragraphs cost`, () => {
        const pathological = unit.repeat(4000);
        const plain = unit.replace(/[=-]+/u, '').repeat(4000);
        analyse(plain.slice(0, 2000));
        const baseline = Math.max(fastestTime(() => analyse(plain), 3), 30);
        const time = fastestTime(() => analyse(pathological), 1);
        assert.ok(time / baseline < 4, `${Math.round(time)} ms against ${Math.round(baseline)} ms for plain paragraphs`);
      });
    }
    it('finding 11: one warning says where lines were read as blank, and why', () => {
      const { findings } = analyse(notice('x\n=\n'.repeat(SETEXT_UNDERLINE_LIMIT + 5)));
      const limits = findings.filter((finding) => finding.rule === PARSE_LIMIT_RULE);
      assert.equal(limits.length, 1);
      assert.equal(limits[0]!.severity, 'warning');
      assert.match(limits[0]!.message.vi, /hơn 100 dòng/u);
      assert.match(limits[0]!.message.en, /5 such lines from this one on are read as blank lines/u);
    });
    it('finding 11: a notice with a few setext headings keeps them, with no warning', () => {
      const text = notice('I. Nội dung\n==========\n\nBộ Công an chủ trì.\n\nII. Tổ chức thực hiện\n---\n\nBộ Tài chính phối hợp.');
      const result = analyse(text);
      assert.deepEqual(result.findings.filter((finding) => finding.rule === PARSE_LIMIT_RULE), []);
      assert.equal(result.model.blocks.filter((block) => block.kind === 'heading' && block.section === 'body').length, 2);
    });
  });

  describe('finding 27: the missing-field fix in an indented front matter', () => {
    const indented = (lines: string[], eol = '\n') => `---${eol}${lines.map((line) => `  ${line}`).join(eol)}${eol}---${eol}${eol}Bộ Công an chủ trì thực hiện.${eol}`;
    for (const eol of ['\n', '\r\n']) {
      it(`finding 27: inserting "loai" keeps the YAML valid, the indentation, and adds no blank line (${JSON.stringify(eol)})`, () => {
        const text = indented(KEYS, eol);
        const fixed = fixAll(text, analyzeOptions).text;
        assert.equal(fixed, indented([...KEYS, 'loai: Thông báo'], eol));
        const yaml = fixed.slice(3 + eol.length, fixed.indexOf(`${eol}---${eol}`, 3));
        const document = parseDocument(yaml);
        assert.deepEqual(document.errors, []);
        assert.equal((document.toJSON() as Record<string, unknown>).loai, 'Thông báo');
      });
    }
    it('finding 27: keys inserted into an empty front matter come one per line, with no blank line', () => {
      const fixed = fixAll('---\n---\n\nBộ Công an chủ trì thực hiện.\n', analyzeOptions).text;
      assert.match(fixed, /^---\nco-quan: Văn phòng Chính phủ\nso: …\/TB-VPCP\ndia-danh: Hà Nội\nngay:\nloai: Thông báo\n---\n/u);
    });
    it('finding 27: a flow-style front matter gets no insertion (a line after "{…}" is not YAML)', () => {
      const [finding] = run('---\n{co-quan: Văn phòng Chính phủ, so: 530/TB-VPCP, dia-danh: Hà Nội, ngay: 2024-11-22, trich-yeu: Kết luận}\n---\n\nNội dung.\n').findings.filter((candidate) => candidate.rule === 'meta/missing-field');
      assert.ok(finding);
      assert.equal(finding.fix, undefined);
    });
  });
});
