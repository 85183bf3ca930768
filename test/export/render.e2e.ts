// Renders exported notices with LibreOffice headless (Debian's libreoffice-writer, installed by
// test/e2e/setup.sh) and reads the components' positions back from the PDF with pdfjs-dist
// (official-layout.md §6.3). The pages are kept as PNGs in test-output/export/ for a person to look at.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { docxToPdf, findSoffice } from '../../server/src/export/pdf.js';
import { PAGE, TEXT_WIDTH } from '../../server/src/core/layout/index.js';
import { exportDocx, root } from './fixtures.js';

const run = promisify(execFile);
const outputDir = path.join(root, 'test-output/export');
const pt = (twips: number) => twips / 20;
const pageHeight = pt(PAGE.height);
const leftMargin = pt(PAGE.marginLeft);
const textCentre = leftMargin + pt(TEXT_WIDTH) / 2;
const topBand = pageHeight - pt(PAGE.marginTop);

interface Segment {
  x0: number;
  x1: number;
  y: number;
  text: string;
  centre: number;
}

/** One printed line: its pieces of text, split where a gap is wider than a word space (the two header columns). */
interface Line {
  y: number;
  segments: Segment[];
}

/**
 * LibreOffice puts Vietnamese letters outside Latin-1 in a second font subset, and pdfjs gives them as
 * pieces of their own laid over blanks in the first subset's text. Lines are rebuilt by position, and
 * texts are compared on their Latin-1 skeleton, which both agree on.
 */
