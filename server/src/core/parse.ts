import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import { parseDocument, isMap, isScalar, isPair } from 'yaml';
import type { Link, Nodes, Parents, Root, RootContent } from 'mdast';
import type { FootnoteRef, FrontMatter, FrontMatterField, HtmlComment, ListItem, NoticeModel, Section, TextBlock } from './model.js';
import { readMeta } from './frontmatter.js';
import { matchKey } from './text.js';
import { findUnrecognisedFrontMatter } from './unrecognisedFrontMatter.js';
import { blankSpans, excessSetextUnderlines } from './parserLimits.js';
import type { Span } from './types.js';

export interface DialectGfmOptions {
  tables: boolean;
  autolinkLiterals: boolean;
}

/**
 * GFM as remark-gfm reads it, with its table syntax and its autolink literals ("www.…", "https://…", e-mail
 * addresses read as links) each only where the text can hold one: autolink literals cost half the parse
 * (measured on the seeds: 36.5 → 18.6 ms), and without them a "*", "_" or "~" inside an address was read as
 * emphasis or strikethrough (the .docx printed "https://…/tim*kiem*" with "kiem" in italics and no asterisks).
 */
export function dialectGfm(this: Processor, options: DialectGfmOptions): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTaskListItem(), ...(options.tables ? [gfmTable()] : []), ...(options.autolinkLiterals ? [gfmAutolinkLiteral()] : []));
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    ...(options.tables ? [gfmTableFromMarkdown()] : []),
    ...(options.autolinkLiterals ? [gfmAutolinkLiteralFromMarkdown()] : []),
  );
}

/** The four parsers, by table syntax and autolink literals (2 × tables + autolinks). */
const parsers = [false, true].flatMap((tables) => [false, true].map((autolinkLiterals) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(dialectGfm, { tables, autolinkLiterals })));

/**
 * A table's delimiter row holds a "|" or a cell with a colon against its hyphens (":-", "-:"): a text with neither
 * has no table, and is parsed without GFM's table syntax, which tries every line of every paragraph as a head row.
 */
const TABLE_POSSIBLE = /\||:-|-:/u;
/** An autolink literal starts at "www." or after "http://", "https://" (any case), or holds an "@" (an e-mail address). */
const AUTOLINK_POSSIBLE = /www\.|:\/\/|@/iu;

export function parseMarkdown(text: string): Root {
  return parsers[(TABLE_POSSIBLE.test(text) ? 2 : 0) + (AUTOLINK_POSSIBLE.test(text) ? 1 : 0)]!.parse(text) as Root;
}

/** Headings (or a bold line) that open the recipients and signature sections. */
const RECIPIENTS_TITLE = 'nơi nhận';
const SIGNATURE_TITLE = 'chữ ký';

/**
 * "nơi nhận" has 7 letters besides its space, "chữ ký" 5; a letter is at most
 * 3 code units (NFD). A text with more non-space units between its trimmed
 * ends cannot be a title: most paragraphs are rejected without building a key.
 */
const MAX_TITLE_UNITS = 21;

/** The characters `\s` matches. */
function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function mayBeSectionTitle(text: string): boolean {
  const leading = (code: number) => code === 0x2a || code === 0x5f || isSpace(code); // * _
  const trailing = (code: number) => code === 0x3a || leading(code); // :
  let start = 0;
  let end = text.length;
  while (start < end && leading(text.charCodeAt(start))) start++;
  while (end > start && trailing(text.charCodeAt(end - 1))) end--;
  let units = 0;
  for (let i = start; i < end; i++) {
    if (!isSpace(text.charCodeAt(i)) && ++units > MAX_TITLE_UNITS) return false;
  }
  return true;
}

export function sectionTitle(text: string): Section | undefined {
  if (!mayBeSectionTitle(text)) return undefined;
  const key = matchKey(text).replace(/[:*_\s]+$/u, '').replace(/^[*_\s]+/u, '');
  if (key === RECIPIENTS_TITLE) return 'recipients';
  if (key === SIGNATURE_TITLE) return 'signature';
  return undefined;
}

/** A top-level Markdown block and the offset of the text it was parsed from (its offsets + shift = offsets in the notice). */
export interface ParsedBlock {
  node: RootContent;
  shift: number;
}

