import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusTable, loadCorpus } from './corpus.js';

/** Rewrites the corpus table of docs/import.md between its two markers. */
const file = path.resolve(import.meta.dirname, '..', '..', 'docs', 'import.md');
const doc = readFileSync(file, 'utf8');
const begin = '<!-- corpus-table:begin -->';
const end = '<!-- corpus-table:end -->';
const table = corpusTable(loadCorpus());
writeFileSync(file, `${doc.slice(0, doc.indexOf(begin) + begin.length)}\n${table}\n${doc.slice(doc.indexOf(end))}`);
