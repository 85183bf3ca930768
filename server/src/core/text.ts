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

/** Combining marks start at U+0300; U+0300–U+036F are all marks, U+1E00–U+1EFF (precomposed Vietnamese letters) none. Tested per UTF-16 unit. */
function isCombining(original: string, index: number): boolean {
  const code = original.charCodeAt(index);
  return code >= 0x300 && (code <= 0x36f || (!(code >= 0x1e00 && code <= 0x1eff) && COMBINING.test(original[index]!)));
}

/** True when the text holds a combining mark (decomposed letters); a scan by code unit, most of which are ruled out by range. */
export function hasCombiningMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x300) continue;
    // A high surrogate with its pair: marks exist outside the BMP too.
    if (code >= 0xd800 && code <= 0xdbff) {
      if (COMBINING.test(text.slice(i, i + 2))) return true;
    } else if (isCombining(text, i)) return true;
  }
  return false;
}

/** Below U+0300 and in U+1E00–U+1EFF (precomposed Vietnamese letters) a single character is its own NFC. */
function isOwnNfc(code: number): boolean {
  return code < 0x300 || (code >= 0x1e00 && code <= 0x1eff);
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** Lower case of single code units: 0 not known yet, MULTI_UNIT when longer than one unit (then in `lowerCaseOf`). */
const lowerUnit = new Uint16Array(0x10000);
const MULTI_UNIT = 0xffff;
const lowerCaseOf = new Map<number, string>();

export function normalizedView(original: string): NormalizedView {
  const n = original.length;
  // One view unit per original unit, except the rare character whose lower case is longer ("İ").
  let capacity = n + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let length = 0;
  let i = 0;
  let lastWasSpace = false;
  while (i < n) {
    if (length + 8 > capacity) {
      capacity *= 2;
      [units, starts, ends] = [grown(units, capacity), grown(starts, capacity), grown(ends, capacity)];
    }
    const code = original.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      let j = i + 1;
      while (j < n) {
        const c = original.charCodeAt(j);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) j++;
        else break;
      }
      if (!lastWasSpace) {
        units[length] = 32;
        starts[length] = i;
        ends[length++] = j;
      }
      lastWasSpace = true;
      i = j;
      continue;
    }
    lastWasSpace = false;
    // A cluster: one code point and the combining marks after it.
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isCombining(original, j)) j++;
    let lower: string | undefined;
    if (j === i + 1 && code < 0x80) {
      units[length] = code >= 65 && code <= 90 ? code + 32 : code;
      starts[length] = i;
      ends[length++] = j;
    } else if (j === i + 1 && isOwnNfc(code)) {
      let unit = lowerUnit[code]!;
      if (unit === 0) {
        const mapped = original[i]!.toLowerCase();
        unit = mapped.length === 1 ? mapped.charCodeAt(0) : MULTI_UNIT;
        if (unit === MULTI_UNIT) lowerCaseOf.set(code, mapped);
        lowerUnit[code] = unit;
      }
      if (unit !== MULTI_UNIT) {
        units[length] = unit;
        starts[length] = i;
        ends[length++] = j;
      } else lower = lowerCaseOf.get(code)!;
    } else {
      lower = original.slice(i, j).normalize('NFC').toLowerCase();
    }
    if (lower !== undefined) {
      if (length + lower.length > capacity) {
        capacity = 2 * (length + lower.length);
        [units, starts, ends] = [grown(units, capacity), grown(starts, capacity), grown(ends, capacity)];
      }
      for (let k = 0; k < lower.length; k++) {
        units[length] = lower.charCodeAt(k);
        starts[length] = i;
        ends[length++] = j;
      }
    }
    i = j;
  }
  // fromCharCode keeps lone surrogates and a leading U+FEFF as they are (a decoder would not); chunks keep the argument list small.
  const chunks: string[] = [];
  for (let k = 0; k < length; k += 8192) chunks.push(String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + 8192)) as unknown as number[]));
  // Tone folding never changes length on NFC text, so the map stays valid.
  const text = foldToneMarks(chunks.join(''));
  return { text, originalStart: starts.slice(0, length), originalEnd: ends.slice(0, length) };
}

/** The original span of view characters [from, to). */
export function originalSpan(view: NormalizedView, from: number, to: number): { start: number; end: number } {
  return { start: view.originalStart[from]!, end: view.originalEnd[to - 1]! };
}

/** Letters of Vietnamese words, for word-boundary checks around a match. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch.length !== 1) return WORD_CHAR.test(ch);
  return isWordUnit(ch.charCodeAt(0));
}

/** `isWordChar` of one UTF-16 unit: called for every character of the prose by several extractors, each unit is tested once. */
export function isWordUnit(code: number): boolean {
  let known = wordUnits[code]!;
  if (known === 0) wordUnits[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Per UTF-16 unit: 0 not tested yet, 1 a word character, 2 not. */
const wordUnits = new Uint8Array(0x10000);

/** The line ending a document uses, so that fixes inserting lines keep it. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** The first view character whose original offset is at or after `original` (binary search). */
export function viewIndexAtOrAfter(view: NormalizedView, original: number): number {
  let low = 0;
  let high = view.originalStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (view.originalStart[middle]! < original) low = middle + 1;
    else high = middle;
  }
  return low;
}
