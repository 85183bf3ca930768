import type { FootnoteDefinition, ListItem, Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import type { NoticeModel, Section } from '../model.js';
import { markdownBlocks, sectionTitle, type ParsedBlock } from '../parse.js';
import { formatVietnameseDate } from '../dates.js';
import { msg, type Msg, type Span } from '../types.js';
import { textWidth } from './metrics.js';
import {
  CELL_MARGIN,
  CLOSING_TABLE,
  HEADER_TABLE,
  MOTTO,
  NATIONAL_NAME,
  RECIPIENTS_TITLE,
  RULE,
  SIGNATURE_SPACE_LINES,
  STYLES,
  TEXT_WIDTH,
  type StyleName,
} from './styles.js';
import type { BodyBlock, LayoutFootnote, LayoutParagraph, LayoutResult, NoticeLayout, RuleLine, Run } from './types.js';

/** Blank left in a draft's "Số:" and date line where the number or the date is not known yet (Mẫu 1.4). */
const BLANK = '      ';

/**
 * An undated draft's date line: day, month and year left blank for whoever
 * signs, as unsigned drafts print them ("Hà Nội, ngày tháng năm"; Mẫu 1.4
 * dots the same three places). Never the day of the export: the same notice
 * always prints the same, and a draft is not always signed in the year it is
 * exported.
 */
const UNDATED = `ngày${BLANK}tháng${BLANK}năm${BLANK}`;

/**
 * Lays a notice out in the official layout (NĐ 30/2020, Phụ lục I): the
 * printed text of every component, in order, with its style. Refuses a notice
 * whose header cannot be printed (no front matter, a required field missing).
 */
export function layoutNotice(model: NoticeModel): LayoutResult {
  const problems = headerProblems(model);
  if (problems.length > 0) return { ok: false, problems };
  const meta = model.meta;
  const field = (key: string): Span | undefined => model.frontMatter?.fields.find((candidate) => candidate.key === key)?.valueSpan;

  const issuerText = meta.issuer!.toLocaleUpperCase('vi');
  const bodyColumn = HEADER_TABLE.columns[0] - 2 * CELL_MARGIN;
  const nationColumn = HEADER_TABLE.columns[1] - 2 * CELL_MARGIN;
  const issuer = paragraph('issuer', [text(issuerText)], field('co-quan'));
  const subjectLines = meta.subject!.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line.length > 0);

  const content = new ContentBuilder(model.text);
  // The analysis's own tree: a second parse would cost more than the whole layout.
  content.visit(markdownBlocks(model));

  const layout: NoticeLayout = {
    header: {
      body: [issuer],
      bodyRule: rule(longestLine([issuerText], 'issuer', bodyColumn) * RULE.partOfLine, bodyColumn),
      nation: [paragraph('nationalName', [text(NATIONAL_NAME)]), paragraph('motto', [text(MOTTO)])],
      nationRule: rule(longestLine([MOTTO], 'motto', nationColumn) * RULE.mottoPart, nationColumn),
      number: paragraph('number', [text(numberLine(meta.number!))], field('so')),
      placeDate: paragraph('placeDate', [text(`${meta.place!}, ${meta.date ? formatVietnameseDate(meta.date) : UNDATED}`)], field('dia-danh')),
    },
    type: paragraph('type', [text(meta.type!.toLocaleUpperCase('vi'))], field('loai')),
    subject: paragraph('subject', subjectLines.flatMap((line, index): Run[] => (index === 0 ? [text(line)] : [{ kind: 'break' }, text(line)])), field('trich-yeu')),
    subjectRule: rule(longestLine(subjectLines, 'subject', TEXT_WIDTH) * RULE.partOfLine, TEXT_WIDTH),
    body: content.body,
    footnotes: content.footnotes(),
    closing: content.closing(),
  };
  return { ok: true, layout };
}

