/**
 * Compares the task extraction with the hand labels of test/fixtures/tasks/golden
 * and computes recall and precision on agency and deadline (partners as well, for
 * information). Used by test/tasks/golden.test.ts and by `npx tsx test/tasks/measure.ts`,
 * which writes the figures into docs/tasks.md.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { run } from '../helpers.js';
import type { Task } from '../../server/src/core/tasks/index.js';
import { isoOf } from '../../server/src/core/dates.js';

const root = path.join(import.meta.dirname, '..', '..');
const goldenDir = path.join(root, 'test', 'fixtures', 'tasks', 'golden');

interface GoldenEntry {
  at: string;
  agency?: string;
  agencies?: string[];
  partners?: string[];
  deadline: string | Date | null;
}

export interface GoldenTask {
  offset: number;
  at: string;
  agency: string;
  partners: string[];
  deadline: string | null;
}

export interface Counts {
  golden: number;
  extracted: number;
  agencyMatched: number;
  goldenDeadlines: number;
  extractedDeadlines: number;
  deadlineMatched: number;
  partnerGolden: number;
  partnerExtracted: number;
  partnerMatched: number;
}

export interface FileResult extends Counts {
  file: string;
  missed: GoldenTask[];
  spurious: Task[];
  wrongDeadline: { golden: GoldenTask; task: Task }[];
}

const norm = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Same assignee: the same name, or a group written a little longer or shorter than labelled. */
export function sameAgency(extracted: { name: string; group: boolean }, labelled: string): boolean {
  const a = norm(extracted.name);
  const b = norm(labelled);
  return a === b || (extracted.group && (a.startsWith(b) || b.startsWith(a)));
}

export function deadlineOf(task: Task): string | null {
  if (!task.deadline) return null;
  return task.deadline.kind === 'recurring' ? 'recurring' : isoOf(task.deadline.date!);
}

function goldenTasks(text: string, entries: GoldenEntry[]): GoldenTask[] {
  return entries.flatMap((entry) => {
    const offset = text.indexOf(entry.at);
    if (offset < 0 || text.indexOf(entry.at, offset + 1) >= 0) throw new Error(`label “${entry.at}” must occur once in the notice`);
    const deadline = entry.deadline instanceof Date ? entry.deadline.toISOString().slice(0, 10) : entry.deadline;
    const agencies = entry.agencies ?? [entry.agency!];
    return agencies.map((agency) => ({ offset, at: entry.at, agency, partners: entry.partners ?? [], deadline }));
  });
}

export function measureFile(goldenFile: string): FileResult {
  const label = parse(readFileSync(goldenFile, 'utf8')) as { source: string; from?: string; tasks: GoldenEntry[] };
  const text = readFileSync(path.join(root, label.source), 'utf8');
  const golden = goldenTasks(text, label.tasks);
  const from = label.from ? text.indexOf(label.from) : 0;
  const tasks = run(text).facts.tasks.tasks.filter((task) => task.start >= from);
  const used = new Set<Task>();
  const result: FileResult = {
    file: label.source,
    golden: golden.length,
    extracted: tasks.length,
    agencyMatched: 0,
    goldenDeadlines: golden.filter((task) => task.deadline).length,
    extractedDeadlines: tasks.filter((task) => task.deadline).length,
    deadlineMatched: 0,
    partnerGolden: 0,
    partnerExtracted: 0,
    partnerMatched: 0,
    missed: [],
    spurious: [],
    wrongDeadline: [],
  };
  for (const labelled of golden) {
    const task = tasks.find((candidate) => !used.has(candidate) && candidate.start <= labelled.offset && labelled.offset < candidate.end && sameAgency(candidate.agency, labelled.agency));
    if (!task) {
      result.missed.push(labelled);
      continue;
    }
    used.add(task);
    result.agencyMatched++;
    if (labelled.deadline && deadlineOf(task) === labelled.deadline) result.deadlineMatched++;
    else if (labelled.deadline !== deadlineOf(task)) result.wrongDeadline.push({ golden: labelled, task });
    result.partnerGolden += labelled.partners.length;
    result.partnerExtracted += task.partners.length;
    result.partnerMatched += labelled.partners.filter((partner) => task.partners.some((candidate) => sameAgency(candidate, partner))).length;
  }
  result.spurious = tasks.filter((task) => !used.has(task));
  return result;
}

