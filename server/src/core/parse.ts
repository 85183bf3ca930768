import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseDocument, isMap, isScalar, isPair } from 'yaml';
import type { Nodes, Parents, Root } from 'mdast';
import type { FootnoteRef, FrontMatter, FrontMatterField, HtmlComment, ListItem, NoticeModel, Section, TextBlock } from './model.js';
import { readMeta } from './frontmatter.js';
import { matchKey } from './text.js';
import type { Span } from './types.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Headings (or a bold line) that open the recipients and signature sections. */
const RECIPIENTS_TITLE = 'nơi nhận';
const SIGNATURE_TITLE = 'chữ ký';

export function sectionTitle(text: string): Section | undefined {
  const key = matchKey(text).replace(/[:*_\s]+$/u, '').replace(/^[*_\s]+/u, '');
  if (key === RECIPIENTS_TITLE) return 'recipients';
  if (key === SIGNATURE_TITLE) return 'signature';
  return undefined;
}

/** Parses a notice into the located model every extractor and rule reads. */
export function parseNotice(text: string): NoticeModel {
  // A BOM is not Markdown; parse after it and shift offsets back by one.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = processor.parse(base ? text.slice(1) : text) as Root;
  const builder = new ModelBuilder(text, base);
  builder.visitRoot(tree);
  return builder.finish();
}

function startOf(node: Nodes, base: number): number {
  return (node.position?.start.offset ?? 0) + base;
}
function endOf(node: Nodes, base: number): number {
  return (node.position?.end.offset ?? 0) + base;
}

class ModelBuilder {
  private frontMatter: FrontMatter | null = null;
  private readonly blocks: TextBlock[] = [];
  private readonly listItems: ListItem[] = [];
  private readonly proseSpans: Span[] = [];
  private readonly comments: HtmlComment[] = [];
  private readonly references: FootnoteRef[] = [];
  private readonly definitions: FootnoteRef[] = [];
  private section: Section = 'body';
  private recipients: { heading: Span; entries: ListItem[] } | null = null;
  private signature: { heading: Span; blocks: TextBlock[] } | null = null;
  private bodyStart: number;
  private listDepth = -1;
  private currentListItem: number | undefined;
  private inFootnote = false;

  constructor(private readonly text: string, private readonly base: number) {
    this.bodyStart = base;
  }

  visitRoot(root: Root): void {
    for (const child of root.children) this.visitBlock(child);
  }