/** What keeps the header from being printed, in the drafter's terms. */
function headerProblems(model: NoticeModel): Msg[] {
  if (!model.frontMatter) {
    return [msg('Thông báo không có phần đầu (front matter giữa hai dòng ---): không dựng được phần đầu văn bản theo thể thức.', 'The notice has no front matter (between two --- lines): the header of the official layout cannot be built.')];
  }
  if (model.frontMatter.syntaxError) {
    return [msg(`Phần đầu (front matter) có lỗi cú pháp YAML: ${model.frontMatter.syntaxError.message}.`, `The front matter has a YAML syntax error: ${model.frontMatter.syntaxError.message}.`)];
  }
  const required: [keyof NoticeModel['meta'], string][] = [['issuer', 'co-quan'], ['number', 'so'], ['place', 'dia-danh'], ['type', 'loai'], ['subject', 'trich-yeu']];
  const missing = required.filter(([property]) => model.meta[property] === undefined).map(([, key]) => key);
  if (missing.length === 0) return [];
  const keys = missing.join(', ');
  return [msg(`Thiếu hoặc sai trường ${keys} ở phần đầu: không dựng được phần đầu văn bản theo thể thức.`, `Missing or invalid front matter field ${keys}: the header of the official layout cannot be built.`)];
}

/** "Số: 530/TB-VPCP"; a draft's "…/TB-VPCP" or "/TB-VPCP" keeps a blank before the "/" (Mẫu 1.4). */
function numberLine(number: string): string {
  if (/^\d/u.test(number)) return `Số: ${number}`;
  const slash = number.indexOf('/');
  return `Số:${BLANK}${slash >= 0 ? number.slice(slash) : number}`;
}

function longestLine(lines: readonly string[], style: StyleName, width: number): number {
  const { size, bold } = STYLES[style];
  return Math.min(width, Math.max(0, ...lines.map((line) => textWidth(line, size, bold))));
}

function rule(length: number, width: number): RuleLine {
  return { kind: 'rule', length: Math.round(length), width };
}

function text(value: string): Run {
  return { kind: 'text', text: value };
}

function paragraph(style: StyleName, runs: Run[], source?: Span): LayoutParagraph {
  return source ? { kind: 'paragraph', style, runs, source } : { kind: 'paragraph', style, runs };
}

interface Marks {
  bold?: true;
  italic?: true;
  strike?: true;
}

/** Walks the Markdown after the front matter into body paragraphs, footnotes, recipients and signature. */
class ContentBuilder {
  readonly body: BodyBlock[] = [];
  private readonly recipients: LayoutParagraph[] = [];
  private readonly signature: LayoutParagraph[][] = [];
  private readonly definitions = new Map<string, { node: FootnoteDefinition; shift: number }>();
  /** Footnote labels in order of first reference: their Word numbers. */
  private readonly footnoteNumbers = new Map<string, number>();
  private section: Section = 'body';
  private sawRecipients = false;
  /** Offset of the text the current top-level block was parsed from (ParsedBlock.shift). */
  private shift = 0;

  constructor(private readonly source: string) {}

  visit(blocks: readonly ParsedBlock[]): void {
    // Definitions first: a reference is numbered only when its definition exists.
    for (const { node, shift } of blocks) if (node.type === 'footnoteDefinition') this.definitions.set(node.identifier, { node, shift });
    for (const { node, shift } of blocks) {
      this.shift = shift;
      this.visitTop(node);
    }
    this.markClosingFormula();
  }

  private span(node: Nodes): Span {
    return { start: (node.position?.start.offset ?? 0) + this.shift, end: (node.position?.end.offset ?? 0) + this.shift };
  }

