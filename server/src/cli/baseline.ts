import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CheckedDiagnostic } from './checkFile.js';

/**
 * A baseline of findings an archive already has (like ESLint's bulk
 * suppressions and SARIF baselines): by file, rule and fingerprint of the
 * quoted text, with how many times each occurs. Positions are left out, so
 * edits elsewhere in a file keep its findings matched; a finding whose text
 * changed is new. Paths are relative to the baseline file's folder, so the
 * file works from any working directory and in any clone.
 */
export const DEFAULT_BASELINE_FILE = 'thongbao-baseline.json';

const baselineSchema = z.object({
  tool: z.literal('thongbao'),
  format: z.literal(1),
  files: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number().int().positive()))),
});

type Counts = Record<string, Record<string, number>>;

function key(baselineFile: string, file: string): string {
  return path.relative(path.dirname(baselineFile), file).split(path.sep).join('/');
}

/** Collects findings into a baseline file. */
export class BaselineBuilder {
  private readonly files: Record<string, Counts> = {};
  private count = 0;

  constructor(private readonly baselineFile: string) {}

  get size(): number {
    return this.count;
  }

  add(file: string, diagnostics: readonly CheckedDiagnostic[]): void {
    if (diagnostics.length === 0) return;
    const counts: Counts = (this.files[key(this.baselineFile, file)] ??= {});
    for (const diagnostic of diagnostics) {
      const byFingerprint = (counts[diagnostic.rule] ??= {});
      byFingerprint[diagnostic.fingerprint] = (byFingerprint[diagnostic.fingerprint] ?? 0) + 1;
      this.count++;
    }
  }

  /** Writes the baseline (sorted, so it diffs well under version control) through a temporary file. */
  async save(): Promise<void> {
    const sorted = Object.fromEntries(Object.keys(this.files).sort().map((file) => [file, sortKeys(this.files[file]!)]));
    const text = `${JSON.stringify({ tool: 'thongbao', format: 1, files: sorted }, null, 2)}\n`;
    const temporary = path.join(path.dirname(this.baselineFile), `.${path.basename(this.baselineFile)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.writeFile(temporary, text);
      await fs.rename(temporary, this.baselineFile);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }
}

function sortKeys(counts: Counts): Counts {
  return Object.fromEntries(Object.keys(counts).sort().map((rule) => [rule, Object.fromEntries(Object.entries(counts[rule]!).sort(([a], [b]) => a.localeCompare(b)))]));
}

/** A baseline read back: splits each file's findings into new ones and those already recorded. */
export class Baseline {
  private constructor(private readonly baselineFile: string, private readonly files: Record<string, Counts>) {}

  /** Reads a baseline; throws an Error with a message for the user when it cannot be used. */
  static async load(file: string): Promise<Baseline> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the baseline ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let parsed;
    try {
      parsed = baselineSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw new Error(`${file} is not a thongbao baseline (make one with: thongbao baseline <files> -o ${path.basename(file)})`);
    return new Baseline(path.resolve(file), parsed.data.files);
  }

  split<T extends CheckedDiagnostic>(file: string, diagnostics: readonly T[]): { fresh: T[]; baselined: T[] } {
    const recorded = this.files[key(this.baselineFile, file)];
    if (!recorded) return { fresh: [...diagnostics], baselined: [] };
    // Each recorded occurrence absorbs one finding; a finding repeated more often than recorded is new.
    const left = new Map<string, number>();
    const fresh: T[] = [];
    const baselined: T[] = [];
    for (const diagnostic of diagnostics) {
      const id = `${diagnostic.rule}\0${diagnostic.fingerprint}`;
      const remaining = left.get(id) ?? recorded[diagnostic.rule]?.[diagnostic.fingerprint] ?? 0;
      if (remaining > 0) {
        baselined.push(diagnostic);
        left.set(id, remaining - 1);
      } else {
        fresh.push(diagnostic);
      }
    }
    return { fresh, baselined };
  }
}
