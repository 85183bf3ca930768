// What the scenarios compare the screen with: the seed notices and the CLI's
// own verdict on the same text (the extension and the CLI share one core).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { installedExtensionFile, outputDir, root, type WorkspaceFile } from './harness.js';

const execFileAsync = promisify(execFile);

function seed(file: string): string {
  return readFileSync(path.join(root, 'test/fixtures/seeds', file), 'utf8');
}

/** The 2024-03-06 meeting notice: real mistakes (dates without their 0, "Nghị đ ịnh", …) and citations. */
export const meetingNotice: WorkspaceFile = { name: 'hop-de-an-06.tb.md', text: seed('2024-03-06-hop-de-an-06.tb.md') };

/** Thông báo 06/TB-VPCP, which the meeting notice cites: go to definition must open it. */
export const notice06: WorkspaceFile = { name: 'so-ket-de-an-06.tb.md', text: seed('2024-01-10-so-ket-de-an-06.tb.md') };

/** Thông báo 530/TB-VPCP: a complete header and a signature block, so the official layout shows every part. */
export const notice530: WorkspaceFile = { name: '530-TB-VPCP.tb.md', text: seed('2024-11-22-530-TB-VPCP.tb.md') };

export interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Runs the CLI bundled in the installed extension (the same build VS Code runs). */
async function runCli(args: string[]): Promise<string> {
  const cli = await installedExtensionFile('dist/cli.cjs');
  try {
    return (await execFileAsync(process.execPath, ['--eval', 'require(process.argv[1]).main()', cli, ...args], { cwd: root })).stdout;
  } catch (error) {
    // Exit code 1 means "errors found": its output is still the report.
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout) return failed.stdout;
    throw new Error(`thongbao CLI failed (${failed.code}): ${failed.stderr ?? String(error)}`);
  }
}

/** A scratch copy for the CLI, outside any workspace the editor has open. */
async function scratchFile(name: string, text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(outputDir, 'runs', 'cli-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

/** `thongbao check --format json` on the given text. */
export async function cliDiagnostics(name: string, text: string): Promise<CliDiagnostic[]> {
  const file = await scratchFile(name, text);
  const reports = JSON.parse(await runCli(['check', file, '--format', 'json'])) as { diagnostics: CliDiagnostic[] }[];
  return reports[0]!.diagnostics;
}

/** The text `thongbao check --fix` makes of the given text. */
export async function cliFixAll(name: string, text: string): Promise<string> {
  const file = await scratchFile(name, text);
  await runCli(['check', file, '--fix', '--format', 'json']);
  return fs.readFile(file, 'utf8');
}

/** The notice `thongbao import` makes of a document (the CLI prints it on stdout). */
export async function cliImport(file: string): Promise<string> {
  return runCli(['import', file]);
}

interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
}

/** A snippet of snippets/clauses.json: its first prefix and the text it inserts when every placeholder keeps its default. */
export function snippet(label: string): { prefix: string; text: string } {
  const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/clauses.json'), 'utf8')) as Record<string, SnippetDefinition>;
  const definition = snippets[label];
  if (!definition) throw new Error(`snippets/clauses.json has no snippet "${label}" (labels: ${Object.keys(snippets).join(', ')})`);
  const body = Array.isArray(definition.body) ? definition.body.join('\n') : definition.body;
  const prefix = Array.isArray(definition.prefix) ? definition.prefix[0]! : definition.prefix;
  return { prefix, text: defaultExpansion(body) };
}

/** Expands the snippet syntax the clause snippets use: choices take their first option, placeholders their default. */
function defaultExpansion(body: string): string {
  return body
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)?\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+:([^{}]*)\}/g, (_, value: string) => value)
    .replace(/\$\d+/g, '')
    .replace(/\\(.)/g, '$1');
}
