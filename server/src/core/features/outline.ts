import type { NoticeModel } from '../model.js';
import type { DocumentSnapshot, SymbolResult } from './types.js';

/**
 * The outline: headings nested by depth (parts "I.", "A.", the "Nơi nhận" and
 * "Chữ ký" sections), and under them the numbered items ("1.") holding their
 * lettered points ("a)"). Each symbol spans up to the next symbol of the same
 * or a higher level, inside its parent's span, so breadcrumbs follow the cursor.
 */
export function documentSymbols(document: DocumentSnapshot): SymbolResult[] {
  const model = document.analysis.model;
  const roots = headingSymbols(model);
  addItemsAndPoints(model, roots);
  sortByStart(roots);
  return roots;
}

/** Items were added after the headings; editors expect symbols in document order. */
function sortByStart(symbols: SymbolResult[]): void {
  symbols.sort((a, b) => a.start - b.start);
  for (const symbol of symbols) sortByStart(symbol.children);
}

function headingSymbols(model: NoticeModel): SymbolResult[] {
  const roots: SymbolResult[] = [];
  // Open headings by increasing depth; a heading ends where the next heading of the same or a higher level begins.
  const stack: { depth: number; symbol: SymbolResult }[] = [];
  for (const block of model.blocks) {
    if (block.kind !== 'heading' || block.inFootnote) continue;
    const depth = block.depth ?? 1;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop()!.symbol.end = trimEnd(model.text, block.start);
    const name = headingName(model, block.start, block.end);
    if (!name) continue;
    const symbol: SymbolResult = {
      name,
      kind: block.section === 'body' ? (/^[IVXLC]+\./u.test(name) || /^[A-Z]\./u.test(name) ? 'part' : 'heading') : 'section',
      start: block.start,
      end: trimEnd(model.text, model.text.length),
      selection: { start: block.start, end: block.end },
      children: [],
    };
    (stack.length ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
    stack.push({ depth, symbol });
  }
  return roots;
}

/** A numbered item or a lettered point of the body, located. */
interface Marker {
  kind: 'item' | 'point';
  start: number;
  /** End of its first block: the symbol's name and selection. */
  firstBlockEnd: number;
}

const ITEM_MARKER = /^\d{1,3}\.(?=\s)/u;
const POINT_MARKER = /^[a-zđ]\)(?=\s)/u;
const CLOSING_END = /\.\/\.\s*$/u;
/** Longest symbol name shown; the rest of the item's first sentence is cut with "…". */
const MAX_NAME = 80;

function addItemsAndPoints(model: NoticeModel, roots: SymbolResult[]): void {
  const markers: Marker[] = [];
  /** Where an item or a point must end at the latest: a heading, or the closing formula ("…./."). */
  const boundaries: number[] = [];
  const seenListItems = new Set<number>();
  for (const block of model.blocks) {
    if (block.inFootnote || block.section !== 'body') continue;
    if (block.kind === 'heading' || (block.listItem === undefined && CLOSING_END.test(model.text.slice(block.start, block.end)))) {
      boundaries.push(block.start);
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    if (block.listItem !== undefined) {
      // The first paragraph of a top-level ordered list item ("1. Về quan điểm") is an item.
      if (seenListItems.has(block.listItem)) continue;
      seenListItems.add(block.listItem);
      const item = model.listItems[block.listItem]!;
      if (item.ordered && item.depth === 0 && ITEM_MARKER.test(model.text.slice(item.start, item.markerSpan.end + 1))) {
        markers.push({ kind: 'item', start: item.start, firstBlockEnd: block.end });
      }
      continue;
    }
    if (POINT_MARKER.test(model.text.slice(block.start, block.start + 3))) markers.push({ kind: 'point', start: block.start, firstBlockEnd: block.end });
  }
  const headings = headingsInOrder(roots);
  let nextHeading = 0;
  let nextBoundaryIndex = 0;
  markers.forEach((marker, index) => {
    // Markers, headings and boundaries are all in document order: each is passed once.
    while (nextHeading < headings.length && headings[nextHeading]!.symbol.start <= marker.start) nextHeading++;
    while (nextBoundaryIndex < boundaries.length && boundaries[nextBoundaryIndex]! <= marker.start) nextBoundaryIndex++;
    const parent = innermostContaining(headings, nextHeading - 1, marker.start);
    const siblings = parent ? parent.children : roots;
    const owner = marker.kind === 'point' ? lastItemBefore(siblings, marker.start) : undefined;
    const limit = Math.min(
      owner?.end ?? parent?.end ?? model.text.length,
      boundaries[nextBoundaryIndex] ?? model.text.length,
      nextBoundary(markers, index),
      sectionStart(model, marker.start),
    );
    const symbol: SymbolResult = {
      name: markerName(model.text, marker),
      kind: marker.kind,
      start: marker.start,
      end: Math.max(marker.firstBlockEnd, trimEnd(model.text, limit)),
      selection: { start: marker.start, end: marker.firstBlockEnd },
      children: [],
    };
    (owner ? owner.children : siblings).push(symbol);
  });
}

/** Where the next item (for an item) or the next item or point (for a point) begins. */
function nextBoundary(markers: Marker[], index: number): number {
  const kind = markers[index]!.kind;
  for (let next = index + 1; next < markers.length; next++) {
    if (kind === 'point' || markers[next]!.kind === 'item') return markers[next]!.start;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** Where the recipients or the signature section begins after offset (the body ends there). */
function sectionStart(model: NoticeModel, offset: number): number {
  const starts = [model.recipients?.heading.start, model.signature?.heading.start].filter((start): start is number => start !== undefined && start > offset);
  return starts.length ? Math.min(...starts) : Number.MAX_SAFE_INTEGER;
}

interface HeadingInOrder {
  symbol: SymbolResult;
  parent: number;
}

/** The heading symbols in document order (pre-order), each with the index of its parent (-1 for a root). */
function headingsInOrder(roots: SymbolResult[]): HeadingInOrder[] {
  const ordered: HeadingInOrder[] = [];
  const walk = (symbols: SymbolResult[], parent: number) => {
    for (const symbol of symbols) {
      const index = ordered.push({ symbol, parent }) - 1;
      walk(symbol.children, index);
    }
  };
  walk(roots, -1);
  return ordered;
}

/**
 * The innermost heading holding the offset: the last heading starting at or
 * before it, or one of its ancestors (an earlier heading that is not an
 * ancestor ended before that one began).
 */
function innermostContaining(headings: HeadingInOrder[], last: number, offset: number): SymbolResult | undefined {
  for (let index = last; index >= 0; index = headings[index]!.parent) {
    const { symbol } = headings[index]!;
    if (symbol.start <= offset && offset <= symbol.end) return symbol;
  }
  return undefined;
}

function lastItemBefore(symbols: SymbolResult[], offset: number): SymbolResult | undefined {
  const last = symbols[symbols.length - 1];
  return last && last.kind === 'item' && last.start < offset && offset <= last.end ? last : undefined;
}

function markerName(text: string, marker: Marker): string {
  const name = text.slice(marker.start, marker.firstBlockEnd).replace(/\s+/gu, ' ').trim();
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

function headingName(model: NoticeModel, start: number, end: number): string {
  return model.prose.slice(start, end).replace(/\s+/gu, ' ').trim();
}

function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
