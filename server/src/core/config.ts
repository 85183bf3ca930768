import { z } from 'zod';

/**
 * The one schema of configuration: `thongbao.config.json` and the editor's
 * `thongbao.*` settings are both read through it. The JSON Schema of the
 * config file and the settings block of package.json are generated from it
 * (scripts/generate-schemas.ts) and a test fails when they are stale.
 */
export const severitySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

export const configSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema of this file.'),
    locale: z.enum(['vi', 'en']).default('vi').describe('Language of the messages: vi (default) or en.'),
    rules: z
      .record(z.string(), severitySettingSchema)
      .default({})
      .describe('Severity per rule id ("off", "info", "warning", "error"), e.g. {"abbr/undefined": "off"}.'),
    abbreviations: z
      .record(z.string().min(1).max(20), z.string().min(1))
      .default({})
      .describe('Extra known abbreviations used without introduction: {"ABBR": "full name"}.'),
    agencies: z
      .array(
        z
          .object({
            name: z.string().min(1).describe('Official name.'),
            shortForms: z.array(z.string().min(1)).default([]).describe('Accepted short forms.'),
            code: z.string().min(1).optional().describe('Issuer code in document symbols.'),
            validFrom: z.iso.date().optional().describe('First day in force (YYYY-MM-DD).'),
            validTo: z.iso.date().optional().describe('Last day in force (YYYY-MM-DD).'),
          })
          .strict(),
      )
      .default([])
      .describe('Extra agency names known to the checker.'),
    registry: z
      .array(z.string().min(1))
      .default(['**/*.vanban.yaml'])
      .describe('Glob patterns of document registry files in the workspace.'),
  })
  .strict();

export type ThongbaoConfig = z.output<typeof configSchema>;
export type ThongbaoConfigInput = z.input<typeof configSchema>;

export const DEFAULT_CONFIG: ThongbaoConfig = configSchema.parse({});

export interface ConfigProblem {
  message: string;
  /** Path inside the JSON document, e.g. ["rules", "date/padding"]. */
  path: (string | number)[];
}

/** Validates raw configuration data; invalid parts are reported and defaults used. */
export function resolveConfig(raw: unknown): { config: ThongbaoConfig; problems: ConfigProblem[] } {
  const parsed = configSchema.safeParse(raw ?? {});
  if (parsed.success) return { config: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path as (string | number)[] }));
  // Keep the valid top-level keys, drop the invalid ones.
  const kept: Record<string, unknown> = {};
  const badKeys = new Set(problems.map((problem) => String(problem.path[0] ?? '')));
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) if (!badKeys.has(key) && Object.hasOwn(configSchema.shape, key)) kept[key] = value;
  }
  const fallback = configSchema.safeParse(kept);
  return { config: fallback.success ? fallback.data : DEFAULT_CONFIG, problems };
}

/** Later layers override earlier ones key by key; rule severities and extras are merged. */
export function mergeConfigs(base: ThongbaoConfig, override: Partial<ThongbaoConfig>): ThongbaoConfig {
  return {
    ...base,
    ...(override.locale ? { locale: override.locale } : {}),
    rules: { ...base.rules, ...(override.rules ?? {}) },
    abbreviations: { ...base.abbreviations, ...(override.abbreviations ?? {}) },
    agencies: [...base.agencies, ...(override.agencies ?? [])],
    registry: override.registry ?? base.registry,
  };
}

/**
 * The editor's `thongbao.*` settings: the configuration keys plus what only an
 * editor needs. package.json's settings block is generated from this schema.
 */
export const settingsSchema = z.object({
  enable: z.boolean().default(true).describe('Check notices (*.tb.md) while typing.'),
  locale: z.enum(['vi', 'en']).optional().describe('Language of the messages: vi or en. Empty: thongbao.config.json, else vi.'),
  run: z.enum(['onType', 'onSave']).default('onType').describe('When to check: while typing (onType) or when the file is saved (onSave).'),
  debounce: z.number().int().min(0).max(5000).default(300).describe('Milliseconds to wait after the last keystroke before checking.'),
  rules: z.record(z.string(), severitySettingSchema).default({}).describe('Severity per rule id ("off", "info", "warning", "error"); overrides thongbao.config.json.'),
  abbreviations: z.record(z.string().min(1).max(20), z.string().min(1)).default({}).describe('Extra known abbreviations used without introduction: {"ABBR": "full name"}.'),
});

export type ThongbaoSettings = z.output<typeof settingsSchema>;

/** Reads the editor settings; anything invalid falls back to its default. */
export function resolveSettings(raw: unknown): ThongbaoSettings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      if (Object.hasOwn(settingsSchema.shape, key) && settingsSchema.shape[key as keyof typeof settingsSchema.shape].safeParse(value).success) kept[key] = value;
    }
  }
  return settingsSchema.parse(kept);
}
