import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { dialectGfm, parseMarkdown } from '../../server/src/core/parse.js';

/** The dialect's Markdown with GFM's table syntax and autolink literals always on: what the parse must give whether or not it skips them. */
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(dialectGfm, { tables: true, autolinkLiterals: true });

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

  it('reads the same tree as with autolink literals on, on any text with or without an address', function () {
    this.timeout(60_000);
    const piece = fc.constantFrom('a', 'Bộ', ' ', '\n', '\n\n', 'www', '.', 'WWW.', 'http', 'https', ':', '//', '://', '@', 'vpcp', '.gov.vn', '/', '*', '_', '~', '~~', '**', '(', ')', '<', '>', '[', ']', 'mailto:', '-', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(blocksOf(text), (reference.parse(text) as Root).children);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the "*", "_" and "~" of an address as written, not as emphasis or strikethrough', () => {
    const paragraph = blocksOf('Tra cứu tại https://vanban.chinhphu.vn/tim*kiem*nhanh, www.x.gov.vn/~a/b~c và van_thu@chinhphu.vn.\n')[0]!;
    assert.equal(paragraph.type, 'paragraph');
    const types = (paragraph as { children: { type: string }[] }).children.map((child) => child.type);
    assert.deepEqual(types, ['text', 'link', 'text', 'link', 'text', 'link', 'text']);
    assert.equal(JSON.stringify(paragraph).includes('"emphasis"') || JSON.stringify(paragraph).includes('"delete"'), false);
  });

  it('reads tables with pipes, and a one-column table whose delimiter has a colon and no pipe', () => {
    assert.equal(blocksOf('| a | b |\n|---|---|\n| 1 | 2 |\n')[0]!.type, 'table');
    assert.equal(blocksOf('a\n:-\n')[0]!.type, 'table');
    assert.equal(blocksOf('a\n-:\n')[0]!.type, 'table');
    assert.equal(blocksOf('Hà Nội - Hải Phòng: 5 - 10 ngày\n---\n')[0]!.type, 'heading');
  });
});