  private visitTop(node: RootContent): void {
    if (node.type === 'heading') {
      const section = sectionTitle(plainText(node));
      if (section) return this.enter(section);
      if (this.section !== 'body' && node.depth <= 2) this.section = 'body';
    }
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong') {
      const section = sectionTitle(plainText(node));
      if (section) return this.enter(section);
    }
    if (this.section === 'recipients') return this.visitRecipients(node);
    if (this.section === 'signature') return this.visitSignature(node);
    this.visitBody(node, this.body);
  }

  private enter(section: Section): void {
    this.section = section;
    if (section === 'recipients') this.sawRecipients = true;
  }

  private visitBody(node: Nodes, into: BodyBlock[], prefix?: string): void {
    switch (node.type) {
      case 'heading':
        into.push(paragraph('heading', this.runs(node.children), this.span(node)));
        return;
      case 'paragraph':
        into.push(paragraph('body', this.withPrefix(prefix, this.runs(node.children)), this.span(node)));
        return;
      case 'list':
        for (const item of node.children) this.visitListItem(item, into);
        return;
      case 'blockquote':
        for (const child of node.children) this.visitBody(child, into);
        return;
      case 'code':
        into.push(paragraph('body', this.lines(node.value), this.span(node)));
        return;
      case 'table':
        into.push({
          kind: 'table',
          rows: node.children.map((row) => row.children.map((cell) => paragraph('tableCell', this.runs(cell.children), this.span(cell)))),
          source: this.span(node),
        });
        return;
      default:
        // yaml (the header), footnote definitions (footnotes), html comments, thematic breaks, link definitions: not printed.
        return;
    }
  }

  /** An item keeps its literal marker ("1.", "- "): the numbering is the drafter's text, never Word's. */
  private visitListItem(item: ListItem, into: BodyBlock[]): void {
    const marker = this.marker(item);
    item.children.forEach((child, index) => this.visitBody(child, into, index === 0 ? marker : undefined));
  }

  private marker(item: ListItem): string {
    const start = this.span(item).start;
    const literal = /^(?:\d{1,9}[.)]|[-*+])/u.exec(this.source.slice(start, start + 12))?.[0] ?? '-';
    return /^[-*+]$/u.test(literal) ? '- ' : `${literal} `;
  }

  private withPrefix(prefix: string | undefined, runs: Run[]): Run[] {
    return prefix ? [text(prefix), ...runs] : runs;
  }

  private visitRecipients(node: RootContent): void {
    if (node.type === 'list') {
      for (const item of node.children) {
        const marker = this.marker(item);
        for (const [index, child] of item.children.entries()) {
          if (child.type === 'paragraph') this.recipients.push(paragraph('recipient', this.withPrefix(index === 0 ? marker : undefined, this.runs(child.children)), this.span(child)));
        }
      }
      return;
    }
    if (node.type === 'paragraph') this.recipients.push(paragraph('recipient', this.runs(node.children), this.span(node)));
  }

  private visitSignature(node: RootContent): void {
    if (node.type !== 'paragraph') return;
    // One printed line per source line: the title lines are joined by hard breaks (dialect §3).
    const lines: LayoutParagraph[] = [];
    let current: Run[] = [];
    const source = this.span(node);
    const flush = () => {
      if (current.some((run) => run.kind !== 'text' || run.text.trim() !== '')) lines.push(paragraph('authority', trimRuns(current), source));
      current = [];
    };
    for (const run of this.runs(node.children)) {
      if (run.kind === 'break') flush();
      else current.push(run);
    }
    flush();
    if (lines.length > 0) this.signature.push(lines);
  }

  private lines(value: string): Run[] {
    return value.split(/\r?\n/u).flatMap((line, index): Run[] => (index === 0 ? [text(line)] : [{ kind: 'break' }, text(line)]));
  }

  private runs(children: readonly PhrasingContent[], marks: Marks = {}): Run[] {
    const out: Run[] = [];
    for (const child of children) this.addRuns(child, marks, out);
    return trimRuns(mergeRuns(out));
  }

  private addRuns(node: PhrasingContent, marks: Marks, out: Run[]): void {
    switch (node.type) {
      case 'text':
        // A soft line break inside a paragraph prints as a space.
        out.push({ kind: 'text', text: node.value.replace(/[ \t]*\r?\n[ \t]*/gu, ' '), ...marks });
        return;
      case 'inlineCode':
        out.push({ kind: 'text', text: node.value, ...marks });
        return;
      case 'strong':
        for (const child of node.children) this.addRuns(child, { ...marks, bold: true }, out);
        return;
      case 'emphasis':
        for (const child of node.children) this.addRuns(child, { ...marks, italic: true }, out);
        return;
      case 'delete':
        for (const child of node.children) this.addRuns(child, { ...marks, strike: true }, out);
        return;
      case 'link':
      case 'linkReference':
        for (const child of node.children) this.addRuns(child, marks, out);
        return;
      case 'break':
        out.push({ kind: 'break' });
        return;
      case 'footnoteReference': {
        if (!this.definitions.has(node.identifier)) {
          out.push({ kind: 'text', text: `[^${node.label ?? node.identifier}]`, ...marks });
          return;
        }
        let number = this.footnoteNumbers.get(node.identifier);
        if (number === undefined) {
          number = this.footnoteNumbers.size + 1;
          this.footnoteNumbers.set(node.identifier, number);
        }
        out.push({ kind: 'footnote', number });
        return;
      }
      default:
        // html (comments, tags) and images: not printed.
        return;
    }
  }

  /** The last body paragraph ending in "./." is the closing formula, kept with the closing table. */
  private markClosingFormula(): void {
    for (let index = this.body.length - 1; index >= 0; index--) {
      const block = this.body[index]!;
      if (block.kind === 'paragraph' && block.style === 'body' && /\.\/\.\s*$/u.test(plainRuns(block.runs))) {
        block.style = 'closingFormula';
        return;
      }
    }
  }

  footnotes(): LayoutFootnote[] {
    const footnotes: LayoutFootnote[] = [];
    for (const [identifier, number] of this.footnoteNumbers) {
      const { node: definition, shift } = this.definitions.get(identifier)!;
      this.shift = shift;
      const paragraphs: LayoutParagraph[] = [];
      for (const child of definition.children) {
        if (child.type === 'paragraph') paragraphs.push(paragraph('footnote', this.runs(child.children), this.span(child)));
      }
      footnotes.push({ number, paragraphs, source: this.span(definition) });
    }
    return footnotes;
  }

  closing(): NoticeLayout['closing'] {
    if (!this.sawRecipients && this.signature.length === 0) return null;
    const recipients = this.sawRecipients ? [paragraph('recipientsTitle', [text(RECIPIENTS_TITLE)]), ...this.recipients] : [];
    // First paragraph: the title lines (7a, 7b); the last: the signer's name; any between: further titles.
    const groups = this.signature;
    const titles = groups.length > 1 ? groups.slice(0, -1).flat() : (groups[0] ?? []);
    const nameLines = groups.length > 1 ? groups.at(-1)! : [];
    const name = nameLines.length > 0 ? { ...nameLines[0]!, style: 'signerName' as const, runs: nameLines.flatMap((line, index): Run[] => (index === 0 ? line.runs : [{ kind: 'break' }, ...line.runs])) } : null;
    return { recipients, titles, signatureSpace: SIGNATURE_SPACE_LINES, name, columns: closingColumns(titles) };
  }
}

