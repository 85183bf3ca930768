import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { Alignment, Block, Footnote, OfficeDocument, Paragraph, ReaderNote, Run, TableCell } from '../core/import/model.js';
import { msg } from '../core/types.js';
import { ImportReadError } from './errors.js';

/**
 * A .docx read from its XML parts (word/document.xml, styles.xml,
 * footnotes.xml) with JSZip and fast-xml-parser. Not mammoth: it takes bold
 * and alignment only from direct formatting (the header of a Word-made notice
 * is centred and bold through its styles) and drops empty paragraphs and
 * rules (official-layout §5.1); here formatting is resolved as Word does:
 * document defaults, paragraph style chain, character style, direct
 * properties. Drawings and embedded objects are left out and reported.
 */

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, processEntities: true });

const childrenOf = (node: XmlNode): XmlNode[] => {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return (node[key] as XmlNode[]) ?? [];
  return [];
};
const nameOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';
const attributes = (node: XmlNode): Record<string, string> => (node[':@'] as Record<string, string>) ?? {};
const find = (nodes: XmlNode[], name: string) => nodes.find((node) => nameOf(node) === name);
const textOf = (node: XmlNode): string => childrenOf(node).map((child) => (typeof child['#text'] === 'string' ? child['#text'] : typeof child['#text'] === 'number' ? String(child['#text']) : '')).join('');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  superscript?: boolean;
}

const isOn = (node: XmlNode | undefined) => node !== undefined && !['0', 'false', 'off'].includes(attributes(node)['w:val'] ?? 'true');

function runStyle(properties: XmlNode | undefined): RunStyle {
  if (!properties) return {};
  const children = childrenOf(properties);
  const style: RunStyle = {};
  for (const [key, flag] of [['w:b', 'bold'], ['w:i', 'italic'], ['w:caps', 'caps']] as const) {
    const node = find(children, key);
    if (node) style[flag] = isOn(node);
  }
  const vertical = find(children, 'w:vertAlign');
  if (vertical) style.superscript = attributes(vertical)['w:val'] === 'superscript';
  return style;
}

interface StyleDefinition {
  basedOn?: string;
  run: RunStyle;
  align?: Alignment;
}

const ALIGNMENTS: Record<string, Alignment> = { center: 'center', both: 'justify', distribute: 'justify', right: 'right', end: 'right', left: 'left', start: 'left' };

function alignmentOf(properties: XmlNode | undefined): Alignment | undefined {
  const jc = properties ? find(childrenOf(properties), 'w:jc') : undefined;
  return jc ? ALIGNMENTS[attributes(jc)['w:val'] ?? ''] : undefined;
}

class Styles {
  private readonly byId = new Map<string, StyleDefinition>();
  defaults: RunStyle = {};
  defaultParagraphStyle: string | undefined;

  constructor(xml: XmlNode[] | undefined) {
    const root = xml ? find(xml, 'w:styles') : undefined;
    if (!root) return;
    for (const node of childrenOf(root)) {
      if (nameOf(node) === 'w:docDefaults') {
        const rPr = find(childrenOf(node), 'w:rPrDefault');
        this.defaults = runStyle(rPr ? find(childrenOf(rPr), 'w:rPr') : undefined);
      }
      if (nameOf(node) !== 'w:style') continue;
      const children = childrenOf(node);
      const id = attributes(node)['w:styleId'];
      if (!id) continue;
      if (attributes(node)['w:type'] === 'paragraph' && ['1', 'true', 'on'].includes(attributes(node)['w:default'] ?? '')) this.defaultParagraphStyle = id;
      const basedOn = find(children, 'w:basedOn');
      this.byId.set(id, { basedOn: basedOn ? attributes(basedOn)['w:val'] : undefined, run: runStyle(find(children, 'w:rPr')), align: alignmentOf(find(children, 'w:pPr')) });
    }
  }

  /** A style's properties with those of the styles it is based on (nearest wins). */
  resolve(id: string | undefined): StyleDefinition {
    const chain: StyleDefinition[] = [];
    for (let current = id, depth = 0; current && depth < 20; depth++) {
      const style = this.byId.get(current);
      if (!style) break;
      chain.push(style);
      current = style.basedOn;
    }
    const result: StyleDefinition = { run: {} };
    for (const style of chain.reverse()) {
      result.run = { ...result.run, ...style.run };
      if (style.align) result.align = style.align;
    }
    return result;
  }
}

