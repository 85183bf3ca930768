/**
 * Vietnamese text helpers shared by the extractors. Matching must not depend on
 * the Unicode form (NFC/NFD) nor on old/new tone-mark placement ("hoà"/"hòa"),
 * yet every finding must point at the exact span of the original text.
 */

const TONED_A = 'àáảãạ';
const TONED_E = 'èéẻẽẹ';
const TONED_Y = 'ỳýỷỹỵ';
const PLAIN_O_TONED = 'òóỏõọ';
const PLAIN_U_TONED = 'ùúủũụ';

/**
 * Old style puts the tone on the second vowel of the open syllables oa, oe, uy
 * ("hoà", "thuỷ"); the style of Nghị định 30/2020 puts it on the first ("hòa",
 * "thủy"). Folding maps the old placement to the new one; "qu" + y keeps its
 * tone on y ("quý") in both styles. Works on NFC, lower- or upper-case text.
 */
const OLD_TONE = /(^|[^qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

export function foldToneMarks(nfc: string): string {
  return nfc.replace(OLD_TONE, (whole, before: string, first: string, second: string) => {
    const lowerSecond = second.toLowerCase();
    const lowerFirst = first.toLowerCase();
    let tone = -1;
    let plainSecond = '';
    for (const [set, plain] of [[TONED_A, 'a'], [TONED_E, 'e'], [TONED_Y, 'y']] as const) {
      const index = set.indexOf(lowerSecond);
      if (index >= 0) {
        tone = index;
        plainSecond = plain;
      }
    }
    const pairOk = (lowerFirst === 'o' && (plainSecond === 'a' || plainSecond === 'e')) || (lowerFirst === 'u' && plainSecond === 'y');
    if (tone < 0 || !pairOk) return whole;
    const tonedFirst = (lowerFirst === 'o' ? PLAIN_O_TONED : PLAIN_U_TONED)[tone]!;
    const newFirst = first === lowerFirst ? tonedFirst : tonedFirst.toUpperCase();
    const newSecond = second === lowerSecond ? plainSecond : plainSecond.toUpperCase();
    return before + newFirst + newSecond;
  });
}

/** True when the word uses the old tone placement ("hoà", "Uỷ"). */
export function hasOldToneMark(nfcWord: string): boolean {
  return foldToneMarks(nfcWord) !== nfcWord;
}

/** The matching key of a name: NFC, new tone placement, lower case, single spaces. */
export function matchKey(text: string): string {
  return foldToneMarks(text.normalize('NFC')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Removes Vietnamese diacritics ("Nghị quyết" → "Nghi quyet"), for prefixes typed without them. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * A normalized view of a text (NFC, new tone placement, lower case, whitespace
 * runs as one space) with a map back to the original offsets, so that a match
 * found in the view can be reported on the exact original span.
 */
export interface NormalizedView {
  text: string;
  /** originalStart[i] is the original offset where view character i begins. */
  originalStart: Int32Array;
  /** originalEnd[i] is the original offset just after view character i. */
  originalEnd: Int32Array;
}

const COMBINING = /\p{M}/u;

export function normalizedView(original: string): NormalizedView {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = original.length;
  let lastWasSpace = false;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      let j = i + 1;
      while (j < n) {
        const c = original.charCodeAt(j);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) j++;
        else break;
      }
      if (!lastWasSpace) {
        out.push(' ');
        starts.push(i);
        ends.push(j);
      }
      lastWasSpace = true;
      i = j;
      continue;
    }
    lastWasSpace = false;
    // A cluster: one code point and the combining marks after it.
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && COMBINING.test(original[j]!)) j++;
    const cluster = original.slice(i, j);
    const normalized = cluster.length === 1 && code < 0x80 ? cluster.toLowerCase() : cluster.normalize('NFC').toLowerCase();
    for (let k = 0; k < normalized.length; k++) {
      out.push(normalized[k]!);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  // Tone folding never changes length on NFC text, so the map stays valid.
  const text = foldToneMarks(out.join(''));
  return { text, originalStart: Int32Array.from(starts), originalEnd: Int32Array.from(ends) };
}

/** The original span of view characters [from, to). */
export function originalSpan(view: NormalizedView, from: number, to: number): { start: number; end: number } {
  return { start: view.originalStart[from]!, end: view.originalEnd[to - 1]! };
}

/** Letters of Vietnamese words, for word-boundary checks around a match. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);
}

/** The line ending a document uses, so that fixes inserting lines keep it. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}
