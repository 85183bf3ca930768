/**
 * The programmatic API, published as `thongbao/core`:
 *
 *   const { analyze } = require('thongbao/core');
 *   const diagnostics = analyze(text, { locale: 'en' });
 *
 * It returns the same diagnostic shape as `thongbao check --format json`.
 */
import { analyzeNotice } from './core/analyze.js';
import { fixAll } from './core/fixAll.js';
import { configSchema, type ThongbaoConfigInput } from './core/config.js';
import { toOutputDiagnostics, type OutputDiagnostic } from './core/output.js';
import { parseIsoDate } from './core/frontmatter.js';
import { allRules } from './core/rules/index.js';
import { loadKnowledge } from './knowledge/index.js';
import { createShippedRegistry } from './workspace/shippedRegistry.js';
import type { Registry } from './core/registry.js';
import type { Locale, Severity } from './core/types.js';

export type { OutputDiagnostic, ThongbaoConfigInput, Locale, Severity, Registry };

export interface ApiOptions {
  /** Message language: "vi" (default) or "en"; overrides config.locale. */
  locale?: Locale;
  /** The contents of a thongbao.config.json (validated; invalid parts fall back to defaults). */
  config?: ThongbaoConfigInput;
  /** A document registry; defaults to the registry shipped with the extension. */
  registry?: Registry;
  /** The date used when the notice has no `ngay`, as YYYY-MM-DD (default: today). */
  today?: string;
  /** Also return each diagnostic's certain fix. */
  withFixes?: boolean;
}

function coreOptions(options: ApiOptions) {
  const config = configSchema.parse(options.config ?? {});
  const today = options.today ? parseIsoDate(options.today) : undefined;
  return {
    config,
    locale: options.locale ?? config.locale,
    analyze: { knowledge: loadKnowledge(), config, registry: options.registry ?? createShippedRegistry(), ...(today ? { today } : {}) },
  };
}

/** Checks one notice; diagnostics use LSP conventions (0-based lines, UTF-16 characters). */
export function analyze(text: string, options: ApiOptions = {}): OutputDiagnostic[] {
  const { locale, analyze: analyzeOptions } = coreOptions(options);
  const { findings } = analyzeNotice(text, analyzeOptions);
  return toOutputDiagnostics(findings, text, locale, options.withFixes ?? false);
}

/** Returns the text with every certain fix applied. */
export function fix(text: string, options: ApiOptions = {}): string {
  return fixAll(text, coreOptions(options).analyze).text;
}

/** The rule catalog: id, default severity, whether it has fixes, and its description. */
export function rules(locale: Locale = 'vi'): { id: string; severity: Severity; fixable: boolean; description: string }[] {
  return allRules.map((rule) => ({ id: rule.id, severity: rule.defaultSeverity, fixable: rule.fixable, description: rule.description[locale] }));
}
