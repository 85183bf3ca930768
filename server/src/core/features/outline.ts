import type { NoticeModel } from '../model.js';
import type { DocumentSnapshot, SymbolResult } from './types.js';

/**
 * The outline: headings nested by depth (parts "I.", "A.", the "Nơi nhận" and
 * "Chữ ký" sections). Each heading's symbol spans up to the next heading of
 * the same or a higher level, so breadcrumbs follow the cursor.
 */
export function documentSymbols(document: DocumentSnapshot): SymbolResult[] {
  const model = document.analysis.model;
  const roots: SymbolResult[] = [];
  const stack: { depth: number; symbol: SymbolResult }[] = [];
  for (const block of model.blocks) {
    if (block.kind !== 'heading' || block.inFootnote) continue;
    const depth = block.depth ?? 1;
    const name = headingName(model, block.start, block.end);
    if (!name) continue;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const symbol: SymbolResult = {
      name,
      kind: block.section === 'body' ? (/^[IVXLC]+\./u.test(name) || /^[A-Z]\./u.test(name) ? 'part' : 'heading') : 'section',
      start: block.start,
      end: sectionEnd(model, block.start, depth),
      selection: { start: block.start, end: block.end },
      children: [],
    };
    (stack.length ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
    stack.push({ depth, symbol });
  }
  return roots;
}

function headingName(model: NoticeModel, start: number, end: number): string {
  return model.prose.slice(start, end).replace(/\s+/gu, ' ').trim();
}

function sectionEnd(model: NoticeModel, start: number, depth: number): number {
  const next = model.blocks.find((block) => block.kind === 'heading' && block.start > start && (block.depth ?? 1) <= depth && !block.inFootnote);
  if (!next) return trimEnd(model.text, model.text.length);
  return trimEnd(model.text, next.start);
}

function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
