import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { gfmWithoutAutolinkLiterals, parseMarkdown } from '../../server/src/core/parse.js';

/** The dialect's Markdown with GFM's table syntax always on: what the parse must give whether or not it skips that syntax. */
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinkLiterals, { tables: true });

function blocksOf(text: string) {
  return parseMarkdown(text).children;
}

describe('Markdown syntax of the dialect', () => {
  it('reads the same tree as with the table syntax on any text, tables or not', function () {
    this.timeout(60_000);
    // Hyphens, colons and pipes next to paragraphs, lists and rules: every way a table's delimiter row can be written, or nearly.
    const piece = fc.constantFrom('a', 'Bộ', ' ', '\n', '\n\n', '-', '--', ':', '|', '- ', '* ', '1. ', '> ', '#', '=', '---', '`', '~~', '[^1]', '[ ]', 'ngày 5', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(blocksOf(text), (reference.parse(text) as Root).children);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads tables with pipes, and a one-column table whose delimiter has a colon and no pipe', () => {
    assert.equal(blocksOf('| a | b |\n|---|---|\n| 1 | 2 |\n')[0]!.type, 'table');
    assert.equal(blocksOf('a\n:-\n')[0]!.type, 'table');
    assert.equal(blocksOf('a\n-:\n')[0]!.type, 'table');
    assert.equal(blocksOf('Hà Nội - Hải Phòng: 5 - 10 ngày\n---\n')[0]!.type, 'heading');
  });
});
