// Generates, from the one zod configuration schema (server/src/core/config.ts):
//   - the settings block of package.json (contributes.configuration), its
//     descriptions as %thongbao.setting.<key>% references;
//   - the English and Vietnamese texts of those references in package.nls.json
//     and package.nls.vi.json (other keys of those files are kept);
//   - schemas/thongbao.config.schema.json, the JSON Schema of thongbao.config.json.
// Run: npx tsx scripts/generate-schemas.ts. test/unit/generated.test.ts fails when
// the committed files differ from what this script would write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { configSchema, settingsSchema } from '../server/src/core/config.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Vietnamese text of every English description in the zod schemas. */
const VIETNAMESE: Record<string, string> = {
  'JSON Schema of this file.': 'Lược đồ JSON (JSON Schema) của tệp này.',
  'Language of the messages: vi (default) or en.': 'Ngôn ngữ của các thông báo kiểm tra: vi (mặc định) hoặc en.',
  'Severity per rule id ("off", "info", "warning", "error"), e.g. {"abbr/undefined": "off"}.':
    'Mức độ của từng quy tắc theo mã quy tắc ("off", "info", "warning", "error"), ví dụ {"abbr/undefined": "off"}.',
  'Extra known abbreviations used without introduction: {"ABBR": "full name"}.':
    'Các chữ viết tắt được dùng mà không cần giới thiệu trước, bổ sung vào danh sách có sẵn: {"CHỮ VIẾT TẮT": "tên đầy đủ"}.',
  'Extra agency names known to the checker.': 'Tên các cơ quan, tổ chức bổ sung vào danh sách mà công cụ kiểm tra biết.',
  'Official name.': 'Tên chính thức.',
  'Accepted short forms.': 'Các cách viết tắt được chấp nhận.',
  'Issuer code in document symbols.': 'Chữ viết tắt tên cơ quan trong ký hiệu văn bản.',
  'First day in force (YYYY-MM-DD).': 'Ngày bắt đầu hoạt động (YYYY-MM-DD).',
  'Last day in force (YYYY-MM-DD).': 'Ngày cuối cùng hoạt động (YYYY-MM-DD).',
  'Glob patterns of document registry files in the workspace.': 'Mẫu đường dẫn (glob) của các tệp danh mục văn bản trong thư mục làm việc.',
  'Check notices (*.tb.md) while typing.': 'Kiểm tra thông báo (*.tb.md) trong khi soạn thảo.',
  'Language of the messages: vi or en. Empty: thongbao.config.json, else vi.':
    'Ngôn ngữ của các thông báo kiểm tra: vi hoặc en. Để trống: theo thongbao.config.json, nếu không có thì vi.',
  'When to check: while typing (onType) or when the file is saved (onSave).': 'Thời điểm kiểm tra: trong khi gõ (onType) hoặc khi lưu tệp (onSave).',
  'Milliseconds to wait after the last keystroke before checking.': 'Số mili giây chờ sau lần gõ phím cuối cùng rồi mới kiểm tra.',
  'Severity per rule id ("off", "info", "warning", "error"); overrides thongbao.config.json.':
    'Mức độ của từng quy tắc theo mã quy tắc ("off", "info", "warning", "error"); ghi đè thongbao.config.json.',
};

type JsonSchema = { [key: string]: unknown };

function vietnamese(english: string): string {
  const text = VIETNAMESE[english];
  if (!text) throw new Error(`scripts/generate-schemas.ts: no Vietnamese text for the description "${english}"; add it to VIETNAMESE.`);
  return text;
}

/** Every "description" in a JSON Schema, rewritten (depth first). */
function mapDescriptions(schema: unknown, rewrite: (english: string) => string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => mapDescriptions(item, rewrite));
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'description' && typeof value === 'string' ? rewrite(value) : mapDescriptions(value, rewrite)]),
  );
}

const SETTING_PREFIX = 'thongbao.setting.';

/** contributes.configuration of package.json, and the texts of its %references%. */
export function settingsContribution(): { configuration: JsonSchema; en: Record<string, string>; vi: Record<string, string> } {
  const en: Record<string, string> = {};
  const vi: Record<string, string> = {};
  const properties: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const { $schema: _schema, description, ...schema } = z.toJSONSchema(field, { io: 'input', target: 'draft-7' }) as JsonSchema;
    if (typeof description !== 'string') throw new Error(`settingsSchema.${key} has no description.`);
    const nlsKey = `${SETTING_PREFIX}${key}`;
    en[nlsKey] = description;
    vi[nlsKey] = vietnamese(description);
    properties[`thongbao.${key}`] = { ...mapDescriptions(schema, (english) => `${vietnamese(english)} (${english})`) as JsonSchema, description: `%${nlsKey}%` };
  }
  return { configuration: { title: '%thongbao.configuration.title%', properties }, en, vi };
}

/** The JSON Schema of thongbao.config.json; its descriptions give both languages (JSON Schemas have no locales). */
export function configFileSchema(): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  return {
    $schema,
    title: 'thongbao.config.json',
    ...(mapDescriptions(schema, (english) => `${vietnamese(english)}\n\n${english}`) as JsonSchema),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function readJson(relative: string): JsonSchema {
  try {
    return JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as JsonSchema;
  } catch {
    return {};
  }
}

/** Merges the generated setting texts into an nls file, keeping its other keys, sorted for stable diffs. */
function withSettingTexts(nls: JsonSchema, texts: Record<string, string>): JsonSchema {
  const kept = Object.entries(nls).filter(([key]) => !key.startsWith(SETTING_PREFIX));
  return Object.fromEntries([...kept, ...Object.entries(texts)].sort(([a], [b]) => a.localeCompare(b)));
}

/** Path (relative to the repository root) → the content this generator writes. */
export function generatedFiles(): Record<string, string> {
  const settings = settingsContribution();
  const packageJson = readJson('package.json') as { contributes?: JsonSchema };
  packageJson.contributes = { ...packageJson.contributes, configuration: settings.configuration };
  return {
    'package.json': json(packageJson),
    'package.nls.json': json(withSettingTexts(readJson('package.nls.json'), settings.en)),
    'package.nls.vi.json': json(withSettingTexts(readJson('package.nls.vi.json'), settings.vi)),
    'schemas/thongbao.config.schema.json': json(configFileSchema()),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [relative, content] of Object.entries(generatedFiles())) {
    const file = path.join(root, relative);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== content) {
      writeFileSync(file, content);
      console.log(`wrote ${relative}`);
    }
  }
}
