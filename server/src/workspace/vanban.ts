import { z } from 'zod';
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { symbolKey } from '../core/extract/citations.js';
import { parseIsoDate } from '../core/frontmatter.js';
import { LineIndex } from '../core/positions.js';
import type { RegistryEntry } from '../core/registry.js';
import { msg, type Msg, type Span } from '../core/types.js';
import type { Knowledge } from '../knowledge/types.js';

/** Workspace registry files: `*.vanban.yaml`, each a list of documents (dialect §5). */
export const REGISTRY_FILE_SUFFIX = '.vanban.yaml';
/** A registry is data; a file larger than this is refused rather than parsed. */
export const MAX_REGISTRY_BYTES = 1024 * 1024;

export interface RegistryFileProblem extends Span {
  message: Msg;
}

const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, 'not-a-date');
const text = z.string().trim().min(1);

const entrySchema = z
  .object({
    so: text,
    loai: text,
    ngay: isoDate,
    'co-quan': text,
    'trich-yeu': text,
    /** true: in force; false: no longer in force; a date: the first day it was no longer in force. */
    'hieu-luc': z.union([z.boolean(), isoDate]).optional(),
    'thay-the-boi': text.optional(),
  })
  .strict();

const KEYS = Object.keys(entrySchema.shape);

/**
 * Reads one registry file: YAML parsed as data only (no custom tags, bounded
 * aliases), each entry validated with zod; every problem is located so the
 * editor can show it in that file. Valid entries are kept even when others fail.
 */
export function parseRegistryFile(uri: string, source: string, knowledge: Knowledge): { entries: RegistryEntry[]; problems: RegistryFileProblem[] } {
  const problems: RegistryFileProblem[] = [];
  if (source.length > MAX_REGISTRY_BYTES) {
    return { entries: [], problems: [{ start: 0, end: 0, message: msg('Tệp danh mục văn bản quá lớn (trên 1 MB); tệp này bị bỏ qua.', 'The registry file is too large (over 1 MB); it is ignored.') }] };
  }
  const tooDeep = flowNestingBeyond(source, MAX_FLOW_NESTING);
  if (tooDeep !== undefined) {
    return { entries: [], problems: [{ start: tooDeep, end: tooDeep + 1, message: msg(`Tệp danh mục văn bản lồng ngoặc quá sâu (trên ${MAX_FLOW_NESTING} mức); tệp này bị bỏ qua.`, `The registry file nests brackets too deeply (over ${MAX_FLOW_NESTING} levels); it is ignored.`) }] };
  }
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  for (const error of document.errors) {
    problems.push({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1), message: msg(`YAML không hợp lệ: ${error.message}`, `Invalid YAML: ${error.message}`) });
  }
  if (document.errors.length > 0) return { entries: [], problems };
  const root = document.contents;
  if (root === null) return { entries: [], problems };
  if (!isSeq(root)) {
    const [start, end] = spanOf(root as YamlNode);
    problems.push({ start, end, message: msg('Tệp danh mục văn bản phải là một danh sách, mỗi mục “- so: …”.', 'A registry file must be a list of entries, each “- so: …”.') });
    return { entries: [], problems };
  }
  const lines = new LineIndex(source);
  const entries: RegistryEntry[] = [];
  for (const item of root.items) {
    const [start, end] = spanOf(item as YamlNode);
    if (!isMap(item)) {
      problems.push({ start, end, message: msg('Mỗi mục phải có các khóa so, loai, ngay, co-quan, trich-yeu.', 'Each entry needs the keys so, loai, ngay, co-quan, trich-yeu.') });
      continue;
    }
    let raw: unknown;
    try {
      raw = item.toJS(document, { maxAliasCount: 100 });
    } catch (error) {
      // yaml refuses to expand an alias bomb ("Excessive alias count"): the entry is skipped, the others kept.
      problems.push({ start, end: Math.min(end, start + 1), message: msg(`Mục này không đọc được (${error instanceof Error ? error.message : String(error)}).`, `This entry cannot be read (${error instanceof Error ? error.message : String(error)}).`) });
      continue;
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
        const pair = item.items.find((candidate) => String((candidate.key as { value?: unknown } | null)?.value) === key);
        const [problemStart, problemEnd] = pair ? spanOf(pair.key as YamlNode, pair.value as YamlNode | null) : [start, Math.min(end, start + 1)];
        problems.push({ start: problemStart, end: problemEnd, message: describeIssue(issue, key ?? '', pair !== undefined) });
      }
      continue;
    }
    const value = parsed.data;
    const key = symbolKey(value.so, knowledge);
    if (!key) {
      const pair = item.items.find((candidate) => String((candidate.key as { value?: unknown } | null)?.value) === 'so')!;
      const [problemStart, problemEnd] = spanOf(pair.value as YamlNode);
      problems.push({ start: problemStart, end: problemEnd, message: msg(`“${value.so}” không phải số, ký hiệu văn bản (ví dụ 28/NQ-CP, 73/2019/NĐ-CP, 452/TTg-KSTT).`, `“${value.so}” is no document number and symbol (e.g. 28/NQ-CP, 73/2019/NĐ-CP, 452/TTg-KSTT).`) });
      continue;
    }
    const validity = value['hieu-luc'];
    entries.push({
      symbol: key,
      type: value.loai,
      date: parseIsoDate(value.ngay) ?? null,
      issuer: value['co-quan'],
      subject: value['trich-yeu'],
      inForce: validity === undefined ? value['thay-the-boi'] === undefined : validity === true,
      endOfValidity: typeof validity === 'string' ? parseIsoDate(validity) ?? null : null,
      replacedBy: value['thay-the-boi'] ?? null,
      // The workspace's own registry is the drafter's authority on these facts.
      verified: true,
      origin: 'workspace-registry',
      location: { uri, range: lines.rangeOf(start, end) },
    });
  }
  return { entries, problems };
}

