import { parseTree, findNodeAtLocation, getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { resolveConfig, type ThongbaoConfig } from '../core/config.js';
import type { Span } from '../core/types.js';
import { msg, type Msg } from '../core/types.js';
import { readWorkspaceText } from './safeRead.js';

export const CONFIG_FILE_NAME = 'thongbao.config.json';
/** Configuration is data; a file larger than this is refused rather than parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigFileProblem extends Span {
  message: Msg;
}

/**
 * The one place that reads a thongbao.config.json text: JSON (comments
 * tolerated), validated by the zod schema; every problem is located in the
 * file, and the valid parts are kept over the defaults.
 */
export function parseConfigText(text: string): { config: ThongbaoConfig; problems: ConfigFileProblem[] } {
  if (text.length > MAX_CONFIG_BYTES) {
    return { config: resolveConfig({}).config, problems: [{ start: 0, end: 0, message: msg('Tệp cấu hình quá lớn (trên 1 MB); dùng cấu hình mặc định.', 'The configuration file is too large (over 1 MB); defaults are used.') }] };
  }
  const errors: ParseError[] = [];
  let tree: ReturnType<typeof parseTree>;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The JSON parser recurses: thousands of nested brackets overflow its stack.
    return { config: resolveConfig({}).config, problems: [{ start: 0, end: 1, message: msg('Tệp cấu hình lồng quá sâu, không đọc được; dùng cấu hình mặc định.', 'The configuration file is nested too deeply to be read; defaults are used.') }] };
  }
  if (errors.length > 0 || !tree) {
    const problems = errors.map((error) => ({
      start: error.offset,
      end: Math.min(text.length, error.offset + Math.max(1, error.length)),
      message: msg(`JSON không hợp lệ (${printParseErrorCode(error.error)}); dùng cấu hình mặc định.`, `Invalid JSON (${printParseErrorCode(error.error)}); defaults are used.`),
    }));
    if (problems.length === 0) problems.push({ start: 0, end: 0, message: msg('Tệp cấu hình rỗng; dùng cấu hình mặc định.', 'The configuration file is empty; defaults are used.') });
    return { config: resolveConfig({}).config, problems };
  }
  const raw: unknown = getNodeValue(tree);
  const { config, problems } = resolveConfig(raw);
  return {
    config,
    problems: problems.map((problem) => {
      const node = findNodeAtLocation(tree, problem.path) ?? findNodeAtLocation(tree, problem.path.slice(0, 1)) ?? tree;
      const target = node.parent?.type === 'property' ? node.parent : node;
      const where = problem.path.length ? problem.path.join('.') : '(gốc)';
      return {
        start: target.offset,
        end: target.offset + target.length,
        message: msg(`Cấu hình không hợp lệ tại "${where}": ${problem.message}. Phần này dùng giá trị mặc định.`, `Invalid configuration at "${where}": ${problem.message}. Defaults are used for it.`),
      };
    }),
  };
}

export interface ConfigFileRead {
  /** The text the problems are located in (empty when the file could not be read). */
  text: string;
  config: ThongbaoConfig;
  problems: ConfigFileProblem[];
}

/**
 * Reads and parses a thongbao.config.json through the safe reader (a regular
 * file of at most 1 MB, inside `root` when given). undefined when there is no
 * such file; a file that cannot be read is one problem at its start, and the
 * defaults apply, as for an invalid file.
 */
export async function readConfigFile(file: string, root?: string): Promise<ConfigFileRead | undefined> {
  const read = await readWorkspaceText(file, { maxBytes: MAX_CONFIG_BYTES, ...(root === undefined ? {} : { root }) });
  if (!read.ok) {
    if (read.failure === 'missing') return undefined;
    return {
      text: '',
      config: resolveConfig({}).config,
      problems: [{ start: 0, end: 0, message: msg(`${read.message.vi}; dùng cấu hình mặc định.`, `${read.message.en}; defaults are used.`) }],
    };
  }
  return { text: read.text, ...parseConfigText(read.text) };
}
