import type { NoticeModel, TextBlock } from '../model.js';
import type { Span } from '../types.js';

/**
 * The numbering of the body, read from the source text (Markdown renumbers
 * ordered lists, the drafter's numbers are what count): parts "A.", sections
 * "I.", items "1.", points "a)" (Nghị định 30/2020, Phụ lục I, II.6.c–đ).
 */
export type NumberLevel = 'part' | 'section' | 'item' | 'point';

export interface NumberMarker extends Span {
  level: NumberLevel;
  /** The number as written: "B", "III", "12", "đ". `start`/`end` locate it. */
  value: string;
  /** Position in the level's sequence (0 for A, I, 1, a); -1 for a letter outside it ("f", "j", "w", "z"). */
  ordinal: number;
  /** The marker with its delimiter ("12.", "đ)"), for messages and highlighting. */
  whole: Span;
}

/** Markers that must run in order: the parts, the sections of one part, the items of one section, the points of one item. */
export interface NumberSequence {
  level: NumberLevel;
  markers: NumberMarker[];
  /**
   * For items: the ordinal after the last item of the previous section of the
   * same part, so that numbering continued across sections is accepted.
   */
  continuesFrom?: number;
  /** The items of that previous section, whose own renumbering moves where this one may continue. */
  continues?: NumberSequence;
}

export interface Numbering {
  markers: NumberMarker[];
  sequences: NumberSequence[];
}

/** Point letters of Vietnamese legal texts: no ă â ê ô ơ ư, no f j w z; đ after d, g right after e. */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;
const PART_LETTERS = POINT_LETTERS.map((letter) => letter.toUpperCase());

