import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNotice } from '../../server/src/core/parse.js';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { generateNotice, loadSeeds } from '../../bench/generate.js';

const seeds = loadSeeds();
const texts = [...seeds.map((seed) => seed.text), generateNotice(seeds, 30_000)];

/** Text that changes Markdown structure when typed: markers, fences, tables, comments, line breaks, references. */
const snippet = fc.oneof(
  fc.constantFrom('a', ' ', '\n', '\n\n', '#', '## ', '- ', '1. ', '> ', '```', '\n```\n', '|', '| a | b |\n|---|---|\n', '---', '\n---\n', '===', '    ', '<!--', '-->', '<!-- thongbao-disable -->', '*', '[^1]', '[^1]: x', ':', 'ngày 5 tháng 3 năm 2024', 'Nơi nhận', '\n## Nơi nhận\n', 'đ', '\t'),
  fc.string({ maxLength: 4 }),
);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), remove: fc.nat({ max: 40 }), insert: snippet }), { minLength: 1, maxLength: 4 });

describe('incremental parse', () => {
  it('gives the same model as a full parse after any sequence of edits', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...texts.keys()), edits, (index, sequence) => {
        let text = texts[index]!;
        let model = parseNotice(text);
        for (const edit of sequence) {
          text = applyEdit(text, edit);
          model = parseNotice(text, model);
          assert.deepEqual(model, parseNotice(text));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lists blocks in text order without overlaps (lookups binary-search them)', () => {
    for (const text of texts) {
      const { blocks } = parseNotice(text);
      for (let i = 1; i < blocks.length; i++) assert.ok(blocks[i - 1]!.end <= blocks[i]!.start, `block ${i} overlaps or precedes block ${i - 1}`);
    }
  });

  it('keeps a byte order mark out of the model either way', () => {
    const text = `\ufeff${seeds[3]!.text}`;
    const model = parseNotice(text);
    const edited = text.replace('Về kết quả đạt được', 'Về kết quả đã đạt được');
    assert.deepEqual(parseNotice(edited, model), parseNotice(edited));
  });

  it('gives the same findings when the analysis of the previous version is passed', () => {
    const knowledge = loadKnowledge();
    const today = { year: 2024, month: 11, day: 22 };
    const text = texts.at(-1)!;
    const previous = analyzeNotice(text, { knowledge, today });
    const edited = text.replace('tháng 3 năm', 'tháng 03 năm');
    assert.deepEqual(analyzeNotice(edited, { knowledge, today, previous }).findings, analyzeNotice(edited, { knowledge, today }).findings);
  });
});