class DocxReader {
  readonly notes: ReaderNote[] = [];
  private paragraphs = 0;
  private drawings = 0;
  private capsUsed = false;

  constructor(private readonly styles: Styles) {}

  blocks(nodes: XmlNode[]): Block[] {
    const blocks: Block[] = [];
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'w:p') blocks.push(...this.paragraph(node));
      else if (name === 'w:tbl') blocks.push(this.table(node));
      else if (name === 'w:sdt' || name === 'w:sdtContent' || name === 'w:customXml' || name === 'w:ins' || name === 'w:smartTag') blocks.push(...this.blocks(childrenOf(node)));
    }
    return blocks;
  }

  finish(): void {
    if (this.drawings > 0) this.notes.push({ message: { vi: `Bỏ ${this.drawings} hình vẽ, ảnh hoặc đối tượng nhúng (chữ ký, con dấu, đường kẻ).`, en: `Dropped ${this.drawings} drawings, pictures or embedded objects (signature, seal, rules).` }, source: {} });
    if (this.capsUsed) this.notes.push({ message: { vi: 'Chữ định dạng “chữ in hoa” (caps) được lấy ở dạng in hoa như khi in ra.', en: 'Text formatted as capitals (caps) is taken in capitals, as printed.' }, source: {} });
  }

  private table(node: XmlNode): Block {
    const rows: TableCell[][] = [];
    for (const row of childrenOf(node).filter((child) => nameOf(child) === 'w:tr')) {
      rows.push(
        childrenOf(row)
          .filter((cell) => nameOf(cell) === 'w:tc')
          // A table inside a cell is read as the cell's paragraphs, row by row.
          .map((cell) => ({ blocks: this.blocks(childrenOf(cell)).flatMap((block) => (block.kind === 'paragraph' ? [block] : block.rows.flat().flatMap((inner) => inner.blocks))) })),
      );
    }
    return { kind: 'table', rows, source: { paragraph: this.paragraphs + 1 } };
  }

  private paragraph(node: XmlNode): Paragraph[] {
    const children = childrenOf(node);
    const properties = find(children, 'w:pPr');
    const styleNode = properties ? find(childrenOf(properties), 'w:pStyle') : undefined;
    const style = this.styles.resolve(styleNode ? attributes(styleNode)['w:val'] : this.styles.defaultParagraphStyle);
    // Paragraph-mark properties (pPr/rPr) format only the mark: runs start from the defaults and the style.
    const runBase: RunStyle = { ...this.styles.defaults, ...style.run };
    const runs: Run[] = [];
    const boxes: Paragraph[] = [];
    this.paragraphs++;
    const source = { paragraph: this.paragraphs };
    const visit = (nodes: XmlNode[]) => {
      for (const child of nodes) {
        const name = nameOf(child);
        if (name === 'w:r') this.run(child, runBase, runs, boxes);
        else if (name === 'w:hyperlink' || name === 'w:ins' || name === 'w:smartTag' || name === 'w:fldSimple' || name === 'w:sdt' || name === 'w:sdtContent' || name === 'w:customXml') visit(childrenOf(child));
      }
    };
    visit(children);
    return [{ kind: 'paragraph', runs, align: alignmentOf(properties) ?? style.align, source }, ...boxes];
  }

  private run(node: XmlNode, base: RunStyle, runs: Run[], boxes: Paragraph[]): void {
    const children = childrenOf(node);
    const properties = find(children, 'w:rPr');
    const characterStyle = properties ? find(childrenOf(properties), 'w:rStyle') : undefined;
    const style: RunStyle = { ...base, ...(characterStyle ? this.styles.resolve(attributes(characterStyle)['w:val']).run : {}), ...runStyle(properties) };
    const format = { bold: style.bold === true, italic: style.italic === true, superscript: style.superscript === true };
    let inField = false;
    for (const child of children) {
      const name = nameOf(child);
      if (name === 'w:fldChar') {
        const type = attributes(child)['w:fldCharType'];
        if (type === 'begin') inField = true;
        if (type === 'separate' || type === 'end') inField = false;
      } else if (name === 'w:t' && !inField) {
        let text = textOf(child);
        if (style.caps) {
          text = text.toLocaleUpperCase('vi');
          this.capsUsed = true;
        }
        runs.push({ text, ...format });
      } else if (name === 'w:tab' || name === 'w:ptab') runs.push({ text: ' ', ...format });
      else if (name === 'w:noBreakHyphen') runs.push({ text: '-', ...format });
      else if (name === 'w:br' || name === 'w:cr') {
        if (attributes(child)['w:type'] !== 'page' && attributes(child)['w:type'] !== 'column') runs.push({ break: true });
      } else if (name === 'w:footnoteReference') runs.push({ text: '', footnote: attributes(child)['w:id'] });
      else if (name === 'w:drawing' || name === 'w:pict' || name === 'w:object' || name === 'mc:AlternateContent') {
        const texts = collectTextBoxes(child);
        if (texts.length > 0) {
          for (const box of texts) boxes.push(...this.blocks(box).filter((block): block is Paragraph => block.kind === 'paragraph'));
          this.notes.push({ message: { vi: 'Chữ trong hộp văn bản được đặt sau đoạn chứa hộp.', en: 'Text of a text box is placed after the paragraph that holds it.' }, source: { paragraph: this.paragraphs } });
        } else this.drawings++;
      }
    }
  }
}

