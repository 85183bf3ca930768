import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OfficeDocument, Paragraph, TextRun } from '../core/import/model.js';
import { msg } from '../core/types.js';
import { ImportReadError } from './errors.js';
import { installPdfjsGlobals, withoutRenderingWarnings } from './pdfjsNode.js';

/**
 * A PDF read with pdfjs-dist (5.x, the line that runs on Node 20): the text
 * items of each page with their positions and sizes, grouped into printed
 * lines (official-layout §5.2). Items on one baseline that stand far apart are
 * separate segments (the two header columns, "Nơi nhận" beside the
 * signature); where a page has such two-column rows, the left column is read
 * before the right one, as in a text extraction. Bold and italic come from the
 * real font names, read on the first and last pages where the header, title
 * and signature are. No script in the PDF is ever run (isEvalSupported off,
 * no scripting build).
 */

/** A notice with its appendices runs to a few dozen pages; more is not a notice. */
export const MAX_PDF_PAGES = 100;

interface Item {
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  fontName: string;
}

interface Segment {
  items: Item[];
  x: number;
  right: number;
  baseline: number;
  size: number;
}

let pdfjsLoading: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/** The bundled pdf.js beside this bundle (dist/pdfjs.cjs), or the package itself when running from the sources. */
function pdfjsModules(): Promise<typeof import('./pdfjsModules.js')> {
  const bundled = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdfjs.cjs');
  if (existsSync(bundled)) return Promise.resolve(createRequire(import.meta.url)(bundled) as typeof import('./pdfjsModules.js'));
  return import('./pdfjsModules.js');
}

/**
 * pdf.js is loaded on the first PDF only: loading it costs a few hundred milliseconds and polyfills browser classes, which
 * no check of a .tb.md should pay for.
 */
function loadPdfjs() {
  pdfjsLoading ??= (async () => {
    installPdfjsGlobals();
    return withoutRenderingWarnings(async () => {
      const { pdfjs, pdfjsWorker } = await pdfjsModules();
      // pdf.js's "fake worker" runs in this thread when the worker module is on globalThis (no worker file to find).
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
      return pdfjs;
    });
  })();
  return pdfjsLoading;
}

const fontStyle = (name: string) => ({ bold: /bold|black|heavy|semibold|demi/iu.test(name), italic: /italic|oblique/iu.test(name) });

export async function readPdf(bytes: Uint8Array): Promise<OfficeDocument> {
  const pdfjs = await loadPdfjs();
  let document;
  try {
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportReadError(msg('tệp PDF có mật khẩu: mở bằng mật khẩu rồi lưu một bản không có mật khẩu', 'a password-protected PDF: open it with its password and save a copy without one'));
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportReadError(msg(`không đọc được tệp PDF (${detail})`, `not a readable PDF file (${detail})`));
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) throw new ImportReadError(msg(`tệp PDF ${document.numPages} trang: quá ${MAX_PDF_PAGES} trang thì không phải một thông báo; hãy nhập riêng các trang của thông báo`, `a PDF of ${document.numPages} pages: more than ${MAX_PDF_PAGES} pages is not a notice; import the notice's own pages`));
    const blocks: Paragraph[] = [];
    let textItems = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const fonts = new Map<string, { bold: boolean; italic: boolean }>();
      if (number === 1 || number >= document.numPages - 1) {
        // Real font names are known only once the page's operators are loaded (pdf.js issue #15651).
        await page.getOperatorList();
        for (const item of content.items) {
          if (!('fontName' in item) || fonts.has(item.fontName)) continue;
          const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }) : undefined;
          fonts.set(item.fontName, fontStyle(font?.name ?? ''));
        }
      }
      const items: Item[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        const size = Math.hypot(a!, b!);
        items.push({ text: item.str, x: e!, right: e! + item.width, baseline: height - f!, size, fontName: item.fontName });
      }
      textItems += items.length;
      blocks.push(...pageLines(items, width, number, fonts, learnedWidths(items)));
      page.cleanup();
    }
    if (textItems === 0) throw new ImportReadError(msg('tệp PDF không có lớp chữ (ảnh quét): hãy nhận dạng chữ (OCR) trước', 'the PDF has no text layer (a scanned image): run text recognition (OCR) on it first'));
    return { format: 'pdf', layout: 'lines', blocks, footnotes: [], notes: [] };
  } finally {
    await document.destroy();
  }
}

