/**
 * The one place where the official layout's sizes, weights and positions are
 * decided (Nghị định 30/2020/NĐ-CP, Phụ lục I; shared design
 * official-layout.md §1–§3). The .docx writer and the HTML preview both read
 * these numbers; neither decides a size of its own. Lengths are in twips
 * (1/20 pt), sizes in points.
 */

export type Alignment = 'left' | 'center' | 'justify';

export interface ParagraphStyle {
  /** Font size in points. */
  size: number;
  bold: boolean;
  italic: boolean;
  alignment: Alignment;
  /** First-line indent, twips. */
  firstLine: number;
  /** Space before the paragraph, twips. */
  spaceBefore: number;
  /** Keep with the next paragraph on one page. */
  keepNext: boolean;
}

const plain = (size: number, alignment: Alignment, extra: Partial<ParagraphStyle> = {}): ParagraphStyle => ({
  size,
  bold: false,
  italic: false,
  alignment,
  firstLine: 0,
  spaceBefore: 0,
  keepNext: false,
  ...extra,
});

/** Body paragraphs: 13–14 pt, justified, first-line indent 1 or 1.27 cm, at least 6 pt between paragraphs (PL I, II.6.e). */
const BODY_SIZE = 14;
const FIRST_LINE_INDENT = 567;
const PARAGRAPH_SPACE = 120;

/** The paragraph styles, by the component they print (box numbers of PL I, IV.1 in comments). */
export const STYLES = {
  /** Box 2, parent body: capitals, 13, upright, not bold (II.2.a–b). */
  parentBody: plain(13, 'center', { keepNext: true }),
  /** Box 2, issuing body: capitals, 13, bold (II.2.b). */
  issuer: plain(13, 'center', { bold: true, keepNext: true }),
  /** Box 1, national name: capitals, 13, bold (II.1.a). */
  nationalName: plain(13, 'center', { bold: true, keepNext: true }),
  /** Box 1, motto: 14 (= national name + 1, the footnote on PL I, V's size column), bold (II.1.b–c). */
  motto: plain(14, 'center', { bold: true, keepNext: true }),
  /** Box 3, number and symbol: 13, upright (II.3.c); 6 pt under the rules. */
  number: plain(13, 'center', { spaceBefore: 120, keepNext: true }),
  /** Box 4, place and date: 14 (= motto), italic (II.4.b–c). */
  placeDate: plain(14, 'center', { italic: true, spaceBefore: 120, keepNext: true }),
  /** Box 5a, type name: capitals, 14, bold, centred on the text width (II.5.b); one empty line plus 6 pt above. */
  type: plain(14, 'center', { bold: true, spaceBefore: 120 + 20 * 16, keepNext: true }),
  /** Box 5a, subject: 14, bold, as written (II.5.a–b). */
  subject: plain(14, 'center', { bold: true, keepNext: true }),
  /** Box 6, body paragraph. */
  body: plain(BODY_SIZE, 'justify', { firstLine: FIRST_LINE_INDENT, spaceBefore: PARAGRAPH_SPACE }),
  /** Box 6, part and section lines ("I. …", "A. …"): bold, as written (PL I, V row 6.b). */
  heading: plain(BODY_SIZE, 'justify', { bold: true, firstLine: FIRST_LINE_INDENT, spaceBefore: PARAGRAPH_SPACE, keepNext: true }),
  /** Box 6, the closing formula ending "./.": kept with the closing table. */
  closingFormula: plain(BODY_SIZE, 'justify', { firstLine: FIRST_LINE_INDENT, spaceBefore: PARAGRAPH_SPACE, keepNext: true }),
  /** A cell of a table in the body. */
  tableCell: plain(13, 'left'),
  /** Footnote text: 12, justified (practice, official-layout.md §1). */
  footnote: plain(12, 'justify'),
  /** Box 9b heading "Nơi nhận:": 12, bold italic, at the left margin (II.9.c–d). */
  recipientsTitle: plain(12, 'left', { bold: true, italic: true }),
  /** Box 9b entries: 11, upright (II.9.d). */
  recipient: plain(11, 'left'),
  /** Box 7a/7b title lines: capitals, 13, bold (II.7.b, II.7.đ). */
  authority: plain(13, 'center', { bold: true }),
  /** Box 7b signer's name: 14, bold (II.7.c–đ). */
  signerName: plain(14, 'center', { bold: true }),
  /** Page number: 14, centred in the top margin, from page 2 (PL I, I.7). */
  pageNumber: plain(14, 'center'),
} as const satisfies Record<string, ParagraphStyle>;

export type StyleName = keyof typeof STYLES;

/** A4 portrait and the margins of the decree file (top 25, bottom 20, left 35, right 20 mm; PL I, I.1–I.3). */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1418,
  marginBottom: 1134,
  marginLeft: 1985,
  marginRight: 1134,
  header: 567,
  footer: 567,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Times New Roman, or a metric-compatible serif where it is missing (PL I, I.4). */
export const FONT_FAMILY = 'Times New Roman';
export const FALLBACK_FONTS = ['Liberation Serif', 'Tinos'] as const;

/** Single line spacing (240 = one line in Word's units); 1.15 em is what it comes to for Times New Roman. */
export const LINE_SPACING = 240;
export const LINE_HEIGHT_EM = 1.15;

/** Left and right padding of every layout table cell. */
export const CELL_MARGIN = 108;

/** Header: the model's two columns (Mẫu 1.4), starting 284 tw into the left margin (official-layout.md §3.3). */
export const HEADER_TABLE = { columns: [3829, 5670] as const, indent: -284 } as const;

/** Closing: the model's total width, the column split of practice; left cell text starts at the margin. */
export const CLOSING_TABLE = { columns: [5095, 4189] as const, indent: -108 } as const;

/** Rule lines: a bottom border of ¾ pt on a 3 pt paragraph, its length set by the indents. */
export const RULE = {
  /** Under the body's name and under the subject: 1/3–1/2 of the line (II.2.b, II.5.b). */
  partOfLine: 0.4,
  /** Under the motto: as long as the motto line (II.1.b). */
  mottoPart: 1,
  heightTwips: 60,
  borderEighths: 6,
} as const;

/** Empty 14 pt lines left for the signature and seal between the title lines and the name (box 7c, practice). */
export const SIGNATURE_SPACE_LINES = 5;

/** Space between the closing formula and the closing table: one empty body line. */
export const CLOSING_SPACE = 20 * 16;

/** Text of the fixed components. */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';
