import { parseCommandArgs, UsageError } from './usage.js';
import path from 'node:path';
import { parseNotice } from '../core/parse.js';
import { createFacts } from '../core/extract/index.js';
import { todayDate } from '../core/dates.js';
import { isRealDate } from '../core/frontmatter.js';
import { filterRows, isOverdue, taskRows, type TaskRow } from '../core/tasks/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import type { CalendarDate } from '../core/types.js';
import { collectFiles } from './files.js';
import { FileReadError, readFileText } from './fileText.js';
import { localize } from '../core/i18n.js';
import { forTerminal } from './terminalText.js';
import { ConfigResolver } from './main.js';
import { LineIndex } from '../core/positions.js';

export const TASKS_USAGE = `  thongbao tasks [--format table|csv|json|md] [--config FILE] [--agency TÊN] [--before YYYY-MM-DD] [--overdue] <tệp|thư mục|glob>...`;

type TaskFormat = 'table' | 'csv' | 'json' | 'md';

interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A located row of the follow-up table: the task and the file it is in. */
interface FileRow extends TaskRow {
  file: string;
}

const HEADERS = ['Thông báo', 'Số', 'Ngày', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Nhiệm vụ', 'Thời hạn', 'Báo cáo', 'Vị trí'];

/** `thongbao tasks`: every assignment of the notices given, as the follow-up desk's table. Exit 0, or 2 on a usage or read error. */
export async function runTasks(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string', default: 'table' },
    agency: { type: 'string' },
    before: { type: 'string' },
    overdue: { type: 'boolean', default: false },
    config: { type: 'string' },
  });
  const { values, positionals } = parsed;
  const format = values.format as TaskFormat;
  if (!['table', 'csv', 'json', 'md'].includes(format)) throw new UsageError(`--format must be table, csv, json or md, not "${values.format}"`);
  const before = values.before === undefined ? undefined : readDate(values.before);
  if (positionals.length === 0) throw new UsageError('no file, folder or glob given');

  const { files, errors } = await collectFiles(positionals, io.cwd);
  let failed = errors.length > 0;
  for (const error of errors) io.stderr(`${forTerminal(`thongbao: ${error.file}: ${localize(error.message, 'vi')}`)}\n`);
  const knowledge = loadKnowledge();
  // The configuration of each notice, as `check` reads it (its agencies and abbreviations change what is found).
  const configs = new ConfigResolver(values.config ? path.resolve(io.cwd, values.config) : undefined, (configFile, read) => {
    failed = true;
    const lines = new LineIndex(read.text);
    for (const problem of read.problems) {
      const position = lines.positionAt(problem.start);
      io.stderr(`${forTerminal(`thongbao: ${path.relative(io.cwd, configFile) || configFile}:${position.line + 1}:${position.character + 1}: ${localize(problem.message, read.config.locale)}`)}\n`);
    }
  });
  const rows: FileRow[] = [];
  for (const file of files.sort()) {
    const relative = path.relative(io.cwd, file) || file;
    let text;
    try {
      text = (await readFileText(file)).text;
    } catch (error) {
      failed = true;
      io.stderr(`${forTerminal(`thongbao: ${relative}: ${error instanceof FileReadError ? localize(error.reason, 'vi') : error instanceof Error ? error.message : String(error)}`)}\n`);
      continue;
    }
    const { config } = await configs.forFile(file);
    const model = parseNotice(text);
    const facts = createFacts(model, { knowledge, config });
    for (const row of taskRows(model, facts.tasks.tasks)) rows.push({ ...row, file: relative });
  }
  const today = todayDate();
  const kept = filterRows(rows, { ...(values.agency ? { agency: values.agency } : {}), ...(before ? { before } : {}), overdue: values.overdue, today }) as FileRow[];
  io.stdout(render(format, kept, today));
  return failed ? 2 : 0;
}

function readDate(value: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || !isRealDate(date.year, date.month, date.day)) throw new UsageError(`--before takes a date YYYY-MM-DD, not "${value}"`);
  return date;
}

function cells(row: FileRow): string[] {
  const deadline = row.deadline === 'recurring' ? 'định kỳ' : row.deadline;
  return [row.notice, row.number, row.date, row.agency, row.partners.join('; '), row.task, deadline, row.reportTo, `${row.file}:${row.line}`];
}

function render(format: TaskFormat, rows: FileRow[], today: CalendarDate): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows.map(({ range, ...row }) => ({ ...row, overdue: isOverdue(row, today), range })), null, 2)}\n`;
    case 'csv':
      // UTF-8 with a byte order mark, every field quoted, CRLF: spreadsheet programs open it as it is.
      return `\ufeff${[HEADERS, ...rows.map(cells)].map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
    case 'md':
      return `${[HEADERS, HEADERS.map(() => '---'), ...rows.map(cells)].map((line) => `| ${line.map(markdownCell).join(' | ')} |`).join('\n')}\n`;
    case 'table':
      return table(rows, today);
  }
}

const csvField = (value: string) => `"${value.replace(/"/gu, '""')}"`;
const markdownCell = (value: string) => value.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ');

/** A plain-text table for the terminal: the task text shortened, overdue rows marked with "!". */
function table(rows: FileRow[], today: CalendarDate): string {
  if (rows.length === 0) return 'Không có nhiệm vụ / no task.\n';
  const shorten = (text: string, width: number) => ([...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text);
  const lines = [HEADERS.slice(3).concat('')].concat(
    rows.map((row) => {
      const [, , , agency, partners, task, deadline, reportTo, where] = cells(row);
      return [shorten(agency!, 40), shorten(partners!, 30), shorten(task!, 60), deadline!, shorten(reportTo!, 24), where!, isOverdue(row, today) ? '!' : ''];
    }),
  );
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => [...(line[column] ?? '')].length)));
  return `${lines.map((line) => line.map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length)).join('  ').trimEnd()).join('\n')}\n`;
}
