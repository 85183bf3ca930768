import type { HtmlComment } from './model.js';
import type { Span } from './types.js';

/**
 * Inline switches, as markdownlint and textlint have them:
 *   <!-- thongbao-disable rule-id other-id -->  …  <!-- thongbao-enable rule-id -->
 *   <!-- thongbao-disable-next-line rule-id -->
 * Without ids they apply to every rule.
 */
export interface Suppressions {
  isSuppressed(rule: string, offset: number): boolean;
}

interface Region extends Span {
  rules: Set<string> | 'all';
}

const DIRECTIVE = /^thongbao-(disable-next-line|disable-line|disable|enable)\b(.*)$/su;

export function readSuppressions(text: string, comments: HtmlComment[]): Suppressions {
  const regions: Region[] = [];
  const open = new Map<string, number>();
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const ids = match[2]!.split(/[\s,]+/u).filter(Boolean);
    const keys = ids.length ? ids : ['*'];
    switch (match[1]) {
      case 'disable':
        for (const key of keys) if (!open.has(key)) open.set(key, comment.end);
        break;
      case 'enable':
        for (const key of ids.length ? keys : [...open.keys()]) {
          const start = open.get(key);
          if (start === undefined) continue;
          regions.push({ start, end: comment.start, rules: key === '*' ? 'all' : new Set([key]) });
          open.delete(key);
        }
        break;
      case 'disable-line':
      case 'disable-next-line': {
        const lineEnd = lineEndAfter(text, comment.end);
        const span = match[1] === 'disable-line' ? { start: lineStartBefore(text, comment.start), end: lineEnd } : { start: lineEnd, end: lineEndAfter(text, Math.min(text.length, lineEnd + 1)) };
        regions.push({ ...span, rules: ids.length ? new Set(ids) : 'all' });
        break;
      }
    }
  }
  for (const [key, start] of open) regions.push({ start, end: text.length, rules: key === '*' ? 'all' : new Set([key]) });
  return {
    isSuppressed(rule, offset) {
      return regions.some((region) => offset >= region.start && offset <= region.end && (region.rules === 'all' || region.rules.has(rule)));
    },
  };
}

function lineEndAfter(text: string, offset: number): number {
  const index = text.indexOf('\n', offset);
  return index < 0 ? text.length : index;
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