/** The contents of text boxes (w:txbxContent) inside a drawing, at any depth; the fallback copy of mc:AlternateContent is skipped. */
function collectTextBoxes(node: XmlNode): XmlNode[][] {
  const found: XmlNode[][] = [];
  const visit = (current: XmlNode) => {
    const name = nameOf(current);
    if (name === 'w:txbxContent') {
      found.push(childrenOf(current));
      return;
    }
    if (name === 'mc:Fallback') return;
    for (const child of childrenOf(current)) if (typeof child === 'object' && child !== null && !('#text' in child)) visit(child);
  };
  visit(node);
  return found;
}

function parseXml(text: string): XmlNode[] {
  return parser.parse(text) as XmlNode[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function readDocx(bytes: Uint8Array): Promise<OfficeDocument> {
  if (OLE_MAGIC.every((value, index) => bytes[index] === value)) throw new ImportReadError(msg('tệp Word mã hóa hoặc định dạng cũ (.doc, hoặc .docx có mật khẩu): mở bằng Word và lưu thành .docx không mật khẩu', 'an encrypted or old-format Word file (.doc or password-protected .docx): open it in Word and save it as .docx without a password'));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportReadError(msg('không phải tệp .docx hợp lệ (không phải tệp nén ZIP, hoặc tệp bị cắt cụt)', 'not a valid .docx file (it is not a ZIP archive, or it is truncated)'));
  }
  const documentPart = zip.file('word/document.xml');
  if (!documentPart) throw new ImportReadError(msg('không phải văn bản Word: tệp nén không có word/document.xml', 'not a Word document: the archive has no word/document.xml'));
  let documentXml: XmlNode[];
  let styles: Styles;
  let footnoteXml: XmlNode[] | undefined;
  try {
    documentXml = parseXml(await documentPart.async('string'));
    const stylesPart = zip.file('word/styles.xml');
    styles = new Styles(stylesPart ? parseXml(await stylesPart.async('string')) : undefined);
    const footnotesPart = zip.file('word/footnotes.xml');
    footnoteXml = footnotesPart ? parseXml(await footnotesPart.async('string')) : undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportReadError(msg(`tệp .docx bị hỏng (${detail})`, `a damaged .docx file (${detail})`));
  }
  const root = find(documentXml, 'w:document');
  const body = root ? find(childrenOf(root), 'w:body') : undefined;
  if (!body) throw new ImportReadError(msg('không phải văn bản Word: word/document.xml không có phần thân (body)', 'not a Word document: word/document.xml has no body'));
  const reader = new DocxReader(styles);
  const blocks = reader.blocks(childrenOf(body));
  const footnotes: Footnote[] = [];
  const footnotesRoot = footnoteXml ? find(footnoteXml, 'w:footnotes') : undefined;
  for (const node of footnotesRoot ? childrenOf(footnotesRoot) : []) {
    if (nameOf(node) !== 'w:footnote') continue;
    const { 'w:id': id, 'w:type': type } = attributes(node);
    if (!id || type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    // The note's own number (w:footnoteRef) is not text: it is not read.
    const paragraphs = reader.blocks(childrenOf(node)).filter((block): block is Paragraph => block.kind === 'paragraph');
    footnotes.push({ id, paragraphs });
  }
  reader.finish();
  return { format: 'docx', layout: 'paragraphs', blocks, footnotes, notes: reader.notes };
}
