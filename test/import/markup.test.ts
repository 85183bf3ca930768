import assert from 'node:assert/strict';
import type { Nodes, Paragraph } from 'mdast';
import { importDocument } from '../../server/src/core/import/index.js';
import { parseMarkdown } from '../../server/src/core/parse.js';
import { readHtml } from '../../server/src/import/html.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

/** The printed text of a Markdown node: its text, code and link words, markup left out. */
function printed(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => printed(child as Nodes)).join('') : '';
}

describe('import: the source’s characters that Markdown reads as markup', () => {
  const knowledge = loadKnowledge();
  const paragraphsOf = (html: string) => (parseMarkdown(importDocument(readHtml(`<html><body><p align="center"><b>THÔNG BÁO</b></p>${html}</body></html>`), knowledge).text).children.filter((node) => node.type === 'paragraph') as Paragraph[]);

  it('come back as the same text: asterisks, underscores, tildes, backquotes, brackets, tags, entities and backslashes', () => {
    const source = 'Các chỉ tiêu có dấu (*) là bắt buộc; 5*3*2 = 30; mã_số_thuế và _nháp_; giá ~50% đến ~60%; <b>ghi chú</b>; xem [^1] và [mục](a); `mã`; dấu \\* và &amp; tại https://x.gov.vn/tim*kiem*nhanh.';
    const html = source.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const [paragraph] = paragraphsOf(`<p>${html}</p>`);
    assert.equal(printed(paragraph!), source);
    assert.deepEqual(paragraph!.children.map((child) => child.type), ['text', 'link', 'text']);
  });

  it('keep the emphasis of the runs around escaped text', () => {
    const [paragraph] = paragraphsOf('<p><i>Nghiêng (*) chữ</i> và <b>đậm *</b></p>');
    assert.deepEqual(
      paragraph!.children.map((child) => [child.type, printed(child)]),
      [
        ['emphasis', 'Nghiêng (*) chữ'],
        ['text', ' và '],
        ['strong', 'đậm *'],
      ],
    );
  });
});