export function measureAll(): { files: FileResult[]; total: Counts } {
  const files = readdirSync(goldenDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => measureFile(path.join(goldenDir, name)));
  const total: Counts = { golden: 0, extracted: 0, agencyMatched: 0, goldenDeadlines: 0, extractedDeadlines: 0, deadlineMatched: 0, partnerGolden: 0, partnerExtracted: 0, partnerMatched: 0 };
  for (const file of files) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += file[key];
  return { files, total };
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const fixed = (value: number) => value.toFixed(2);

export function scores(counts: Counts) {
  return {
    agencyRecall: ratio(counts.agencyMatched, counts.golden),
    agencyPrecision: ratio(counts.agencyMatched, counts.extracted),
    deadlineRecall: ratio(counts.deadlineMatched, counts.goldenDeadlines),
    deadlinePrecision: ratio(counts.deadlineMatched, counts.extractedDeadlines),
    partnerRecall: ratio(counts.partnerMatched, counts.partnerGolden),
    partnerPrecision: ratio(counts.partnerMatched, counts.partnerExtracted),
  };
}

export const MEASURE_START = '<!-- measure:start (written by `npx tsx test/tasks/measure.ts`) -->';
export const MEASURE_END = '<!-- measure:end -->';

/** The measurement section of docs/tasks.md. */
export function measurementMarkdown(): string {
  const { files, total } = measureAll();
  const s = scores(total);
  const row = (name: string, counts: Counts) => {
    const own = scores(counts);
    return `| ${name} | ${counts.golden} | ${counts.extracted} | ${fixed(own.agencyRecall)} | ${fixed(own.agencyPrecision)} | ${counts.goldenDeadlines} | ${fixed(own.deadlineRecall)} | ${fixed(own.deadlinePrecision)} |`;
  };
  return [
    MEASURE_START,
    '',
    `On ${files.length} hand-labelled notices, ${total.golden} labelled tasks, ${total.extracted} extracted:`,
    '',
    `- **agency**: recall ${fixed(s.agencyRecall)}, precision ${fixed(s.agencyPrecision)}`,
    `- **deadline**: recall ${fixed(s.deadlineRecall)}, precision ${fixed(s.deadlinePrecision)}`,
    `- partners (for information): recall ${fixed(s.partnerRecall)}, precision ${fixed(s.partnerPrecision)}`,
    '',
    '| notice | labelled | extracted | agency recall | agency precision | deadlines | deadline recall | deadline precision |',
    '|---|---|---|---|---|---|---|---|',
    ...files.map((file) => row(path.basename(file.file, '.tb.md'), file)),
    '',
    MEASURE_END,
  ].join('\n');
}

const docsPath = path.join(root, 'docs', 'tasks.md');

export function docsWithMeasurement(current: string): string {
  const start = current.indexOf(MEASURE_START);
  const end = current.indexOf(MEASURE_END);
  if (start < 0 || end < 0) throw new Error('docs/tasks.md has no measurement markers');
  return current.slice(0, start) + measurementMarkdown() + current.slice(end + MEASURE_END.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv.includes('--report')) {
    for (const file of measureAll().files) {
      for (const missed of file.missed) console.log(`MISSED  ${file.file}: ${missed.agency} @ “${missed.at}”`);
      for (const task of file.spurious) console.log(`EXTRA   ${file.file}: ${task.agency.name} @ “${task.text.slice(0, 60)}”`);
      for (const { golden, task } of file.wrongDeadline) console.log(`DEADLINE ${file.file}: ${golden.agency} @ “${golden.at}”: labelled ${golden.deadline}, extracted ${deadlineOf(task)}`);
    }
    console.log(measurementMarkdown());
  } else writeFileSync(docsPath, docsWithMeasurement(readFileSync(docsPath, 'utf8')));
}
