/**
 * Advance widths of Times New Roman, to size the rule lines under the body's
 * name, the motto and the subject without a renderer. The values are the
 * standard Times-Roman and Times-Bold metrics (units of 1/1000 em), which
 * Times New Roman and its metric-compatible substitutes (Liberation Serif,
 * Tinos) share. Checked against LibreOffice renderings (official-layout.md
 * §3.3): "VĂN PHÒNG CHÍNH PHỦ" 13 pt bold → 3142 tw (measured 3139).
 * Vietnamese letters take the width of their base letter: the marks stand
 * above or below it; the horn of ơ and ư adds a little.
 */

const ASCII_FIRST = 32;

// Widths of U+0020 … U+007E.
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

const HORN_EXTRA = 30;
/** Typographic quotes, dashes and other non-ASCII punctuation a notice uses. */
const OTHER: Record<string, number> = { '\u201c': 444, '\u201d': 444, '\u2018': 333, '\u2019': 333, '\u2013': 500, '\u2014': 1000, '\u2026': 1000, '\u00a0': 250 };

function widthOfChar(ch: string, table: readonly number[]): number {
  const code = ch.charCodeAt(0);
  if (code >= ASCII_FIRST && code - ASCII_FIRST < table.length) return table[code - ASCII_FIRST]!;
  const other = OTHER[ch];
  if (other !== undefined) return other;
  if (ch === 'đ') return table['d'.charCodeAt(0) - ASCII_FIRST]!;
  if (ch === 'Đ') return table['D'.charCodeAt(0) - ASCII_FIRST]!;
  const decomposed = ch.normalize('NFD');
  const base = decomposed.charCodeAt(0);
  if (base >= ASCII_FIRST && base - ASCII_FIRST < table.length) {
    const horn = decomposed.includes('\u031b') ? HORN_EXTRA : 0;
    return table[base - ASCII_FIRST]! + horn;
  }
  // Anything else: the width of a lower-case letter on average.
  return 500;
}

/** Width of a line of text in twips at `size` points. */
export function textWidth(text: string, size: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize('NFC')) units += widthOfChar(ch, table);
  return Math.round((units * size * 20) / 1000);
}