/**
 * The closing table's two columns: the model's total width split as in
 * practice, the signature column widened when a title line would wrap
 * (official-layout.md §3.3).
 */
function closingColumns(titles: readonly LayoutParagraph[]): [number, number] {
  const [left, right] = CLOSING_TABLE.columns;
  const { size, bold } = STYLES.authority;
  const widest = Math.max(0, ...titles.map((title) => textWidth(plainRuns(title.runs), size, bold)));
  const needed = widest + 2 * CELL_MARGIN + CLOSING_SLACK;
  if (needed <= right) return [left, right];
  const widened = Math.min(needed, left + right - MIN_RECIPIENTS_COLUMN);
  return [left + right - widened, widened];
}

/** Room kept beside the widest title line so that rounding never wraps it. */
const CLOSING_SLACK = 100;
/** The recipients column never gets narrower than this (3.5 cm). */
const MIN_RECIPIENTS_COLUMN = 1985;

/** Joins neighbouring text runs with the same marks (fewer, cleaner runs in the .docx). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.kind === 'text' && last?.kind === 'text' && last.bold === run.bold && last.italic === run.italic && last.strike === run.strike) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out.filter((run) => run.kind !== 'text' || run.text.length > 0);
}

/** Drops spaces at the paragraph's ends and around its line breaks. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((run, index) => {
    if (run.kind !== 'text') return run;
    let value = run.text;
    if (index === 0 || runs[index - 1]!.kind === 'break') value = value.replace(/^\s+/u, '');
    if (index === runs.length - 1 || runs[index + 1]!.kind === 'break') value = value.replace(/\s+$/u, '');
    return { ...run, text: value };
  });
  return out.filter((run) => run.kind !== 'text' || run.text.length > 0);
}

export function plainRuns(runs: readonly Run[]): string {
  return runs.map((run) => (run.kind === 'text' ? run.text : run.kind === 'break' ? '\n' : '')).join('');
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return ((node as Parents).children as Nodes[]).map(plainText).join('');
  return '';
}
