import { analyzeNotice, type AnalysisResult } from '../server/src/core/analyze.js';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { configSchema, type ThongbaoConfigInput } from '../server/src/core/config.js';
import type { Registry } from '../server/src/core/registry.js';
import { createShippedRegistry } from '../server/src/workspace/shippedRegistry.js';
import type { Rule } from '../server/src/core/rule.js';
import type { CalendarDate, Finding } from '../server/src/core/types.js';

/** A correct notice around a body text, so that a rule test only writes the sentence under test. */
export function notice(body: string, options: { date?: string; frontMatter?: string } = {}): string {
  const date = options.date ?? '2024-11-22';
  const frontMatter =
    options.frontMatter ??
    ['co-quan: Văn phòng Chính phủ', 'so: 530/TB-VPCP', 'dia-danh: Hà Nội', `ngay: ${date}`, 'loai: Thông báo', 'trich-yeu: Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về chuyển đổi số'].join('\n');
  return [
    '---',
    frontMatter,
    '---',
    '',
    body,
    '',
    'Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.',
    '',
    '## Nơi nhận',
    '',
    '- Thủ tướng Chính phủ;',
    '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
    '- Lưu: VT, KGVX (2).',
    '',
    '## Chữ ký',
    '',
    'KT. BỘ TRƯỞNG, CHỦ NHIỆM\\',
    'PHÓ CHỦ NHIỆM',
    '',
    'Cao Huy',
    '',
  ].join('\n');
}

/** An example of a rule as a whole text: a full notice as is, a body sentence wrapped in `notice`. */
export function exampleText(example: string): string {
  return example.startsWith('---') ? example : notice(example);
}

export interface RunOptions {
  rules?: readonly Rule[];
  config?: ThongbaoConfigInput;
  registry?: Registry;
  today?: CalendarDate;
  uri?: string;
}

export function run(text: string, options: RunOptions = {}): AnalysisResult {
  return analyzeNotice(text, {
    knowledge: loadKnowledge(),
    config: configSchema.parse(options.config ?? {}),
    today: options.today ?? { year: 2026, month: 11, day: 25 },
    ...(options.rules ? { rules: options.rules } : {}),
    registry: options.registry ?? createShippedRegistry(),
    ...(options.uri ? { uri: options.uri } : {}),
  });
}

/** The findings of one rule id on a text. */
export function findings(text: string, ruleId: string, options: RunOptions = {}): Finding[] {
  return run(text, options).findings.filter((finding) => finding.rule === ruleId);
}

/** The source text a finding points at. */
export function spanText(text: string, finding: { start: number; end: number }): string {
  return text.slice(finding.start, finding.end);
}