  private visitBlock(node: Nodes): void {
    switch (node.type) {
      case 'yaml':
        this.readFrontMatter(node.value, startOf(node, this.base), endOf(node, this.base));
        return;
      case 'heading': {
        const title = this.plainText(node);
        const section = sectionTitle(title);
        const span = { start: startOf(node, this.base), end: endOf(node, this.base) };
        if (section) this.enterSection(section, span);
        else if (this.section !== 'body' && (node.depth ?? 2) <= 2) this.section = 'body';
        this.addBlock(node, 'heading', node.depth);
        this.visitInline(node);
        return;
      }
      case 'paragraph': {
        const section = sectionTitle(this.plainText(node));
        if (section && this.isWholeStrong(node)) {
          this.enterSection(section, { start: startOf(node, this.base), end: endOf(node, this.base) });
        }
        const block = this.addBlock(node, 'paragraph');
        if (this.section === 'signature' && this.signature && !section) this.signature.blocks.push(block);
        this.visitInline(node);
        return;
      }
      case 'list': {
        this.listDepth++;
        for (const item of node.children) this.visitListItem(item, node.ordered ?? false);
        this.listDepth--;
        return;
      }
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            this.addBlock(cell, 'tableCell');
            this.visitInline(cell);
          }
        }
        return;
      case 'footnoteDefinition': {
        const start = startOf(node, this.base);
        this.definitions.push({ label: node.label ?? node.identifier, start, end: start + this.labelLength(start) });
        const wasInFootnote = this.inFootnote;
        this.inFootnote = true;
        for (const child of node.children) this.visitBlock(child);
        this.inFootnote = wasInFootnote;
        return;
      }
      case 'html':
        this.addComments(node.value, startOf(node, this.base));
        return;
      case 'blockquote':
        for (const child of node.children) this.visitBlock(child);
        return;
      default:
        // code, thematicBreak, definition: not prose.
        return;
    }
  }

  private visitListItem(item: Nodes & { type: 'listItem' }, ordered: boolean): void {
    const start = startOf(item, this.base);
    const marker = /^(?:\d{1,9}[.)]|[-*+])/.exec(this.text.slice(start, start + 12));
    const entry: ListItem = {
      start,
      end: endOf(item, this.base),
      markerSpan: { start, end: start + (marker ? marker[0].length : 1) },
      ordered,
      section: this.section,
      depth: this.listDepth,
    };
    const index = this.listItems.push(entry) - 1;
    if (this.section === 'recipients' && this.recipients && this.listDepth === 0) this.recipients.entries.push(entry);
    const outer = this.currentListItem;
    this.currentListItem = index;
    for (const child of item.children) this.visitBlock(child);
    this.currentListItem = outer;
  }

  private enterSection(section: Section, heading: Span): void {
    this.section = section;
    if (section === 'recipients' && !this.recipients) this.recipients = { heading, entries: [] };
    if (section === 'signature' && !this.signature) this.signature = { heading, blocks: [] };
  }

  private addBlock(node: Nodes, kind: TextBlock['kind'], depth?: number): TextBlock {
    const block: TextBlock = {
      kind,
      start: startOf(node, this.base),
      end: endOf(node, this.base),
      section: this.section,
      inFootnote: this.inFootnote,
    };
    if (depth !== undefined) block.depth = depth;
    if (this.currentListItem !== undefined) block.listItem = this.currentListItem;
    this.blocks.push(block);
    return block;
  }

  /** Records prose spans (text nodes only) and inline HTML comments and footnote references. */
  private visitInline(parent: Parents): void {
    for (const child of parent.children as Nodes[]) {
      switch (child.type) {
        case 'text':
          this.proseSpans.push({ start: startOf(child, this.base), end: endOf(child, this.base) });
          break;
        case 'html':
          this.addComments(child.value, startOf(child, this.base));
          break;
        case 'footnoteReference':
          this.references.push({ label: child.label ?? child.identifier, start: startOf(child, this.base), end: endOf(child, this.base) });
          break;
        case 'inlineCode':
        case 'image':
        case 'imageReference':
          break;
        default:
          if ('children' in child) this.visitInline(child as Parents);
      }
    }
  }

  private addComments(html: string, offset: number): void {
    const pattern = /<!--([\s\S]*?)-->/g;
    for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
      this.comments.push({ start: offset + match.index, end: offset + match.index + match[0].length, body: match[1]!.trim() });
    }
  }

  private labelLength(start: number): number {
    const match = /^\[\^[^\]]*\]:?/.exec(this.text.slice(start, start + 1000));
    return match ? match[0].length : 1;
  }

  private plainText(node: Nodes): string {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value;
    if ('children' in node) return (node.children as Nodes[]).map((child) => this.plainText(child)).join('');
    return '';
  }

  private isWholeStrong(node: Nodes & { type: 'paragraph' }): boolean {
    return node.children.length === 1 && node.children[0]!.type === 'strong';
  }

  private readFrontMatter(yamlText: string, start: number, end: number): void {
    const firstBreak = this.text.indexOf('\n', start);
    const contentStart = firstBreak < 0 ? end : firstBreak + 1;
    const fields: FrontMatterField[] = [];
    const frontMatter: FrontMatter = { start, end, content: { start: contentStart, end: contentStart + yamlText.length }, fields };
    const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
    const error = document.errors[0];
    if (error) {
      const [from, to] = error.pos;
      frontMatter.syntaxError = { message: error.message.split('\n')[0]!, span: { start: contentStart + from, end: contentStart + Math.max(to, from + 1) } };
    }
    if (isMap(document.contents)) {
      for (const pair of document.contents.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const keyRange = pair.key.range;
        const keySpan = { start: contentStart + keyRange[0], end: contentStart + keyRange[1] };
        const valueNode = pair.value;
        let valueSpan: Span;
        let value: unknown = null;
        if (valueNode && (valueNode as { range?: [number, number, number] }).range) {
          const range = (valueNode as { range: [number, number, number] }).range;
          valueSpan = { start: contentStart + range[0], end: contentStart + range[1] };
          value = isScalar(valueNode) ? valueNode.value : (valueNode as { toJSON(): unknown }).toJSON();
        } else {
          const lineEnd = this.text.indexOf('\n', keySpan.end);
          const stop = lineEnd < 0 ? this.text.length : lineEnd;
          valueSpan = { start: stop, end: stop };
        }
        fields.push({ key: String(pair.key.value), keySpan, value, valueSpan });
      }
    }
    this.frontMatter = frontMatter;
    this.bodyStart = end;
  }

  finish(): NoticeModel {
    return {
      text: this.text,
      prose: buildProse(this.text, this.proseSpans),
      frontMatter: this.frontMatter,
      meta: this.frontMatter ? readMeta(this.frontMatter.fields) : {},
      body: { start: this.bodyStart, end: this.text.length },
      blocks: this.blocks,
      listItems: this.listItems,
      recipients: this.recipients,
      signature: this.signature,
      footnotes: { references: this.references, definitions: this.definitions },
      comments: this.comments,
    };
  }
}

/** Keeps the text of the given spans, blanks the rest with spaces, keeps line breaks. */
function buildProse(text: string, spans: Span[]): string {
  const parts: string[] = [];
  let cursor = 0;
  const blank = (from: number, to: number) => {
    if (to > from) parts.push(text.slice(from, to).replace(/[^\r\n]/g, ' '));
  };
  for (const span of spans) {
    if (span.start < cursor) continue;
    blank(cursor, span.start);
    parts.push(text.slice(span.start, span.end));
    cursor = span.end;
  }
  blank(cursor, text.length);
  return parts.join('');
}