const ROMAN = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanValue(roman: string): number | undefined {
  if (!roman || !ROMAN.test(roman)) return undefined;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]!]!;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function toRoman(value: number): string {
  const table: [number, string][] = [[90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** The written form of the marker at `ordinal` of a level, or undefined beyond the sequence. */
export function formatOrdinal(level: NumberLevel, ordinal: number): string | undefined {
  if (ordinal < 0) return undefined;
  switch (level) {
    case 'part':
      return PART_LETTERS[ordinal];
    case 'section':
      return ordinal < 89 ? toRoman(ordinal + 1) : undefined;
    case 'item':
      return String(ordinal + 1);
    case 'point':
      return POINT_LETTERS[ordinal];
  }
}

const EMPHASIS = /^[*_]{0,3}/u;
const HEADING_MARKER = /^([A-ZĐ]|[IVXLC]+)\.(?=[\s*_]|$)/u;
const ITEM_MARKER = /^(\d{1,3})\\?\.(?=[\s*_])/u;
const POINT_MARKER = /^([a-zđ])\)(?=[\s*_])/u;

interface RawMarker {
  level: NumberLevel | 'heading-letter' | 'reset';
  value: string;
  start: number;
  delimiterLength: number;
}

export function extractNumbering(model: NoticeModel): Numbering {
  const raw: RawMarker[] = [];
  const seenListItems = new Set<number>();
  for (const block of model.blocks) {
    if (block.section !== 'body' || block.inFootnote || block.kind === 'tableCell') continue;
    if (block.kind === 'heading') {
      raw.push(headingMarker(model.text, block) ?? { level: 'reset', value: '', start: block.start, delimiterLength: 0 });
      continue;
    }
    const item = block.listItem !== undefined ? model.listItems[block.listItem] : undefined;
    if (item && block.listItem !== undefined && !seenListItems.has(block.listItem)) {
      seenListItems.add(block.listItem);
      if (item.ordered && item.depth === 0) {
        const match = ITEM_MARKER.exec(model.text.slice(item.markerSpan.start, item.markerSpan.end + 1));
        if (match) {
          raw.push({ level: 'item', value: match[1]!, start: item.markerSpan.start, delimiterLength: match[0].length - match[1]!.length });
        }
      }
    }
    paragraphMarkers(model.text, block, raw);
  }
  return sequence(raw);
}

function headingMarker(text: string, block: TextBlock): RawMarker | undefined {
  const hashes = /^#{1,6}[ \t]*/u.exec(text.slice(block.start, block.end));
  if (!hashes) return undefined; // setext heading: no marker read
  let offset = block.start + hashes[0].length;
  offset += EMPHASIS.exec(text.slice(offset, offset + 3))![0].length;
  const head = text.slice(offset, Math.min(block.end, offset + 12));
  const letter = HEADING_MARKER.exec(head);
  if (letter) return { level: 'heading-letter', value: letter[1]!, start: offset, delimiterLength: 1 };
  const item = ITEM_MARKER.exec(head);
  if (item) return { level: 'item', value: item[1]!, start: offset, delimiterLength: item[0].length - item[1]!.length };
  return undefined;
}

/** Item and point markers at the start of a paragraph and points at the start of its later lines. */
function paragraphMarkers(text: string, block: TextBlock, out: RawMarker[]): void {
  let lineStart = block.start;
  let first = true;
  while (lineStart < block.end) {
    let offset = lineStart;
    while (offset < block.end && (text[offset] === ' ' || text[offset] === '\t')) offset++;
    offset += EMPHASIS.exec(text.slice(offset, offset + 3))![0].length;
    const head = text.slice(offset, Math.min(block.end, offset + 6));
    const point = POINT_MARKER.exec(head);
    const item = first ? ITEM_MARKER.exec(head) : null;
    if (point) out.push({ level: 'point', value: point[1]!, start: offset, delimiterLength: 1 });
    else if (item) out.push({ level: 'item', value: item[1]!, start: offset, delimiterLength: item[0].length - item[1]!.length });
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0 || newline >= block.end) break;
    lineStart = newline + 1;
    first = false;
  }
}

function sequence(raw: RawMarker[]): Numbering {
  const markers: NumberMarker[] = [];
  const sequences: NumberSequence[] = [];
  const parts: NumberSequence = { level: 'part', markers: [] };
  let sections: NumberSequence = { level: 'section', markers: [] };
  let items: NumberSequence = { level: 'item', markers: [] };
  let points: NumberSequence = { level: 'point', markers: [] };
  /** The ordinal after the last item of the previous section of this part, and those items. */
  let itemsEndedAt: number | undefined;
  let endedItems: NumberSequence | undefined;
  const close = (sequenceToClose: NumberSequence) => {
    if (sequenceToClose.markers.length > 0) sequences.push(sequenceToClose);
  };
  const newPoints = () => {
    close(points);
    points = { level: 'point', markers: [] };
  };
  const newItems = (continued: boolean) => {
    newPoints();
    close(items);
    const last = items.markers.at(-1);
    if (last && last.ordinal >= 0) {
      itemsEndedAt = last.ordinal + 1;
      endedItems = items;
    }
    if (!continued) itemsEndedAt = endedItems = undefined;
    items = { level: 'item', markers: [] };
    if (itemsEndedAt !== undefined) items.continuesFrom = itemsEndedAt;
    if (endedItems) items.continues = endedItems;
  };
  const newSections = () => {
    newItems(false);
    close(sections);
    sections = { level: 'section', markers: [] };
  };

  for (const entry of raw) {
    if (entry.level === 'reset') {
      newItems(true);
      continue;
    }
    let level: NumberLevel = entry.level === 'heading-letter' ? 'section' : entry.level;
    let ordinal: number;
    if (entry.level === 'heading-letter') {
      const roman = romanValue(entry.value);
      const expectedSection = sections.markers.length;
      const isSection = roman !== undefined && (entry.value.length > 1 || 'IVX'.includes(entry.value) || roman === expectedSection + 1);
      level = isSection ? 'section' : 'part';
      ordinal = isSection ? roman! - 1 : PART_LETTERS.indexOf(entry.value);
    } else if (level === 'item') ordinal = Number(entry.value) - 1;
    else ordinal = (POINT_LETTERS as readonly string[]).indexOf(entry.value);

    const marker: NumberMarker = {
      level,
      value: entry.value,
      ordinal,
      start: entry.start,
      end: entry.start + entry.value.length,
      whole: { start: entry.start, end: entry.start + entry.value.length + entry.delimiterLength },
    };
    markers.push(marker);
    switch (level) {
      case 'part':
        newSections();
        parts.markers.push(marker);
        break;
      case 'section':
        newItems(true);
        sections.markers.push(marker);
        break;
      case 'item':
        newPoints();
        items.markers.push(marker);
        break;
      case 'point':
        points.markers.push(marker);
        break;
    }
  }
  newSections();
  close(parts);
  sequences.sort((a, b) => a.markers[0]!.start - b.markers[0]!.start);
  return { markers, sequences };
}
