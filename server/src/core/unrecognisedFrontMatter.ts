import type { Span } from './types.js';

/** Why a block at the top that was meant as front matter is not one (dialect §1 wants exactly "---" lines). */
export type FrontMatterProblem =
  | { kind: 'blank-line-before' }
  | { kind: 'characters-before'; characters: string }
  | { kind: 'opener-characters'; characters: string }
  | { kind: 'dots-closer' }
  | { kind: 'closer-characters'; characters: string }
  | { kind: 'no-closer' };

/** A block at the top of the notice written as front matter that the parser does not read as front matter. */
export interface UnrecognisedFrontMatter extends Span {
  problems: FrontMatterProblem[];
}

/** Characters a drafter cannot see (or hardly): white space of any kind and zero-width ones. */
const LOOSE = /[\s\u200b-\u200d\u2060\u00ad\ufeff]/u;
const LOOSE_ALL = /[\s\u200b-\u200d\u2060\u00ad\ufeff]/gu;
/** What the parser accepts after a fence: spaces and tabs. */
const FENCE_TRAIL = /[ \t]*$/u;

interface Line {
  start: number;
  end: number;
  /** Offset after the line break (the next line's start). */
  next: number;
  /** The break is CR/LF, not U+2028/U+2029. */
  markdownBreak: boolean;
}

/** The line that starts at `start`; undefined past the end. */
function lineAt(text: string, start: number): Line | undefined {
  if (start > text.length) return undefined;
  // Lines end at CR, LF or CRLF; a pasted U+2028/U+2029 ends a line for the eye, so it ends one here too.
  const lineBreak = /[\u2028\u2029](?:\r\n|[\r\n])?|\r\n|[\r\n]/gu;
  lineBreak.lastIndex = start;
  const match = lineBreak.exec(text);
  if (!match) return { start, end: text.length, next: text.length + 1, markdownBreak: true };
  return { start, end: match.index, next: match.index + match[0].length, markdownBreak: !/^[\u2028\u2029]/u.test(match[0]) };
}

const stripped = (line: string) => line.replace(LOOSE_ALL, '');
const isBlank = (line: string) => stripped(line) === '';
const outsideFence = (line: string, fence: string) => line.replace(FENCE_TRAIL, '').replace(fence, '');

/**
 * Given a notice whose parser found no front matter, the block at its top
 * that was meant as one: the first line that is not blank reads "---" once
 * white space and invisible characters are ignored, and at least one line
 * follows it. The block runs to its closing line ("---" or "..." read the
 * same way), or to the first blank line when there is none. Undefined when
 * nothing at the top looks like front matter. Reads only the block's lines.
 */
export function findUnrecognisedFrontMatter(text: string, from: number): UnrecognisedFrontMatter | undefined {
  let opener = lineAt(text, from);
  while (opener && isBlank(text.slice(opener.start, opener.end))) opener = lineAt(text, opener.next);
  if (!opener || stripped(text.slice(opener.start, opener.end)) !== '---') return undefined;
  const problems: FrontMatterProblem[] = [];
  const before = text.slice(from, opener.start);
  const openerText = text.slice(opener.start, opener.end);
  const leading = openerText.slice(0, openerText.indexOf('-'));
  if (/[\r\n\u2028\u2029]/u.test(before)) problems.push({ kind: 'blank-line-before' });
  if (leading) problems.push({ kind: 'characters-before', characters: leading });
  const openerRest = outsideFence(openerText.slice(leading.length), '---') + (opener.markdownBreak ? '' : text.slice(opener.end, opener.next));
  if (openerRest) problems.push({ kind: 'opener-characters', characters: openerRest });

  let end = opener.end;
  let contentLines = 0;
  for (let line = lineAt(text, opener.next); line; line = lineAt(text, line.next)) {
    const content = text.slice(line.start, line.end);
    const visible = stripped(content);
    if (visible === '---' || visible === '...') {
      end = line.end;
      if (visible === '...') problems.push({ kind: 'dots-closer' });
      else {
        const odd = outsideFence(content, '---') + (line.markdownBreak ? '' : text.slice(line.end, line.next));
        if (odd) problems.push({ kind: 'closer-characters', characters: odd });
      }
      break;
    }
    if (visible === '') {
      problems.push({ kind: 'no-closer' });
      break;
    }
    contentLines++;
    end = line.end;
    if (line.next > text.length) problems.push({ kind: 'no-closer' });
  }
  if (contentLines === 0 || problems.length === 0) return undefined;
  return { start: from, end, problems };
}

/** "U+00A0 U+200B" for the characters a drafter cannot see; a space or a tab by name. */
export function describeCharacters(characters: string): { vi: string; en: string } {
  const names = [...new Set(characters.replace(/[-\r\n]/gu, ''))].map((character) => {
    if (character === ' ') return { vi: 'dấu cách', en: 'a space' };
    if (character === '\t') return { vi: 'dấu tab', en: 'a tab' };
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return LOOSE.test(character) ? { vi: `ký tự ẩn ${code}`, en: `the invisible character ${code}` } : { vi: `“${character}” (${code})`, en: `“${character}” (${code})` };
  });
  return { vi: names.map((name) => name.vi).join(', '), en: names.map((name) => name.en).join(', ') };
}
