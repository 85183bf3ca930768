import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/**
 * Text generators for the property suites: arbitrary Unicode, notice-like
 * token soup, and mutations of the real seed notices as drafters produce
 * them by pasting from Word, PDF and e-mail.
 */

const seedFolder = path.resolve(import.meta.dirname, '..', 'fixtures', 'seeds');
export const seeds: readonly { name: string; text: string }[] = readdirSync(seedFolder)
  .filter((name) => name.endsWith('.tb.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(seedFolder, name), 'utf8') }));

/** Characters that arrive with pasted text and trip naive code. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u00a0', '\u202f', '\u3000'];
export const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];
const ODD = ['\r', '\r\n', '\t', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\u0000', '\ud800', '\udc00', '\ud83d\ude00', '\ufffd', '\u0301', '\u0323', 'e\u0301', 'ơ\u0303'];

/** Words and marks of the dialect, so that random text reaches the rules rather than only the parser. */
const NOTICE_TOKENS = [
  '---', '\n', '\n\n', ' ', ':', ',', '.', ';', '/', '-', '(', ')', '*', '**', '#', '## ', '- ', '1. ', 'a) ', '[^1]', '[^1]: ', '<!-- -->', '<!-- thongbao-disable -->', '\\',
  'co-quan: ', 'so: ', 'ngay: ', 'loai: ', 'dia-danh: ', 'trich-yeu: ', 'Văn phòng Chính phủ', 'Hà Nội', 'Thông báo', '530/TB-VPCP', '28/NQ-CP', '73/2019/NĐ-CP',
  '2024-11-22', '2024-02-30', '0000-00-00', '9999-12-31', 'ngày', 'Ngày', 'tháng', 'năm', 'ngày 5 tháng 12 năm 2024', 'ngày 05 tháng 12 năm 2024', 'ngày 31 tháng 2 năm 2023',
  'thứ Hai', 'Thứ bảy', 'Chủ nhật', '15/3/2024', '06/04/2020', '1/1', 'trước ngày', 'Quý IV', 'năm 2025', '0', '00', '5', '12', '2024', '99999999999999999999',
  'Bộ Công an', 'Ủy ban nhân dân', 'UBND', 'Phó Thủ tướng', 'Nơi nhận', '## Nơi nhận', '## Chữ ký', 'KT. BỘ TRƯỞNG', 'Lưu: VT, KGVX (2).', './.', 'hoà', 'hòa', 'quý', 'Đề án 06',
];

/** Any Unicode text, including lone surrogates. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400 });

/** Token soup over the dialect's vocabulary mixed with troublesome characters. */
export const noticeLikeText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NOTICE_TOKENS) }, { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES, ...BIDI, ...ODD) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }), { maxLength: 200 })
  .map((parts) => parts.join(''));

/** A front matter followed by token soup: reaches the rules that read the metadata. */
export const frontMatterNotice = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('co-quan', 'so', 'ngay', 'loai', 'dia-danh', 'trich-yeu', 'nguoi-ky', 'x', 'ngay:'), fc.oneof(noticeLikeText, fc.constantFrom('[]', '{}', '|', '>-', '&a', '*a', '!!binary AA==', '2024-11-22T10:00:00Z', '~', 'null', '1e999'))), { maxLength: 8 }), noticeLikeText)
  .map(([fields, body]) => `---\n${fields.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n${body}\n`);

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'nfd'; at: number; length: number }
  | { kind: 'crlf' }
  | { kind: 'bom' }
  | { kind: 'long-line'; at: number; unit: string; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INVISIBLES, ...BIDI, ...ODD), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...NOTICE_TOKENS)) }),
  fc.record({ kind: fc.constant('nfd' as const), at: fc.nat(), length: fc.nat({ max: 5000 }) }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('long-line' as const), at: fc.nat(), unit: fc.constantFrom('a', ' ', '1', 'ngày ', 'tháng ', '.', '/', '-', 'Đề án 06, ', '\u200b'), times: fc.integer({ min: 1000, max: 20000 }) }),
);

export function applyMutation(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (change.kind) {
    case 'delete-line':
      lines.splice(line(change.at), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const at = line(change.at);
      lines.splice(at, 0, lines[at]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = line(change.at);
      const b = line(change.with);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'nfd': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at, at + change.length).normalize('NFD') + text.slice(at + change.length);
    }
    case 'crlf':
      return text.replace(/\r?\n/gu, '\r\n');
    case 'bom':
      return text.startsWith('\ufeff') ? text : `\ufeff${text}`;
    case 'long-line': {
      const at = line(change.at);
      lines.splice(at, 0, change.unit.repeat(Math.ceil(change.times / change.unit.length)));
      return lines.join('\n');
    }
  }
}

/** A seed notice after a few random mutations. */
export const mutatedSeed = fc
  .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, changes]) => changes.reduce(applyMutation, seed.text));

/** Every kind of input the properties run over. */
export const anyNotice = fc.oneof(anyText, noticeLikeText, frontMatterNotice, mutatedSeed);