async function linesOfPages(pdf: Uint8Array): Promise<Line[][]> {
  const document = await getDocument({ data: pdf, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: Line[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const lines: { y: number; items: { text: string; x0: number; x1: number }[] }[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = item.transform[5] as number;
      const x0 = item.transform[4] as number;
      let line = lines.find((candidate) => Math.abs(candidate.y - y) < 1.5);
      if (!line) lines.push((line = { y, items: [] }));
      line.items.push({ text: item.str, x0, x1: x0 + item.width });
    }
    pages.push(
      lines
        .sort((a, b) => b.y - a.y)
        .map((line) => {
          const segments: Segment[] = [];
          for (const item of line.items.sort((a, b) => a.x0 - b.x0)) {
            const last = segments.at(-1);
            if (last && item.x0 - last.x1 < 8) {
              last.text += item.text;
              last.x1 = Math.max(last.x1, item.x1);
            } else {
              segments.push({ x0: item.x0, x1: item.x1, y: line.y, text: item.text, centre: 0 });
            }
          }
          for (const segment of segments) {
            segment.text = skeleton(segment.text);
            segment.centre = (segment.x0 + segment.x1) / 2;
          }
          return { y: line.y, segments };
        }),
    );
  }
  return pages;
}

/** The Latin-1 letters, digits and signs of a text, without spaces. */
function skeleton(text: string): string {
  return [...text.normalize('NFC')].filter((ch) => ch.charCodeAt(0) < 0x100 && !/\s/u.test(ch)).join('');
}

function find(lines: Line[], pattern: RegExp | string): Segment {
  const matches = (text: string) => (typeof pattern === 'string' ? text === skeleton(pattern) : pattern.test(text));
  const found = lines.flatMap((line) => line.segments).find((segment) => matches(segment.text));
  assert.ok(found, `no ${String(pattern)} in ${JSON.stringify(lines.map((line) => line.segments.map((segment) => segment.text)))}`);
  return found;
}

const RENDERED = [
  { file: 'examples/thong-bao-mau.tb.md', name: 'thong-bao-mau' },
  { file: 'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md', name: '530-TB-VPCP' },
];

describe('export rendered by LibreOffice: the official layout on paper', function () {
  const soffice = findSoffice();
  before(async function () {
    if (!soffice) {
      console.log('    pending: LibreOffice (soffice) is not installed; test/e2e/setup.sh installs libreoffice-writer');
      this.skip();
    }
    try {
      await run('pdftoppm', ['-v']);
    } catch {
      console.log('    pending: poppler-utils (pdftoppm) is not installed; test/e2e/setup.sh installs it');
      this.skip();
    }
    mkdirSync(outputDir, { recursive: true });
  });

  for (const { file, name } of RENDERED) {
    describe(file, () => {
      let pages: Line[][];
      before(async () => {
        const pdf = await docxToPdf(await exportDocx(file), soffice);
        const pdfFile = path.join(outputDir, `${name}.pdf`);
        writeFileSync(pdfFile, pdf);
        for (const png of ['1', '2', '3', '4', '5'].map((page) => path.join(outputDir, `${name}-${page}.png`))) rmSync(png, { force: true });
        await run('pdftoppm', ['-r', '80', '-png', pdfFile, path.join(outputDir, name)]);
        pages = await linesOfPages(new Uint8Array(pdf));
      });

      it('A4 pages; nothing in the top margin of page 1, the page number centred there from page 2 on', () => {
        assert.ok(pages.length >= 2, 'the notice runs over more than one page');
        assert.deepEqual(pages[0]!.filter((line) => line.y > topBand), []);
        pages.slice(1).forEach((lines, index) => {
          const top = lines.filter((line) => line.y > topBand).flatMap((line) => line.segments);
          assert.equal(top.length, 1, `page ${index + 2}`);
          assert.equal(top[0]!.text, String(index + 2));
          assert.ok(Math.abs(top[0]!.centre - textCentre) <= 2, `page number centred: ${top[0]!.centre}`);
        });
      });

      it('header: the body\'s name top left, the national name top right on the same line, the motto under it, "Số" level with the date', () => {
        const first = pages[0]!;
        const top = first[0]!;
        assert.equal(top.segments.length, 2, JSON.stringify(top.segments));
        const [issuer, nation] = top.segments as [Segment, Segment];
        assert.equal(issuer.text, skeleton('VĂN PHÒNG CHÍNH PHỦ'));
        assert.ok(issuer.centre < textCentre);
        assert.equal(nation.text, skeleton('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
        assert.ok(nation.centre > textCentre);
        const motto = find(first, 'Độc lập - Tự do - Hạnh phúc');
        assert.ok(Math.abs(motto.centre - nation.centre) <= 2, 'motto centred under the national name');
        assert.ok(motto.y < nation.y);
        const number = find(first, /^S:\d+\/TB-VPCP$/u);
        const date = find(first, /^HàNi,ngày\d{2}tháng\d{1,2}nm\d{4}$/u);
        assert.ok(Math.abs(number.y - date.y) <= 2, `"Số" ${number.y} and the date ${date.y} on one line`);
        assert.ok(Math.abs(number.centre - issuer.centre) <= 2, '"Số" centred under the body\'s name');
        assert.ok(Math.abs(date.centre - nation.centre) <= 3, 'the date centred under the national name');
      });

      it('the type name centred on the text width, under the header', () => {
        const first = pages[0]!;
        const type = find(first, 'THÔNG BÁO');
        assert.ok(Math.abs(type.centre - textCentre) <= 2, `THÔNG BÁO at ${type.centre}, text centre ${textCentre}`);
        assert.ok(type.y < find(first, /^S:/u).y);
      });

      it('body lines start at the left margin or at the first-line indent', () => {
        const starts = pages.flatMap((lines) => lines.filter((line) => line.y < topBand && line.y > 100).map((line) => line.segments[0]!.x0));
        const atMargin = starts.filter((x) => Math.abs(x - leftMargin) <= 1).length;
        const indented = starts.filter((x) => Math.abs(x - (leftMargin + pt(567))) <= 1).length;
        assert.ok(atMargin > 10 && indented > 3, `${atMargin} lines at the margin, ${indented} indented`);
      });

      it('closing: "Nơi nhận:" at the left margin, the signature right of it on the same level, the name lowest', () => {
        const last = pages.at(-1)!;
        const recipients = find(last, 'Nơi nhận:');
        assert.ok(Math.abs(recipients.x0 - leftMargin) <= 1, `Nơi nhận at ${recipients.x0}`);
        const authority = find(last, 'KT. BỘ TRƯỞNG, CHỦ NHIỆM');
        assert.ok(authority.centre > textCentre);
        assert.ok(Math.abs(authority.y - recipients.y) <= 3, `level: ${authority.y} and ${recipients.y}`);
        const rightColumn = last.flatMap((line) => line.segments).filter((segment) => segment.x0 > textCentre - 20 && segment.y < authority.y + 1);
        const name = rightColumn.sort((a, b) => a.y - b.y)[0]!;
        assert.ok(Math.abs(name.centre - authority.centre) <= 3, 'the name centred under the title');
        assert.ok(authority.y - name.y > 5 * 14, 'room for the signature between the title and the name');
      });
    });
  }
});
