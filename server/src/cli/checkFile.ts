import { createHash } from 'node:crypto';
import { analyzeNotice } from '../core/analyze.js';
import { fixAll } from '../core/fixAll.js';
import type { ThongbaoConfig } from '../core/config.js';
import { toOutputDiagnostics, type OutputDiagnostic } from '../core/output.js';
import type { Registry } from '../core/registry.js';
import { msg, type Finding, type Locale, type Msg } from '../core/types.js';
import type { Knowledge } from '../knowledge/types.js';
import { URI } from 'vscode-uri';
import { FileReadError, readFileText, writeFileText, type FileText } from './fileText.js';
import { WriteRefusedError } from './safeWrite.js';
import { importOperand, isImportOperand } from './import.js';
import { ImportReadError } from '../import/errors.js';
import type { SourcePosition } from '../core/import/index.js';
import { NO_READS, RecordingRegistry, type RegistryReads } from './registryReads.js';

export interface CheckEnvironment {
  knowledge: Knowledge;
  registry: Registry;
  /** True when the registry left a read unanswered (a worker's slice): the analysis is to be made again, so no fix is written. */
  incomplete?: () => boolean;
}

/** One file to check; everything in it is plain data, so it can cross to a worker thread. */
export interface CheckTask {
  /** Position of the file in the output. */
  index: number;
  file: string;
  config: ThongbaoConfig;
  locale: Locale;
  fix: boolean;
}

/** A diagnostic with the fingerprint the baseline matches it by. */
export interface CheckedDiagnostic extends OutputDiagnostic {
  /** Hash of the rule and the quoted text (not its position), so edits elsewhere keep it matched. */
  fingerprint: string;
}

export interface CheckResult {
  index: number;
  file: string;
  /** Set when the file could not be read: the reason, for the user. */
  readError?: Msg;
  /** Set when fixes were found but could not be written: the reason. */
  writeError?: Msg;
  diagnostics: CheckedDiagnostic[];
  /** SHA-256 of the bytes analysed (after fixes were written). */
  contentHash: string;
  reads: RegistryReads;
  /** A document checked as imported: where each line of the imported notice came from. */
  imported?: { lineSources: (SourcePosition | undefined)[] };
  /** The day that stood for a missing `ngay` (the result changes with the date then). */
  today?: string;
}

/** SHA-256 of a file's bytes, as the safe reader fingerprints them. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Reads, fixes (when asked) and analyses one file. Errors of the file are returned, never thrown. */
export async function checkFile(task: CheckTask, env: CheckEnvironment): Promise<CheckResult> {
  const empty: CheckResult = { index: task.index, file: task.file, diagnostics: [], contentHash: '', reads: NO_READS };
  if (isImportOperand(task.file)) return checkDocument(task, env, empty);
  let source: FileText;
  try {
    source = await readFileText(task.file);
  } catch (error) {
    return { ...empty, readError: error instanceof FileReadError ? error.reason : msg(errorText(error), errorText(error)) };
  }
  const registry = new RecordingRegistry(env.registry);
  const options = { knowledge: env.knowledge, config: task.config, registry, uri: URI.file(task.file).toString() };
  let text = source.text;
  let writeError: Msg | undefined;
  if (task.fix) {
    const fixed = fixAll(text, options).text;
    if (env.incomplete?.()) return empty;
    if (fixed !== text) {
      try {
        await writeFileText(task.file, fixed, source);
        text = fixed;
      } catch (error) {
        writeError = error instanceof WriteRefusedError ? error.reason : msg(errorText(error), errorText(error));
      }
    }
  }
  const { findings, model } = analyzeNotice(text, options);
  const result: CheckResult = {
    index: task.index,
    file: task.file,
    diagnostics: withFingerprints(findings, toOutputDiagnostics(findings, text, task.locale), text),
    // The hash of the bytes on disk, as the index pass computes it (the BOM is not in `text`).
    contentHash: text === source.text ? source.fingerprint.hash : contentHash(source.hasBom ? `\ufeff${text}` : text),
    reads: registry.reads(),
  };
  if (writeError !== undefined) result.writeError = writeError;
  if (model.meta.date === undefined) result.today = new Date().toISOString().slice(0, 10);
  return result;
}

/** A .docx/.html/.pdf/.txt document, imported in memory and checked as it is; nothing is written, nothing cached. */
async function checkDocument(task: CheckTask, env: CheckEnvironment, empty: CheckResult): Promise<CheckResult> {
  let imported;
  try {
    imported = await importOperand(task.file);
  } catch (error) {
    return { ...empty, readError: error instanceof ImportReadError ? error.reason : msg(errorText(error), errorText(error)) };
  }
  const { findings } = analyzeNotice(imported.text, { knowledge: env.knowledge, config: task.config, registry: env.registry, uri: URI.file(task.file).toString() });
  return { ...empty, diagnostics: withFingerprints(findings, toOutputDiagnostics(findings, imported.text, task.locale), imported.text), imported: { lineSources: imported.lineSources } };
}

function withFingerprints(findings: Finding[], diagnostics: OutputDiagnostic[], text: string): CheckedDiagnostic[] {
  return diagnostics.map((diagnostic, i) => ({ ...diagnostic, fingerprint: fingerprint(diagnostic.rule, quotedText(text, findings[i]!)) }));
}

/** The text a finding points at, spaces collapsed; for an empty range, its line. */
export function quotedText(text: string, finding: { start: number; end: number }): string {
  let quoted = text.slice(finding.start, finding.end);
  if (!quoted.trim()) {
    const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
    const lineEnd = text.indexOf('\n', finding.start);
    quoted = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  }
  return quoted.replace(/\s+/gu, ' ').trim();
}

export function fingerprint(rule: string, quoted: string): string {
  return createHash('sha1').update(`${rule}\0${quoted}`).digest('hex').slice(0, 20);
}
