// Makes a bundle ASCII-only. esbuild escapes strings and templates but leaves regular expression
// literals and comments as written, and our rules hold Vietnamese in their patterns. V8 keeps a
// script's whole source for as long as its thread runs, one byte a character when it is all
// Latin-1, two bytes otherwise: the CLI's 3.7 million characters cost 7.4 MB in each thread
// instead of 3.7 MB. A \uXXXX escape means the same character in a regular expression (with or
// without the u flag; a surrogate pair is one code point under u), a comment or an identifier.
import { decode, encode } from '@jridgewell/sourcemap-codec';

const NON_ASCII = /[^\x00-\x7f]/u;

/**
 * Escapes every non-ASCII UTF-16 code unit of `code` as \uXXXX and moves the generated columns of
 * `map` (a source map v3 object, columns in UTF-16 code units) to match. Returns both, the map as
 * JSON text.
 */
export function asciiBundle(code, map) {
  const lines = code.split('\n');
  const mappings = map ? decode(map.mappings) : undefined;
  for (let number = 0; number < lines.length; number++) {
    const line = lines[number];
    if (!NON_ASCII.test(line)) continue;
    // newColumn[c]: where column c of the line is once the characters before it are escaped.
    const newColumn = new Int32Array(line.length + 1);
    let escaped = '';
    for (let column = 0; column < line.length; column++) {
      newColumn[column] = escaped.length;
      const unit = line.charCodeAt(column);
      if (unit < 0x80) {
        escaped += line[column];
        continue;
      }
      // After a backslash, \u would become a different escape: refuse rather than change meaning.
      if (line[column - 1] === '\\') throw new Error(`line ${number + 1}: a non-ASCII character after a backslash cannot be escaped`);
      escaped += `\\u${unit.toString(16).padStart(4, '0')}`;
    }
    newColumn[line.length] = escaped.length;
    lines[number] = escaped;
    for (const segment of mappings?.[number] ?? []) segment[0] = newColumn[Math.min(segment[0], line.length)];
  }
  return { code: lines.join('\n'), map: map ? JSON.stringify({ ...map, mappings: encode(mappings) }) : undefined };
}
