import type { Severity, Span } from '../types.js';
import {
  CELL_MARGIN,
  CLOSING_SPACE,
  CLOSING_TABLE,
  FALLBACK_FONTS,
  FONT_FAMILY,
  HEADER_TABLE,
  LINE_HEIGHT_EM,
  PAGE,
  RULE,
  STYLES,
  TEXT_WIDTH,
} from './styles.js';
import type { BodyBlock, LayoutParagraph, NoticeLayout, RuleLine, Run } from './types.js';

/** A finding to mark in the preview's margin, beside the paragraph that holds it. */
export interface PreviewMark extends Span {
  severity: Severity;
  message: string;
}

export interface PreviewHtml {
  /** The style sheet: the layout's style table in CSS, and this notice's rule lengths. */
  css: string;
  /** The components in order, as one flow of blocks; the webview cuts it into A4 pages. */
  html: string;
}

const pt = (twips: number) => `${+(twips / 20).toFixed(2)}pt`;

const escape = (text: string) => text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The official layout as HTML and CSS for the editor's preview: the same
 * layout model and style table as the .docx, so the preview shows what
 * Word prints. `lineOf` turns a source offset into a 0-based line, for the
 * preview's links back to the source.
 */
export function renderPreviewHtml(layout: NoticeLayout, lineOf: (offset: number) => number, marks: readonly PreviewMark[] = []): PreviewHtml {
  const renderer = new HtmlRenderer(lineOf, marks);
  return { css: styleSheet(layout), html: renderer.render(layout) };
}

function styleSheet(layout: NoticeLayout): string {
  const fonts = [FONT_FAMILY, ...FALLBACK_FONTS].map((font) => `"${font}"`).join(', ');
  const rules: string[] = [
    `:root { --page-width: ${pt(PAGE.width)}; --page-height: ${pt(PAGE.height)}; --margin-top: ${pt(PAGE.marginTop)}; --margin-right: ${pt(PAGE.marginRight)}; --margin-bottom: ${pt(PAGE.marginBottom)}; --margin-left: ${pt(PAGE.marginLeft)}; --header-distance: ${pt(PAGE.header)}; --text-width: ${pt(TEXT_WIDTH)}; }`,
    `.sheet { font-family: ${fonts}, serif; font-size: ${STYLES.body.size}pt; line-height: ${LINE_HEIGHT_EM}; color: #000; }`,
    `.sheet p { margin: 0; }`,
    `.hdr, .closing { display: grid; }`,
    `.hdr { grid-template-columns: ${HEADER_TABLE.columns.map(pt).join(' ')}; margin-left: ${pt(HEADER_TABLE.indent)}; }`,
    `.hdr > div, .closing > div { padding: 0 ${pt(CELL_MARGIN)}; }`,
    `.hdr > .bottom { align-self: end; }`,
    `.hdr p { white-space: pre-wrap; }`,
    `.rule { height: ${pt(RULE.heightTwips)}; border-bottom: ${RULE.borderEighths / 8}pt solid #000; margin: 0 auto; }`,
    `.closing { margin-top: ${pt(CLOSING_SPACE)}; break-inside: avoid; }`,
    `.closing .space { height: ${LINE_HEIGHT_EM}em; font-size: ${STYLES.signerName.size}pt; }`,
    `.sup { vertical-align: super; font-size: 0.65em; line-height: 0; }`,
    `.body-table { border-collapse: collapse; width: 100%; margin-top: ${pt(STYLES.body.spaceBefore)}; }`,
    `.body-table td { border: 0.5pt solid #000; padding: 0 ${pt(CELL_MARGIN)}; vertical-align: top; }`,
  ];
  for (const [name, style] of Object.entries(STYLES)) {
    rules.push(
      `.s-${name} { font-size: ${style.size}pt; font-weight: ${style.bold ? 'bold' : 'normal'}; font-style: ${style.italic ? 'italic' : 'normal'}; text-align: ${style.alignment}; text-indent: ${pt(style.firstLine)}; padding-top: ${pt(style.spaceBefore)}; }`,
    );
  }
  const widths: [string, RuleLine][] = [['body', layout.header.bodyRule], ['nation', layout.header.nationRule], ['subject', layout.subjectRule]];
  for (const [name, rule] of widths) rules.push(`.rule-${name} { width: ${pt(rule.length)}; }`);
  if (layout.closing) rules.push(`.closing { grid-template-columns: ${layout.closing.columns.map(pt).join(' ')}; margin-left: ${pt(CLOSING_TABLE.indent)}; }`);
  return rules.join('\n');
}

