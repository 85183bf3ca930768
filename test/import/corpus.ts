import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument, type ImportResult } from '../../server/src/core/import/index.js';
import { readHtml } from '../../server/src/import/html.js';
import { readMarkdown } from '../../server/src/import/markdown.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

/**
 * The development corpus (shared/corpus) imported, with what each source says
 * independently of the importer: its number, date and signer (site metadata or
 * provenance block) and its count of body paragraphs.
 */
export const corpusRoot = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export interface CorpusNotice {
  file: string;
  so: string;
  ngay: string;
  signer?: string;
  sourceParagraphs: number;
  result: ImportResult;
}

/** Body paragraphs of Word-exported HTML: non-empty <p> outside tables after the type name and the centred subject. */
export function htmlBodyParagraphs(html: string): number {
  const outside = html.replace(/<table[\s\S]*?<\/table>/gu, '');
  const paragraphs = [...outside.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/gu)]
    .map((match) => ({ attributes: match[1]!, text: match[2]!.replace(/<[^>]+>/gu, '').replace(/&nbsp;|\u00a0/gu, ' ').replace(/&[a-z]+;/gu, 'x').replace(/\s+/gu, ' ').trim() }))
    .filter((paragraph) => paragraph.text);
  let index = paragraphs.findIndex((paragraph) => paragraph.text === 'THÔNG BÁO') + 1;
  while (index < paragraphs.length && /center/u.test(paragraphs[index]!.attributes)) index++;
  return paragraphs.length - index;
}

/** Body paragraphs of a transcription that separates them by blank lines: the blocks between the subject and "Nơi nhận". */
function blankSeparatedParagraphs(lines: string[], subjectLast: string): number {
  const start = lines.findIndex((line) => line.startsWith(subjectLast)) + 1;
  const end = lines.findIndex((line) => line === 'Nơi nhận:');
  return lines.slice(start, end).filter((line) => line.trim() !== '|').join('\n').split(/\n\s*\n/u).filter((block) => block.trim()).length;
}

/**
 * 624 has no blank lines at all: its 29 body paragraphs were counted by reading
 * the source (2 opening paragraphs, parts I–III, items 1–2 of II, items 1–6 of
 * III with 1 paragraph under 1., points a)–l) under 5. and a)–b) under 6., the
 * closing formula).
 */
const HAND_COUNTED: Record<string, number> = { '624-TB-VPCP-2025.md': 29 };

export function loadCorpus(): CorpusNotice[] {
  const knowledge = loadKnowledge();
  const notices: CorpusNotice[] = [];
  const pre2020 = path.join(corpusRoot, 'pre2020');
  for (const file of readdirSync(pre2020).filter((name) => name.endsWith('.json')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    const source = JSON.parse(readFileSync(path.join(pre2020, file), 'utf8')) as { id: string; issuedDate: string; signers: string[]; htmlContent: string };
    notices.push({ file: `pre2020/${file}`, so: source.id, ngay: source.issuedDate, signer: source.signers[0], sourceParagraphs: htmlBodyParagraphs(source.htmlContent), result: importDocument(readHtml(source.htmlContent), knowledge) });
  }
  const recent = path.join(corpusRoot, '2025');
  for (const file of readdirSync(recent).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()) {
    const text = readFileSync(path.join(recent, file), 'utf8');
    const provenance = /^---\norigin: .*\nnumber: (.*)\nissued: (.*)\n---\n/u.exec(text)!;
    const source = text.split('\n').slice(5);
    const paragraphs = HAND_COUNTED[file] ?? blankSeparatedParagraphs(source, 'ĐIỂM NGÀNH GIAO THÔNG VẬN TẢI.');
    // The provenance block is the corpus's, not the transcription's: import the source bytes (tail -n +6).
    notices.push({ file: `2025/${file}`, so: provenance[1]!, ngay: provenance[2]!, sourceParagraphs: paragraphs, result: importDocument(readMarkdown(source.join('\n')), knowledge) });
  }
  return notices;
}

const REQUIRED = ['co-quan', 'so', 'dia-danh', 'ngay', 'loai', 'trich-yeu'] as const;

/** The table of docs/import.md, one row per corpus notice. */
export function corpusTable(notices: CorpusNotice[]): string {
  const rows = ['| notice | fields found | body paragraphs (imported / source) | footnotes | Nơi nhận entries | signer | dropped | guessed | unplaced |', '|---|---|---|---|---|---|---|---|---|'];
  for (const notice of notices) {
    const { result } = notice;
    const found = REQUIRED.filter((key) => result.fields[key]).length;
    const count = (kind: string) => result.report.filter((entry) => entry.kind === kind).length;
    const signer = /\n\n([^\n]+)\n$/u.exec(result.text)?.[1] ?? '—';
    rows.push(`| ${notice.file} | ${found}/6 | ${result.stats.bodyParagraphs} / ${notice.sourceParagraphs} | ${result.stats.footnotes} | ${result.stats.recipients} | ${result.stats.signature ? signer : '—'} | ${count('dropped')} | ${count('guessed')} | ${count('unplaced')} |`);
  }
  return rows.join('\n');
}