/** A registry file the safe reader refused (too large, not a regular file, a link out…): one problem at its start. */
export function registryReadProblem(reason: Msg): RegistryFileProblem {
  return { start: 0, end: 0, message: msg(`${reason.vi}; tệp danh mục văn bản này bị bỏ qua.`, `${reason.en}; this registry file is ignored.`) };
}

/** A registry is a flat list of flat entries; deeper bracket nesting only costs the YAML parser time (seconds at 100,000). */
const MAX_FLOW_NESTING = 64;

/** The offset where `[`/`{` nesting first exceeds `limit`, counting brackets anywhere (a real entry never comes close). */
function flowNestingBeyond(source: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return i;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

function spanOf(node: YamlNode, last?: YamlNode | null): [number, number] {
  const start = node?.range?.[0] ?? 0;
  const end = (last ?? node)?.range?.[1] ?? start + 1;
  return [start, Math.max(end, start + 1)];
}

function describeIssue(issue: z.core.$ZodIssue, key: string, present: boolean): Msg {
  if (issue.code === 'unrecognized_keys') return msg(`Khóa “${key}” không có trong danh mục văn bản; các khóa: ${KEYS.join(', ')}.`, `Unknown key “${key}”; the keys are: ${KEYS.join(', ')}.`);
  if (!present) return msg(`Thiếu khóa “${key}”.`, `The key “${key}” is missing.`);
  if (issue.code === 'too_small') return msg(`“${key}” không được để trống.`, `“${key}” must not be empty.`);
  if (key === 'hieu-luc') return msg('“hieu-luc” là true, false hoặc ngày hết hiệu lực (YYYY-MM-DD).', '“hieu-luc” is true, false or the date it ended (YYYY-MM-DD).');
  if (issue.message === 'not-a-date') return msg(`“${key}” phải là ngày có thật, viết YYYY-MM-DD (ví dụ 2024-03-05).`, `“${key}” must be a real date written YYYY-MM-DD (e.g. 2024-03-05).`);
  return msg(`“${key}” phải là một dòng chữ.`, `“${key}” must be a line of text.`);
}
