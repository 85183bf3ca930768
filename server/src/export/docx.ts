import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import {
  CELL_MARGIN,
  CLOSING_SPACE,
  CLOSING_TABLE,
  FONT_FAMILY,
  HEADER_TABLE,
  LINE_SPACING,
  PAGE,
  RULE,
  STYLES,
  TEXT_WIDTH,
  plainRuns,
  type Alignment,
  type BodyBlock,
  type LayoutParagraph,
  type NoticeLayout,
  type ParagraphStyle,
  type RuleLine,
  type Run,
  type StyleName,
} from '../core/layout/index.js';

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const satisfies Record<Alignment, unknown>;

/**
 * Writes the official layout as a Word document (.docx) with the npm package
 * `docx`. Every size and position comes from the layout's style table; this
 * file only translates it into WordprocessingML: real paragraph alignment,
 * real tables, runs with bold and italic, Word footnotes, so that an importer
 * reads it back.
 */
export async function writeDocx(layout: NoticeLayout): Promise<Buffer> {
  const document = new Document({
    title: plainRuns(layout.subject.runs).replace(/\n/gu, ' '),
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: STYLES.body.size * 2 },
          paragraph: { spacing: { before: 0, after: 0, line: LINE_SPACING, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    footnotes: Object.fromEntries(layout.footnotes.map((footnote) => [footnote.number, { children: footnote.paragraphs.map((item) => paragraphOf(item)) }])),
    sections: [
      {
        properties: {
          // Different first page: page numbers from page 2 on (PL I, I.7).
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
        },
        headers: {
          default: new Header({ children: [styled('pageNumber', [new TextRun({ children: [PageNumber.CURRENT], size: STYLES.pageNumber.size * 2 })])] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [headerTable(layout), paragraphOf(layout.type), paragraphOf(layout.subject), ruleParagraph(layout.subjectRule), ...layout.body.flatMap(blockOf), ...closingTable(layout)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function styled(style: StyleName, children: ParagraphChild[], overrides: Partial<ParagraphStyle> = {}): Paragraph {
  const properties = { ...STYLES[style], ...overrides };
  return new Paragraph({
    alignment: ALIGNMENT[properties.alignment],
    ...(properties.firstLine ? { indent: { firstLine: properties.firstLine } } : {}),
    spacing: { before: properties.spaceBefore, after: 0, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
    ...(properties.keepNext ? { keepNext: true } : {}),
    children,
  });
}

function paragraphOf(paragraph: LayoutParagraph, overrides: Partial<ParagraphStyle> = {}): Paragraph {
  const style = STYLES[paragraph.style];
  return styled(paragraph.style, paragraph.runs.map((run) => runOf(run, style)), overrides);
}

function runOf(run: Run, style: ParagraphStyle): ParagraphChild {
  const size = style.size * 2;
  switch (run.kind) {
    case 'break':
      return new TextRun({ break: 1, size });
    case 'footnote':
      return new FootnoteReferenceRun(run.number);
    case 'text':
      return new TextRun({
        text: run.text,
        size,
        ...(style.bold || run.bold ? { bold: true } : {}),
        ...(style.italic || run.italic ? { italics: true } : {}),
        ...(run.strike ? { strike: true } : {}),
      });
  }
}

/** A solid line of exact length: the bottom border of an empty 3 pt paragraph, its length set by the indents. */
function ruleParagraph(rule: RuleLine): Paragraph {
  const side = Math.max(0, Math.round((rule.width - rule.length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: RULE.heightTwips, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.borderEighths, color: '000000', space: 1 } },
    keepNext: true,
    children: [],
  });
}

function cell(width: number, children: (Paragraph | Table)[], verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign, children });
}

/** A borderless layout table of fixed columns (the header and the closing, official-layout.md §3.3). */
function layoutTable(columns: readonly [number, number], indent: number, rows: TableRow[]): Table {
  return new Table({
    width: { size: columns[0] + columns[1], type: WidthType.DXA },
    columnWidths: [...columns],
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    rows,
  });
}

function headerTable(layout: NoticeLayout): Table {
  const { header } = layout;
  const [left, right] = HEADER_TABLE.columns;
  return layoutTable(HEADER_TABLE.columns, HEADER_TABLE.indent, [
    new TableRow({
      cantSplit: true,
      children: [
        cell(left, [...header.body.map((item) => paragraphOf(item)), ruleParagraph(header.bodyRule)]),
        cell(right, [...header.nation.map((item) => paragraphOf(item)), ruleParagraph(header.nationRule)]),
      ],
    }),
    // Bottom-aligned: the 13 pt "Số" and the 14 pt date share a baseline.
    new TableRow({
      cantSplit: true,
      children: [cell(left, [paragraphOf(header.number)], VerticalAlignTable.BOTTOM), cell(right, [paragraphOf(header.placeDate)], VerticalAlignTable.BOTTOM)],
    }),
  ]);
}

function blockOf(block: BodyBlock): (Paragraph | Table)[] {
  if (block.kind === 'paragraph') return [paragraphOf(block)];
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const width = Math.floor(TEXT_WIDTH / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    new Table({
      width: { size: width * columns, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => width),
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
      rows: block.rows.map(
        (row, rowIndex) =>
          new TableRow({
            tableHeader: rowIndex === 0,
            children: Array.from({ length: columns }, (_, index) => {
              const item = row[index];
              return cell(width, [item ? paragraphOf(item, rowIndex === 0 ? { bold: true, alignment: 'center' } : {}) : new Paragraph({ children: [] })]);
            }),
          }),
      ),
    }),
    // Word needs a paragraph between two tables, and LibreOffice glues a table to the next paragraph otherwise.
    new Paragraph({ children: [] }),
  ];
}

function closingTable(layout: NoticeLayout): (Paragraph | Table)[] {
  const { closing } = layout;
  if (!closing) return [];
  const [left, right] = closing.columns;
  const space = Array.from({ length: closing.signatureSpace }, () => styled('signerName', []));
  const signature = [...closing.titles.map((item) => paragraphOf(item)), ...space, ...(closing.name ? [paragraphOf(closing.name)] : [])];
  return [
    // One empty line between the closing formula and the table, kept with it.
    new Paragraph({ spacing: { before: 0, after: 0, line: CLOSING_SPACE, lineRule: LineRuleType.EXACT }, keepNext: true, children: [] }),
    layoutTable(closing.columns, CLOSING_TABLE.indent, [
      new TableRow({
        cantSplit: true,
        children: [
          cell(left, closing.recipients.length > 0 ? closing.recipients.map((item) => paragraphOf(item)) : [new Paragraph({ children: [] })]),
          cell(right, signature.length > 0 ? signature : [new Paragraph({ children: [] })]),
        ],
      }),
    ]),
  ];
}
