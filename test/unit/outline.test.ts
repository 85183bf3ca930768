import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { documentSymbols } from '../../server/src/core/features/outline.js';
import { foldingRanges } from '../../server/src/core/features/folding.js';
import type { DocumentSnapshot, SymbolResult } from '../../server/src/core/features/types.js';
import { notice, run } from '../helpers.js';

function snapshot(text: string): DocumentSnapshot {
  return { uri: 'file:///t.tb.md', text, analysis: run(text) };
}

/** The outline as indented lines "kind name". */
function tree(symbols: SymbolResult[], indent = ''): string[] {
  return symbols.flatMap((symbol) => [`${indent}${symbol.kind} ${symbol.name}`, ...tree(symbol.children, `${indent}  `)]);
}

/** Every child lies inside its parent, the selection inside the symbol, siblings do not overlap. */
function assertNested(symbols: SymbolResult[], parent?: SymbolResult): void {
  let previousEnd = parent?.start ?? 0;
  for (const symbol of symbols) {
    assert.ok(symbol.start <= symbol.selection.start && symbol.selection.end <= symbol.end, `selection of ${symbol.name}`);
    assert.ok(symbol.start >= previousEnd, `${symbol.name} overlaps its previous sibling`);
    if (parent) assert.ok(parent.start <= symbol.start && symbol.end <= parent.end, `${symbol.name} outside ${parent.name}`);
    previousEnd = symbol.end;
    assertNested(symbol.children, symbol);
  }
}

const BODY = [
  '## I. Đánh giá chung',
  '',
  'Hội nghị đánh giá cao kết quả đạt được.',
  '',
  '## II. Nhiệm vụ thời gian tới',
  '',
  '1. Về quan điểm',
  '',
  'a) Chuyển đổi số là xu thế tất yếu.',
  '',
  'b) Lấy người dân làm trung tâm.',
  '',
  '2. Nhiệm vụ của các bộ',
  '',
  'Giao Bộ Công an chủ trì triển khai.',
].join('\n');

describe('outline and folding', () => {
  it('nests items under their part and points under their item', () => {
    const symbols = documentSymbols(snapshot(notice(BODY)));
    assert.deepEqual(tree(symbols), [
      'part I. Đánh giá chung',
      'part II. Nhiệm vụ thời gian tới',
      '  item 1. Về quan điểm',
      '    point a) Chuyển đổi số là xu thế tất yếu.',
      '    point b) Lấy người dân làm trung tâm.',
      '  item 2. Nhiệm vụ của các bộ',
      'section Nơi nhận',
      'section Chữ ký',
    ]);
    assertNested(symbols);
  });

  it('ends the last item before the closing formula', () => {
    const text = notice(BODY);
    const item = documentSymbols(snapshot(text))[1]!.children[1]!;
    assert.equal(text.slice(item.start, item.end), '2. Nhiệm vụ của các bộ\n\nGiao Bộ Công an chủ trì triển khai.');
  });

  it('keeps the nesting on every seed notice', () => {
    for (const name of ['2023-07-12-hoi-nghi-chuyen-doi-so', '2024-01-10-so-ket-de-an-06', '2024-03-06-hop-de-an-06', '2024-11-22-530-TB-VPCP']) {
      const text = readFileSync(new URL(`../fixtures/seeds/${name}.tb.md`, import.meta.url), 'utf8');
      const symbols = documentSymbols(snapshot(text));
      assertNested(symbols);
      assert.ok(symbols.some((symbol) => symbol.name === 'Nơi nhận'), name);
    }
  });

  it('cuts long item names', () => {
    const long = `1. ${'Giao Bộ Tài chính chủ trì, phối hợp với các cơ quan liên quan '.repeat(3)}`;
    const [item] = documentSymbols(snapshot(notice(long)));
    assert.ok(item && item.name.length <= 80 && item.name.endsWith('…'));
  });

  it('folds the front matter, the parts, the items, the points, "Nơi nhận" and "Chữ ký"', () => {
    const text = notice(BODY);
    const starts = foldingRanges(snapshot(text)).map((range) => text.slice(range.start, text.indexOf('\n', range.start)));
    assert.deepEqual(starts, ['---', '## I. Đánh giá chung', '## II. Nhiệm vụ thời gian tới', '1. Về quan điểm', 'a) Chuyển đổi số là xu thế tất yếu.', 'b) Lấy người dân làm trung tâm.', '2. Nhiệm vụ của các bộ', '## Nơi nhận', '## Chữ ký']);
  });
});
