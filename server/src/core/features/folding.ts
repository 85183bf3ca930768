import { documentSymbols } from './outline.js';
import type { DocumentSnapshot, FoldingResult, SymbolResult } from './types.js';

/**
 * Folding ranges: the front matter, and every symbol of the outline (parts,
 * items, points, "Nơi nhận", "Chữ ký"), so that folding and the outline agree.
 * Ranges on a single line are dropped at the LSP edge, where lines are known.
 */
export function foldingRanges(document: DocumentSnapshot): FoldingResult[] {
  const ranges: FoldingResult[] = [];
  const frontMatter = document.analysis.model.frontMatter;
  if (frontMatter) ranges.push({ start: frontMatter.start, end: frontMatter.end });
  const visit = (symbols: SymbolResult[]) => {
    for (const symbol of symbols) {
      ranges.push({ start: symbol.start, end: symbol.end });
      visit(symbol.children);
    }
  };
  visit(documentSymbols(document));
  return ranges;
}