class HtmlRenderer {
  private readonly marked = new Set<PreviewMark>();

  constructor(private readonly lineOf: (offset: number) => number, private readonly marks: readonly PreviewMark[]) {}

  render(layout: NoticeLayout): string {
    const { header } = layout;
    const parts = [
      `<div class="block hdr">`,
      `<div>${header.body.map((item) => this.paragraph(item)).join('')}${this.rule('body')}</div>`,
      `<div>${header.nation.map((item) => this.paragraph(item)).join('')}${this.rule('nation')}</div>`,
      `<div class="bottom">${this.paragraph(header.number)}</div>`,
      `<div class="bottom">${this.paragraph(header.placeDate)}</div>`,
      `</div>`,
      this.paragraph(layout.type, 'block'),
      this.paragraph(layout.subject, 'block'),
      `<div class="block">${this.rule('subject')}</div>`,
      ...layout.body.map((block) => this.block(block)),
    ];
    if (layout.closing) {
      const { closing } = layout;
      parts.push(
        `<div class="block closing">`,
        `<div>${closing.recipients.map((item) => this.paragraph(item)).join('')}</div>`,
        `<div>${closing.titles.map((item) => this.paragraph(item)).join('')}${'<div class="space"></div>'.repeat(closing.signatureSpace)}${closing.name ? this.paragraph(closing.name) : ''}</div>`,
        `</div>`,
      );
    }
    const footnotes = layout.footnotes.map(
      (footnote) => `<div class="footnote" data-footnote="${footnote.number}" data-line="${this.lineOf(footnote.source.start)}">${footnote.paragraphs.map((item, index) => this.paragraph(item, '', index === 0 ? `<span class="sup">${footnote.number}</span> ` : '')).join('')}</div>`,
    );
    return `${parts.join('')}<div class="footnotes-source" hidden>${footnotes.join('')}</div>`;
  }

  private block(block: BodyBlock): string {
    if (block.kind === 'paragraph') return this.paragraph(block, 'block');
    const rows = block.rows.map((row, index) => `<tr>${row.map((cell) => `<td${index === 0 ? ' class="head"' : ''}>${this.paragraph(cell)}</td>`).join('')}</tr>`).join('');
    return `<table class="block body-table" data-line="${this.lineOf(block.source.start)}">${rows}</table>`;
  }

  private rule(name: 'body' | 'nation' | 'subject'): string {
    return `<div class="rule rule-${name}"></div>`;
  }

  private paragraph(paragraph: LayoutParagraph, extraClass = '', prefix = ''): string {
    const classes = [`s-${paragraph.style}`, extraClass].filter(Boolean).join(' ');
    const footnotes = paragraph.runs.flatMap((run) => (run.kind === 'footnote' ? [run.number] : []));
    const attributes = [`class="${classes}"`];
    if (paragraph.source) attributes.push(`data-line="${this.lineOf(paragraph.source.start)}"`);
    if (footnotes.length > 0) attributes.push(`data-footnotes="${footnotes.join(' ')}"`);
    return `<p ${attributes.join(' ')}>${this.marksOf(paragraph.source)}${prefix}${paragraph.runs.map(runHtml).join('')}</p>`;
  }

  /** The findings inside the paragraph's source, drawn once each as a mark in the page's left margin. */
  private marksOf(source: Span | undefined): string {
    if (!source) return '';
    const inside = this.marks.filter((mark) => !this.marked.has(mark) && mark.start >= source.start && mark.start < Math.max(source.end, source.start + 1));
    if (inside.length === 0) return '';
    for (const mark of inside) this.marked.add(mark);
    const worst = inside.some((mark) => mark.severity === 'error') ? 'error' : inside.some((mark) => mark.severity === 'warning') ? 'warning' : 'info';
    return `<span class="mark mark-${worst}" title="${escape(inside.map((mark) => mark.message).join('\n'))}" data-line="${this.lineOf(inside[0]!.start)}">${inside.length}</span>`;
  }
}

function runHtml(run: Run): string {
  switch (run.kind) {
    case 'break':
      return '<br>';
    case 'footnote':
      return `<span class="sup">${run.number}</span>`;
    case 'text': {
      let html = escape(run.text);
      if (run.strike) html = `<s>${html}</s>`;
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    }
  }
}