/** The top-level blocks behind each model, so that the next version of the text can reuse the unchanged ones. */
const parsedBlocks = new WeakMap<NoticeModel, { text: string; blocks: ParsedBlock[]; blanked: boolean }>();

/**
 * Parses a notice into the located model every extractor and rule reads.
 * Given the model of the previous version of the same document, only the
 * top-level blocks around the change are parsed again (the result is the
 * same as a full parse; anything uncertain falls back to one).
 *
 * Two kinds of lines are blanked (turned into spaces, offsets kept) before
 * the Markdown parser sees them: a block at the top written as front matter
 * that the parser does not read as one (its keys would otherwise be read as
 * body text and fixed as such; meta/missing-field reports it), and setext
 * underlines beyond SETEXT_UNDERLINE_LIMIT (the parser is quadratic in them).
 * A text with either is always parsed whole.
 */
export function parseNotice(text: string, previous?: NoticeModel): NoticeModel {
  // A BOM is not Markdown; parse after it and shift offsets back by one.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const memo = previous && parsedBlocks.get(previous);
  const setextExcess = excessSetextUnderlines(text, base);
  const reusable = memo && !memo.blanked && setextExcess.length === 0;
  let blocks = (reusable ? reparseChanged(memo.text, memo.blocks, text, base) : undefined) ?? parseBlocks(blankSpans(text, setextExcess), base, text.length);
  const unrecognised = blocks[0]?.node.type === 'yaml' ? undefined : findUnrecognisedFrontMatter(text, base);
  if (unrecognised) blocks = parseBlocks(blankSpans(text, [...setextExcess, unrecognised]), base, text.length);
  const builder = new ModelBuilder(text, unrecognised ? unrecognised.end : base);
  builder.visitRoot(blocks);
  const model = builder.finish();
  if (unrecognised) model.unrecognisedFrontMatter = unrecognised;
  if (setextExcess.length > 0) model.setextUnderlinesIgnored = { count: setextExcess.length, first: setextExcess[0]! };
  parsedBlocks.set(model, { text, blocks, blanked: unrecognised !== undefined || setextExcess.length > 0 });
  return model;
}

/**
 * The Markdown tree behind a model, top-level block by block: the layout
 * walks it rather than parsing the text a second time. A model made
 * elsewhere than parseNotice is parsed here.
 */
export function markdownBlocks(model: NoticeModel): readonly ParsedBlock[] {
  return parsedBlocks.get(model)?.blocks ?? parseBlocks(model.text, model.text.charCodeAt(0) === 0xfeff ? 1 : 0, model.text.length);
}

function parseBlocks(text: string, from: number, to: number): ParsedBlock[] {
  const tree = parseMarkdown(from === 0 && to === text.length ? text : text.slice(from, to));
  return tree.children.map((node) => ({ node, shift: from }));
}

const CHUNK = 1024;

/** Brackets may be footnote or link references resolved against definitions anywhere in the document. */
const REFERENCE_SYNTAX = /[[\]]/u;

/**
 * Reparses the top-level blocks touched by the change from `oldText` to
 * `text`, with one unchanged block on each side as context, and keeps the
 * other blocks (shifted). Returns undefined when a full parse is needed: the
 * change reaches the front matter or a reference, or the block after the
 * change no longer parses as it did (an unclosed fence, a list that now
 * continues, …).
 */
