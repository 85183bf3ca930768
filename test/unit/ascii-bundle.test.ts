// The bundles as shipped are ASCII-only (V8 keeps a script's source one byte a character then),
// with the same meaning and source maps that still point at the right tokens.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { asciiBundle } from '../../scripts/asciiBundle.mjs';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');

describe('bundles: ASCII-only', () => {
  it('leaves no character above U+007F in any bundle of dist/', () => {
    for (const name of readdirSync(dist).filter((file) => file.endsWith('.cjs'))) {
      const text = readFileSync(path.join(dist, name), 'utf8');
      const at = text.search(/[^\x00-\x7f]/u);
      assert.equal(at, -1, `${name}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    }
  });

  it('keeps what regular expressions, comments and identifiers mean, astral characters included', () => {
    const code = [
      '// chú thích: đ',
      'const tone = /(?<![\\p{L}])[àá]ố(?![\\p{L}])/gu, plain = /đ|Đ+/g, wide = /[😀]/u, ngày = 1;',
      'result = [tone.exec("x àố y")?.[0], plain.test("ĐĐ"), wide.exec("a😀")?.[0], ngày, tone.source.length > 0];',
    ].join('\n');
    const escaped = asciiBundle(code, undefined).code;
    assert.doesNotMatch(escaped, /[^\x00-\x7f]/u);
    // JSON: arrays made in another context have another prototype.
    const run = (text: string) => JSON.parse(runInNewContext(`let result; ${text}; JSON.stringify(result)`) as string) as unknown[];
    assert.deepEqual(run(escaped), run(code));
    assert.deepEqual(run(escaped), ['àố', true, '😀', 1, true]);
  });

  it('moves the generated columns after each escape, so that each segment still starts at its token', () => {
    const code = 'const a = /đố/u; call(a);\nplain();';
    // Segments at `const`, `a`, the pattern, `call` and `a` of line 1, `plain` of line 2.
    const columns = [0, 6, 10, 17, 22];
    const map = { version: 3, sources: ['x.ts'], names: [], mappings: encode([columns.map((column) => [column, 0, 0, column] as [number, number, number, number]), [[0, 0, 1, 0]]]) };
    const result = asciiBundle(code, map);
    const lines = result.code.split('\n');
    const moved = decode((JSON.parse(result.map!) as { mappings: string }).mappings);
    assert.deepEqual(
      moved[0]!.map((segment) => lines[0]!.slice(segment[0]).slice(0, 4)),
      ['cons', 'a = ', '/\\u0', 'call', 'a);'],
    );
    assert.deepEqual(moved[0]!.map((segment) => segment.slice(1)), columns.map((column) => [0, 0, column]));
    assert.deepEqual(moved[1], [[0, 0, 1, 0]]);
  });

  it('refuses a non-ASCII character after a backslash rather than change its meaning', () => {
    assert.throws(() => asciiBundle('const a = /\\đ/;', undefined), /after a backslash/u);
  });
});
