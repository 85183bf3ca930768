import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Benchmark inputs built from the four real seed notices: larger notices whose
 * parts are the seeds' parts renumbered in sequence, and a workspace of many
 * notices that differ in their number. Everything stays valid dialect.
 */
export const seedsDir = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'seeds');

export interface Seed {
  name: string;
  text: string;
}

export function loadSeeds(): Seed[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.tb.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(seedsDir, name), 'utf8') }));
}

interface Part {
  title: string;
  content: string;
}

interface SeedPieces {
  frontMatter: string;
  opening: string;
  parts: Part[];
  closing: string;
}

const ROMAN_PART = /^## [IVXLC]+\. (.*)$/u;
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]+\]/gu;

/** Splits a seed into front matter, opening paragraphs, parts and the closing (formula, recipients, signature). */
function splitSeed(text: string): SeedPieces {
  const lines = text.split('\n');
  const frontMatterEnd = lines.indexOf('---', 1);
  const recipients = lines.findIndex((line) => /^## Nơi nhận/u.test(line));
  let closingStart = recipients;
  for (let i = recipients - 1; i > frontMatterEnd; i--) {
    if (lines[i]!.trimEnd().endsWith('./.')) {
      closingStart = i;
      break;
    }
  }
  const body = lines.slice(frontMatterEnd + 1, closingStart);
  const opening: string[] = [];
  const parts: Part[] = [];
  let index = 0;
  // The opening runs up to the "Sau khi nghe …" paragraph or the first heading.
  for (; index < body.length; index++) {
    const line = body[index]!;
    if (line.startsWith('## ')) break;
    opening.push(line);
    if (line.startsWith('Sau khi nghe')) {
      index++;
      break;
    }
  }
  let current: Part | undefined;
  for (; index < body.length; index++) {
    const line = body[index]!;
    const roman = ROMAN_PART.exec(line);
    if (roman) {
      current = { title: roman[1]!, content: '' };
      parts.push(current);
      continue;
    }
    // Parts above the Roman ones ("## A. …") are folded into their neighbours.
    if (line.startsWith('## ')) continue;
    if (!current) {
      current = { title: 'Về các nhiệm vụ cụ thể', content: '' };
      parts.push(current);
    }
    current.content += `${line}\n`;
  }
  for (const part of parts) part.content = `\n${part.content.replace(FOOTNOTE_REFERENCE, '').trim()}\n\n`;
  // Footnote definitions sit between the closing formula and the recipients; references were dropped.
  const closing = lines
    .slice(closingStart)
    .filter((line) => !line.startsWith('[^'))
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n');
  return { frontMatter: lines.slice(0, frontMatterEnd + 1).join('\n'), opening: opening.join('\n').trim(), parts, closing };
}

export function romanNumeral(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let result = '';
  for (const [amount, numeral] of table) {
    for (; rest >= amount; rest -= amount) result += numeral;
  }
  return result;
}

/**
 * A notice of at least `targetBytes` (UTF-8): the front matter, opening and
 * closing of the first seed that has its number around the parts of all
 * seeds, cycled and renumbered I, II, III, …
 */
export function generateNotice(seeds: readonly Seed[], targetBytes: number): string {
  const pieces = seeds.map((seed) => splitSeed(seed.text));
  const frame = pieces.find((piece) => /^so: \d+\//mu.test(piece.frontMatter)) ?? pieces[0]!;
  const allParts = pieces.flatMap((piece) => piece.parts);
  const head = `${frame.frontMatter}\n\n${frame.opening}\n\n`;
  const tail = `${frame.closing.trimEnd()}\n`;
  const chunks: string[] = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let n = 0; bytes < targetBytes || n === 0; n++) {
    const part = allParts[n % allParts.length]!;
    const chunk = `## ${romanNumeral(n + 1)}. ${part.title}\n${part.content}`;
    chunks.push(chunk);
    bytes += Buffer.byteLength(chunk);
  }
  chunks.push(tail);
  return chunks.join('');
}

/**
 * A notice of at least `targetBytes` whose body is one seed's body repeated
 * (the front matter, closing formula, recipients and signature once): text
 * that repeats shows any cost that grows faster than the text.
 */
export function repeatedBodyNotice(seeds: readonly Seed[], targetBytes: number): string {
  const seed = seeds.find((candidate) => /^so: \d+\//mu.test(candidate.text)) ?? seeds[0]!;
  const pieces = splitSeed(seed.text);
  const bodyStart = pieces.frontMatter.length + 1;
  const closingStart = seed.text.indexOf(pieces.closing.split('\n')[0]!, bodyStart);
  const body = `${seed.text.slice(bodyStart, closingStart).replace(FOOTNOTE_REFERENCE, '').trim()}\n\n`;
  const head = `${pieces.frontMatter}\n\n`;
  const tail = `${pieces.closing.trimEnd()}\n`;
  const copies = Math.max(1, Math.ceil((targetBytes - Buffer.byteLength(head) - Buffer.byteLength(tail)) / Buffer.byteLength(body)));
  return `${head}${body.repeat(copies)}${tail}`;
}

/** Writes `count` notices (the seeds in turn, each with its own number) into `folder`; returns their paths. */
export function writeWorkspace(seeds: readonly Seed[], folder: string, count: number): string[] {
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const text = seed.text.replace(/^so: .*$/mu, `so: ${i + 1}/TB-VPCP`);
    const file = path.join(folder, `${String(i + 1).padStart(4, '0')}-${seed.name}`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
