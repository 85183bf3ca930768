import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Nodes, Root } from 'hast';
import type { Alignment, Block, Footnote, OfficeDocument, Paragraph, ReaderNote, Run, TableCell, TextRun } from '../core/import/model.js';

/**
 * Word-exported HTML, as legal sites serve notices: parsed with rehype-parse
 * into a syntax tree and walked; nothing in it is ever run. Scripts, styles,
 * frames and embedded objects are left out and reported; links keep their
 * text (the site injects them around cited numbers). Whitespace collapses as a
 * browser would; `<br>` is a line break.
 */

const SKIPPED = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'title', 'meta', 'link', 'img', 'svg', 'video', 'audio', 'canvas', 'form', 'input', 'button', 'select', 'textarea']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'center', 'section', 'article', 'body', 'html', 'ul', 'ol', 'dl', 'dt', 'dd', 'header', 'footer', 'main']);

interface Style {
  bold?: boolean;
  italic?: boolean;
  superscript?: boolean;
}

class HtmlReader {
  readonly blocks: Block[] = [];
  readonly notes: ReaderNote[] = [];
  readonly footnotes: Footnote[] = [];
  private paragraphCount = 0;
  private runs: Run[] = [];
  private align: Alignment | undefined;
  private links = 0;
  private skipped = new Map<string, number>();

  read(root: Root): OfficeDocument {
    this.walkChildren(root, {}, this.blocks);
    this.flush(this.blocks);
    if (this.links > 0) this.notes.push({ message: { vi: `Bỏ ${this.links} liên kết do trang web chèn vào (giữ chữ của chúng).`, en: `Dropped ${this.links} links injected by the web site (their text is kept).` }, source: {} });
    for (const [tag, count] of this.skipped) {
      this.notes.push({ message: { vi: `Bỏ ${count} phần tử <${tag}> (không chạy, không đưa vào).`, en: `Dropped ${count} <${tag}> element(s) (never run, not imported).` }, source: {} });
    }
    return { format: 'html', layout: 'paragraphs', blocks: this.blocks, footnotes: this.footnotes, notes: this.notes };
  }

  private flush(into: Block[] | Paragraph[]): void {
    const hasText = this.runs.some((run) => !('break' in run) && run.text.trim() !== '');
    if (hasText) {
      this.paragraphCount++;
      (into as Paragraph[]).push({ kind: 'paragraph', runs: collapse(this.runs), align: this.align, source: { paragraph: this.paragraphCount } });
    }
    this.runs = [];
  }

  private walkChildren(node: Root | Element, style: Style, into: Block[] | Paragraph[]): void {
    for (const child of node.children) this.walk(child as Nodes, style, into);
  }

  private walk(node: Nodes, style: Style, into: Block[] | Paragraph[]): void {
    if (node.type === 'text') {
      this.runs.push({ text: node.value, ...style });
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    if (tag === 'head') {
      // Nothing of the head is text of the notice; its scripts are counted all the same.
      const count = (element: Element) => {
        for (const child of element.children) if (child.type === 'element') this.walk(child, style, []);
      };
      count(node);
      return;
    }
    if (SKIPPED.has(tag)) {
      if (tag !== 'title' && tag !== 'meta' && tag !== 'link') this.skipped.set(tag, (this.skipped.get(tag) ?? 0) + 1);
      return;
    }
    if (tag === 'br') {
      this.runs.push({ break: true });
      return;
    }
    const id = String(node.properties?.id ?? '');
    if (tag === 'div' && /^ftn\d+$/u.test(id)) {
      this.readFootnote(node, id.slice(3));
      return;
    }
    if (tag === 'a') {
      const href = String(node.properties?.href ?? '');
      const note = /#_ftn(\d+)$/u.exec(href);
      if (note) {
        this.runs.push({ text: '', footnote: note[1]! });
        return;
      }
      if (href) this.links++;
      this.walkChildren(node, style, into);
      return;
    }
    if (tag === 'table') {
      this.flush(into);
      this.readTable(node, into as Block[]);
      return;
    }
    const inner: Style = { ...style };
    if (tag === 'b' || tag === 'strong') inner.bold = true;
    if (tag === 'i' || tag === 'em') inner.italic = true;
    if (tag === 'sup') inner.superscript = true;
    const css = String(node.properties?.style ?? '');
    if (/font-weight\s*:\s*(?:bold|[6-9]00)/u.test(css)) inner.bold = true;
    if (/font-style\s*:\s*italic/u.test(css)) inner.italic = true;
    if (BLOCKS.has(tag)) {
      this.flush(into);
      // The innermost block's alignment applies (a <p align=center> inside a <div>).
      const outer = this.align;
      this.align = alignmentOf(node) ?? outer;
      this.walkChildren(node, inner, into);
      this.flush(into);
      this.align = outer;
      return;
    }
    this.walkChildren(node, inner, into);
  }

  private readTable(table: Element, into: Block[]): void {
    const rows: TableCell[][] = [];
    const visit = (node: Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'tr') {
          const cells: TableCell[] = [];
          for (const cell of child.children) {
            if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
            const blocks: Paragraph[] = [];
            const outer = this.align;
            this.align = alignmentOf(cell);
            this.walkChildren(cell, {}, blocks);
            this.flush(blocks);
            this.align = outer;
            cells.push({ blocks });
          }
          rows.push(cells);
        } else if (child.tagName !== 'table') visit(child);
      }
    };
    visit(table);
    into.push({ kind: 'table', rows, source: { paragraph: this.paragraphCount + 1 } });
  }

  private readFootnote(node: Element, id: string): void {
    const paragraphs: Paragraph[] = [];
    const saved = this.runs;
    this.runs = [];
    this.walkChildren(node, {}, paragraphs);
    this.flush(paragraphs);
    this.runs = saved;
    // Word repeats the number as a back link at the start of the note.
    const first = paragraphs[0];
    if (first) first.runs = first.runs.filter((run) => !('footnote' in run && run.footnote !== undefined));
    this.footnotes.push({ id, paragraphs });
  }
}

function alignmentOf(node: Element): Alignment | undefined {
  const css = String(node.properties?.style ?? '');
  const value = /text-align\s*:\s*(left|center|right|justify)/u.exec(css)?.[1] ?? String(node.properties?.align ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' || value === 'justify' ? value : undefined;
}

/** HTML whitespace rules: runs of spaces, tabs and newlines are one space. No-break spaces stay. */
function collapse(runs: Run[]): Run[] {
  const result: Run[] = [];
  let spaceBefore = true;
  for (const run of runs) {
    if ('break' in run) {
      const last = result[result.length - 1];
      if (last && !('break' in last)) last.text = last.text.replace(/[ \t\n\r\f]+$/u, '');
      result.push(run);
      spaceBefore = true;
      continue;
    }
    let text = run.text.replace(/[ \t\n\r\f]+/gu, ' ');
    if (spaceBefore) text = text.replace(/^ /u, '');
    if (text === '' && (run as TextRun).footnote === undefined) continue;
    spaceBefore = text.endsWith(' ');
    result.push({ ...run, text });
  }
  return result;
}

export function readHtml(html: string): OfficeDocument {
  const tree = unified().use(rehypeParse, { fragment: false }).parse(html) as Root;
  return new HtmlReader().read(tree);
}
