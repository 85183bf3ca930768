/**
 * Characters that a terminal would act on rather than show: C0 and C1
 * controls (ESC starts colour, clipboard (OSC 52) and screen-clearing
 * sequences; CR and LF can forge whole lines), DEL, the Unicode line and
 * paragraph separators, and the bidi overrides and isolates that reorder what
 * is shown.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from files (messages quoting a notice's values, file names) made safe
 * for a terminal: each unsafe character is shown as an escape (`\n`,
 * `\u001b`), so nothing in a file can move the cursor, write the clipboard or
 * forge an output line, and the reader still sees that something was there.
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (character) => NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
