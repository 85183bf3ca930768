import type { HtmlComment } from './model.js';
import type { Span } from './types.js';

/**
 * Inline switches, as markdownlint and textlint have them:
 *   <!-- thongbao-disable rule-id other-id -->  …  <!-- thongbao-enable rule-id -->
 *   <!-- thongbao-disable-next-line rule-id -->
 *   <!-- thongbao-disable-line rule-id -->
 * Without ids they apply to every rule; `enable rule-id` after a bare
 * `disable` switches that one rule back on.
 */
export interface Suppressions {
  isSuppressed(rule: string, offset: number): boolean;
}

/** Which rules are off from `at` on, until the next switch. */
interface Switch {
  at: number;
  /** Every rule is off, except those in `except`. */
  all: boolean;
  except: ReadonlySet<string>;
  /** Rules that are off while `all` is false. */
  off: ReadonlySet<string>;
}

interface LineRegion extends Span {
  rules: Set<string> | 'all';
}

const DIRECTIVE = /^thongbao-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/su;

export function readSuppressions(text: string, comments: HtmlComment[]): Suppressions {
  const switches: Switch[] = [];
  const lines: LineRegion[] = [];
  let all = false;
  let except = new Set<string>();
  let off = new Set<string>();
  for (const comment of [...comments].sort((a, b) => a.start - b.start)) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const ids = match[2]!.split(/[\s,]+/u).filter(Boolean);
    switch (match[1]) {
      case 'disable':
      case 'enable': {
        const disable = match[1] === 'disable';
        if (ids.length === 0) {
          all = disable;
          except = new Set();
          off = new Set();
        } else if (all) {
          except = new Set(except);
          for (const id of ids) {
            if (disable) except.delete(id);
            else except.add(id);
          }
        } else {
          off = new Set(off);
          for (const id of ids) {
            if (disable) off.add(id);
            else off.delete(id);
          }
        }
        switches.push({ at: comment.end, all, except, off });
        break;
      }
      case 'disable-line':
      case 'disable-next-line': {
        const lineEnd = lineEndAfter(text, comment.end);
        const span = match[1] === 'disable-line' ? { start: lineStartBefore(text, comment.start), end: lineEnd } : { start: lineEnd, end: lineEndAfter(text, Math.min(text.length, lineEnd + 1)) };
        lines.push({ ...span, rules: ids.length ? new Set(ids) : 'all' });
        break;
      }
    }
  }
  const regions = [...lines].sort((a, b) => a.start - b.start);
  /** reach[i]: the furthest end among regions[0..i], so that a lookup stops at the first region that cannot reach the offset. */
  const reach: number[] = [];
  for (const region of regions) reach.push(Math.max(region.end, reach.at(-1) ?? -1));
  return {
    isSuppressed(rule, offset) {
      if (lineSuppressed(regions, reach, rule, offset)) return true;
      const state = lastSwitchAt(switches, offset);
      if (!state) return false;
      return state.all ? !state.except.has(rule) : state.off.has(rule);
    },
  };
}

/**
 * Line regions cover whole lines (a multi-line comment's region spans its
 * lines). Sorted by start, a binary search finds the last region starting at
 * or before an offset, and the walk back stops as soon as no earlier region
 * reaches the offset: one step unless regions overlap (a scan of every region
 * per finding was quadratic with thousands of directives).
 */
function lineSuppressed(regions: LineRegion[], reach: number[], rule: string, offset: number): boolean {
  let low = 0;
  let high = regions.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (regions[middle]!.start <= offset) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  for (let i = last; i >= 0 && reach[i]! >= offset; i--) {
    const region = regions[i]!;
    if (offset <= region.end && (region.rules === 'all' || region.rules.has(rule))) return true;
  }
  return false;
}

/** The last switch at or before the offset (switches are sorted by position). */
function lastSwitchAt(switches: Switch[], offset: number): Switch | undefined {
  let low = 0;
  let high = switches.length - 1;
  let found: Switch | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (switches[middle]!.at <= offset) {
      found = switches[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function lineEndAfter(text: string, offset: number): number {
  const index = text.indexOf('\n', offset);
  return index < 0 ? text.length : index;
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