function reparseChanged(oldText: string, blocks: readonly ParsedBlock[], text: string, base: number): ParsedBlock[] | undefined {
  if (oldText === text) return [...blocks];
  if ((oldText.charCodeAt(0) === 0xfeff ? 1 : 0) !== base || blocks.length < 3) return undefined;
  const shorter = Math.min(oldText.length, text.length);
  // Whole chunks compare natively, much faster than a loop over characters.
  let prefix = 0;
  while (prefix + CHUNK <= shorter && oldText.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const sameEnd = (length: number) => oldText.slice(oldText.length - length, oldText.length - suffix) === text.slice(text.length - length, text.length - suffix);
  while (suffix + CHUNK <= shorter - prefix && sameEnd(suffix + CHUNK)) suffix += CHUNK;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const changeEnd = oldText.length - suffix;
  const delta = text.length - oldText.length;
  const start = (block: ParsedBlock) => block.node.position!.start.offset! + block.shift;
  const end = (block: ParsedBlock) => block.node.position!.end.offset! + block.shift;

  let first = 0;
  while (first < blocks.length && end(blocks[first]!) < prefix) first++;
  let last = first - 1;
  while (last + 1 < blocks.length && start(blocks[last + 1]!) <= changeEnd) last++;
  const before = first - 1;
  const after = last + 1;
  // The front matter is only front matter at the very start: leave such changes to a full parse.
  if (before < 1 || after >= blocks.length) return undefined;

  const sliceStart = oldText.lastIndexOf('\n', start(blocks[before]!) - 1) + 1;
  const anchor = blocks[after]!;
  const lineEnd = oldText.indexOf('\n', end(anchor));
  const oldSliceEnd = lineEnd < 0 ? oldText.length : lineEnd;
  if (REFERENCE_SYNTAX.test(oldText.slice(sliceStart, oldSliceEnd)) || REFERENCE_SYNTAX.test(text.slice(sliceStart, oldSliceEnd + delta))) return undefined;

  const fresh = parseBlocks(text, sliceStart, oldSliceEnd + delta);
  const head = fresh[0];
  const tail = fresh.at(-1);
  // The blocks on both sides must parse as before, or the change reached beyond them.
  if (!head || !tail || fresh.length < 2) return undefined;
  if (head.node.type !== blocks[before]!.node.type || start(head) !== start(blocks[before]!)) return undefined;
  if (tail.node.type !== anchor.node.type || start(tail) !== start(anchor) + delta || end(tail) !== end(anchor) + delta) return undefined;
  return [...blocks.slice(0, before), ...fresh, ...blocks.slice(after + 1).map((block) => ({ node: block.node, shift: block.shift + delta }))];
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
  /** Offset of the text the current top-level block was parsed from. */
  private base = 0;
  private listDepth = -1;
  private currentListItem: number | undefined;
  private inFootnote = false;

  /** `bodyStart`: after the BOM, or after a block blanked as unrecognised front matter. */
  constructor(private readonly text: string, bodyStart: number) {
    this.bodyStart = bodyStart;
  }

  visitRoot(blocks: readonly ParsedBlock[]): void {
    for (const block of blocks) {
      this.base = block.shift;
      this.visitBlock(block.node);
    }
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
        case 'link':
          // An address written out ("https://…", "www.…", an e-mail) is not prose: its words are no Vietnamese to check.
          if (!isWrittenAddress(child)) this.visitInline(child);
          break;
        default:
          if ('children' in child) this.visitInline(child as Parents);
      }
    }
  }

  private addComments(html: string, offset: number): void {
    // indexOf, not a lazy /<!--([\s\S]*?)-->/: on many unclosed "<!--" that regex rescans the rest of the text from each one.
    for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) break;
      this.comments.push({ start: offset + open, end: offset + close + 3, body: html.slice(open + 4, close).trim() });
      open = close + 3;
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

  private readFrontMatter(rawYaml: string, start: number, end: number): void {
    // Markdown and LSP end lines with \n, \r\n or a lone \r; the YAML parser only with the first two.
    // A lone \r becomes \n: same length, so offsets stay those of the text.
    const yamlText = rawYaml.replace(/\r(?!\n)/gu, '\n');
    const opener = /^[^\r\n]*(?:\r\n|\r|\n)/u.exec(this.text.slice(start, end));
    const contentStart = opener ? start + opener[0].length : end;
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
          const lineEnd = this.text.slice(keySpan.end).search(/[\r\n]/u);
          const stop = lineEnd < 0 ? this.text.length : keySpan.end + lineEnd;
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

/** A link whose text is its own address: an autolink literal, `<https://…>`, or `[https://…](https://…)`. */
function isWrittenAddress(link: Link): boolean {
  const [only, ...rest] = link.children;
  if (!only || rest.length > 0 || only.type !== 'text') return false;
  return link.url === only.value || link.url === `http://${only.value}` || link.url === `mailto:${only.value}`;
}

/** Keeps the text of the given spans, blanks the rest with spaces, keeps line breaks. */
function buildProse(text: string, spans: Span[]): string {
  const parts: string[] = [];
  let cursor = 0;
  const blank = (from: number, to: number) => {
    let run = from;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) {
        parts.push(' '.repeat(i - run), code === 10 ? '\n' : '\r');
        run = i + 1;
      }
    }
    parts.push(' '.repeat(to - run));
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