function segmentsOf(items: Item[]): Segment[] {
  // Rows by baseline (same row within half the size), then items by x; a gap of over 2 em splits a row.
  const sorted = [...items].sort((p, q) => p.baseline - q.baseline || p.x - q.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const main = row ? Math.max(...row.map((other) => other.size)) : 0;
    if (row && Math.abs(item.baseline - row[0]!.baseline) < 0.5 * Math.max(main, item.size)) row.push(item);
    else rows.push([item]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let current: Item[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const size = mainSize(current);
      const body = current.filter((item) => item.size >= size * 0.8);
      segments.push({ items: current, x: current[0]!.x, right: Math.max(...current.map((item) => item.right)), baseline: (body[0] ?? current[0]!).baseline, size });
      current = [];
    };
    let reach = -Infinity;
    for (const item of row) {
      if (current.length > 0 && item.x - reach > 2 * item.size) flush();
      if (current.length === 0) reach = -Infinity;
      current.push(item);
      reach = Math.max(reach, item.right);
    }
    flush();
  }
  return segments;
}

function mainSize(items: Item[]): number {
  const weight = new Map<number, number>();
  for (const item of items) weight.set(Math.round(item.size * 2) / 2, (weight.get(Math.round(item.size * 2) / 2) ?? 0) + item.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function pageLines(items: Item[], width: number, page: number, fonts: Map<string, { bold: boolean; italic: boolean }>, widths: LearnedWidths): Paragraph[] {
  const segments = segmentsOf(items);
  // The centre of the text area (the margins are not equal): between the leftmost start and the rightmost end.
  const left = segments.length > 0 ? Math.min(...segments.map((segment) => segment.x)) : 0;
  const centre = segments.length > 0 ? (left + Math.max(...segments.map((segment) => segment.right))) / 2 : width / 2;
  // Reading order: two-column stretches (a row with two segments, and the rows under it that stay on one side) left first.
  const ordered: Segment[] = [];
  for (let index = 0; index < segments.length; ) {
    const segment = segments[index]!;
    const sameRow = segments[index + 1] && Math.abs(segments[index + 1]!.baseline - segment.baseline) < 0.5 * segment.size;
    // The closing is two columns even where no two lines share a baseline (recipients are set smaller).
    const closing = /^Nơi\s+nhận/u.test(segment.items.map((item) => item.text).join('').trim());
    if (!sameRow && !closing) {
      ordered.push(segment);
      index++;
      continue;
    }
    const leftColumn: Segment[] = [];
    const rightColumn: Segment[] = [];
    // Lines just above that sit wholly right of the centre start the right column ("KT. BỘ TRƯỞNG, …" above "Nơi nhận:").
    const rightOfCentre = (line: Segment) => line.x > left + 3 * line.size && (line.x + line.right) / 2 > centre;
    while (ordered.length > 0 && rightOfCentre(ordered[ordered.length - 1]!) && segment.baseline - ordered[ordered.length - 1]!.baseline < 3 * segment.size) rightColumn.unshift(ordered.pop()!);
    let end = index;
    for (; end < segments.length; end++) {
      const current = segments[end]!;
      // A line of the body (from the left edge or its indent across the centre, in the body's size or larger: the
      // recipients, set smaller, may wrap past the centre) ends the stretch, and so does a line centred on the
      // text area ("THÔNG BÁO" under the header), which belongs to neither column.
      const bodyLine = current.x < left + 3 * current.size && current.right > centre + current.size && current.size >= 0.95 * segment.size;
      const centred = current.x < centre && current.right > centre && Math.abs((current.x + current.right) / 2 - centre) < current.size;
      if (bodyLine || centred) break;
      (current.x + current.right) / 2 < centre ? leftColumn.push(current) : rightColumn.push(current);
    }
    if (end === index) {
      ordered.push(segment);
      index++;
      continue;
    }
    ordered.push(...leftColumn, ...rightColumn);
    index = end;
  }
  const lines: Paragraph[] = [];
  let previous: Segment | undefined;
  let lineOnPage = 0;
  for (const segment of ordered) {
    // A gap well over a line's pitch (paragraph spacing, the signature space) reads as a blank line.
    if (previous && segment.baseline - previous.baseline > 1.6 * segment.size) lines.push({ kind: 'paragraph', runs: [], source: { page } });
    const runs = segmentRuns(segment, fonts, widths);
    const align = Math.abs((segment.x + segment.right) / 2 - centre) < width * 0.02 ? 'center' : undefined;
    lines.push({ kind: 'paragraph', runs, align, source: { page, line: ++lineOnPage }, geometry: { x: segment.x, right: segment.right, y: segment.baseline, size: segment.size } });
    previous = segment;
  }
  return lines;
}

/**
 * Advance widths of Times New Roman (and of Liberation Serif, which shares
 * them) in thousandths of an em, from the PDF core-font metrics; a Vietnamese
 * letter takes the width of its base letter. Used to place the letters
 * inside an item, whose total width pdf.js gives.
 */
const WIDTHS: Record<string, number> = {
  ' ': 250, a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778, n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  đ: 500, Đ: 722, '.': 250, ',': 250, ':': 278, ';': 278, '-': 333, '–': 500, '(': 333, ')': 333, '/': 278, '%': 833, '"': 408, '“': 444, '”': 444, "'": 180, '’': 333, '!': 333, '?': 444, '&': 778, '+': 564,
};

/** Advance widths in ems measured on the page, by font and letter without its tone mark. */
type LearnedWidths = Map<string, Map<string, number>>;

/** A Vietnamese letter without its tone mark (the five tones; ư, ơ, â, ê, ô, ă keep their shape): the tones do not change the width. */
const toneless = (char: string) => char.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC');

/**
 * The widths of the letters that stand alone as an item on the page, by font:
 * LibreOffice draws each letter its main font lacks as an item of a fallback
 * font whose widths are not Times's, and the same fallback letters come back
 * on every line.
 */
function learnedWidths(items: readonly Item[]): LearnedWidths {
  const widths: LearnedWidths = new Map();
  for (const item of items) {
    const chars = [...item.text.trim()];
    if (chars.length !== 1 || item.size <= 0) continue;
    let font = widths.get(item.fontName);
    if (!font) widths.set(item.fontName, (font = new Map()));
    font.set(toneless(chars[0]!), (item.right - item.x) / item.size);
  }
  return widths;
}

function advance(char: string, learned: Map<string, number> | undefined): number {
  const measured = learned?.get(toneless(char));
  if (measured !== undefined) return measured;
  if (/\d/u.test(char)) return 0.5;
  const base = char.normalize('NFD')[0] ?? char;
  return (WIDTHS[char] ?? WIDTHS[base] ?? (/\p{Lu}/u.test(base) ? 722 : 500)) / 1000;
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  item: Item;
  /** Index of the piece among the whitespace-separated pieces of its item. */
  order: number;
}

/**
 * The text of a segment in left-to-right order. Some PDF writers draw the
 * letters a font lacks from a fallback font as separate items laid over
 * blanks left in the main text (LibreOffice does it for "ủ", "ướ" …). So each
 * item is cut at its whitespace into pieces placed by their advance widths,
 * and the pieces are ordered by position; a space goes between pieces of one
 * item, or where two pieces leave a gap.
 */
function segmentRuns(segment: Segment, fonts: Map<string, { bold: boolean; italic: boolean }>, widths: LearnedWidths): TextRun[] {
  const pieces: Piece[] = [];
  for (const item of segment.items) {
    const learned = widths.get(item.fontName);
    // Letters take their own widths; what is left of the item's width goes to its blanks, evenly
    // (a blank that stands for a fallback letter is wider than a space).
    const chars = [...item.text];
    const letters = chars.filter((char) => !/\s/u.test(char));
    const blanks = (item.text.match(/\s+/gu) ?? []).length;
    const natural = letters.reduce((sum, char) => sum + advance(char, learned) * item.size, 0);
    const width = item.right - item.x;
    const scale = blanks === 0 && natural > 0 ? width / natural : 1;
    const blank = blanks > 0 ? Math.max(0, width - natural) / blanks : 0;
    let x = item.x;
    let current: Piece | undefined;
    let order = 0;
    let inBlank = false;
    for (const char of chars) {
      if (/\s/u.test(char)) {
        if (current) pieces.push(current);
        current = undefined;
        if (!inBlank) x += blank;
        inBlank = true;
        continue;
      }
      inBlank = false;
      const advanceWidth = advance(char, learned) * item.size * scale;
      current ??= { text: '', x0: x, x1: x, item, order: order++ };
      current.text += char;
      x += advanceWidth;
      current.x1 = x;
    }
    if (current) pieces.push(current);
  }
  pieces.sort((a, b) => a.x0 - b.x0);
  const em = segment.size;
  const runs: TextRun[] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    // Pieces of one item that follow each other had whitespace between them; others are apart where they leave a gap.
    const space = previous !== undefined && ((previous.item === piece.item && piece.order === previous.order + 1) || piece.x0 - previous.x1 > 0.15 * em);
    const style = fonts.get(piece.item.fontName) ?? { bold: false, italic: false };
    const raised = piece.item.size < segment.size * 0.8 && segment.baseline - piece.item.baseline > 1.5;
    const flags = { ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(raised ? { superscript: true } : {}) };
    const last = runs[runs.length - 1];
    if (space) runs.push({ text: ' ' });
    if (!space && last && last.bold === flags.bold && last.italic === flags.italic && last.superscript === flags.superscript) last.text += piece.text;
    else runs.push({ text: piece.text, ...flags });
    previous = piece;
  }
  return runs;
}
