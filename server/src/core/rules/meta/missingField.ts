import type { Rule } from '../../rule.js';
import { FRONT_MATTER_KEYS, MAY_BE_EMPTY, isEmptyValue, type FrontMatterKey } from '../../frontmatter.js';
import { lineEndingOf } from '../../text.js';
import { msg, type Msg } from '../../types.js';
import { describeCharacters, type FrontMatterProblem, type UnrecognisedFrontMatter } from '../../unrecognisedFrontMatter.js';

/** Values that are certain for a VPCP notice draft; `trich-yeu` has none. */
const DEFAULT_VALUES: Partial<Record<FrontMatterKey, string>> = {
  'co-quan': 'Văn phòng Chính phủ',
  so: '…/TB-VPCP',
  'dia-danh': 'Hà Nội',
  ngay: '',
  loai: 'Thông báo',
};

const FIELD_NAMES: Record<FrontMatterKey, Msg> = {
  'co-quan': msg('cơ quan ban hành', 'issuing agency'),
  so: msg('số, ký hiệu', 'number and symbol'),
  'dia-danh': msg('địa danh', 'place of issue'),
  ngay: msg('ngày ban hành', 'date of issue'),
  loai: msg('tên loại văn bản', 'document type'),
  'trich-yeu': msg('trích yếu nội dung', 'subject line'),
};

function problemText(problem: FrontMatterProblem): Msg {
  switch (problem.kind) {
    case 'blank-line-before':
      return msg('có dòng trống trước dòng “---” mở đầu', 'a blank line comes before the opening “---”');
    case 'characters-before': {
      const shown = describeCharacters(problem.characters);
      return msg(`dòng mở đầu có ${shown.vi} trước “---”`, `the opening line has ${shown.en} before “---”`);
    }
    case 'opener-characters': {
      const shown = describeCharacters(problem.characters);
      return msg(`dòng mở đầu có ${shown.vi} sau “---”`, `the opening line has ${shown.en} after “---”`);
    }
    case 'dots-closer':
      return msg('khối được đóng bằng “...” thay vì “---”', 'the block is closed by “...” instead of “---”');
    case 'closer-characters': {
      const shown = describeCharacters(problem.characters);
      return msg(`dòng đóng có ${shown.vi} ngoài “---”`, `the closing line has ${shown.en} besides “---”`);
    }
    case 'no-closer':
      return msg('không có dòng “---” đóng khối', 'no “---” line closes the block');
  }
}

/** Start of the line holding the character before `offset`. */
function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** One finding, no fix: the keys are the drafter's, and where the block ends is a guess. */
function unrecognisedMessage(block: UnrecognisedFrontMatter): Msg {
  const reasons = block.problems.map(problemText);
  const keys = FRONT_MATTER_KEYS.join(', ');
  return msg(
    `Phần thông tin đầu (front matter) không được nhận ra: ${reasons.map((reason) => reason.vi).join('; ')}. Đúng thể thức: dòng đầu tiên của tệp chỉ có “---”, tiếp theo là các dòng “khóa: giá trị” (${keys}), rồi một dòng chỉ có “---”. Chưa sửa thì các trường trong khối này chưa được kiểm tra.`,
    `The front matter is not recognised: ${reasons.map((reason) => reason.en).join('; ')}. The official form: the file's first line is just “---”, then “key: value” lines (${keys}), then a line that is just “---”. Until then, the keys in this block are not checked.`,
  );
}

export const metaMissingField: Rule = {
  id: 'meta/missing-field',
  defaultSeverity: 'error',
  fixable: true,
  description: msg('Phần thông tin đầu (front matter) thiếu trường bắt buộc hoặc để trống.', 'A required front matter key is absent or empty.'),
  check(context) {
    const { model } = context;
    const eol = lineEndingOf(model.text);
    if (model.unrecognisedFrontMatter) {
      const { start, end } = model.unrecognisedFrontMatter;
      context.report({ start, end, message: unrecognisedMessage(model.unrecognisedFrontMatter) });
      return;
    }
    if (!model.frontMatter) {
      const block = ['---', ...FRONT_MATTER_KEYS.map((key) => `${key}: ${DEFAULT_VALUES[key] ?? ''}`.trimEnd()), '---', '', ''].join(eol);
      const start = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
      context.report({
        start,
        end: start,
        message: msg(
          'Văn bản chưa có phần thông tin đầu (front matter): thêm khối YAML giữa hai dòng “---” ở đầu tệp với các trường co-quan, so, dia-danh, ngay, loai, trich-yeu.',
          'The notice has no front matter: add a YAML block between two “---” lines at the top with the keys co-quan, so, dia-danh, ngay, loai, trich-yeu.',
        ),
        fix: { title: msg('Thêm phần thông tin đầu', 'Insert the front matter'), edits: [{ start, end: start, newText: block }] },
      });
      return;
    }
    const present = new Map(model.frontMatter.fields.map((field) => [field.key, field]));
    const { text } = model;
    const { content } = model.frontMatter;
    // A missing key goes on its own line at the start of the closing "---" line, indented as the keys already there.
    const insertAt = lineStart(text, model.frontMatter.end);
    const firstKey = model.frontMatter.fields[0]?.keySpan.start;
    const keyIndent = firstKey === undefined ? '' : text.slice(lineStart(text, firstKey), firstKey);
    const indent = /^ *$/u.test(keyIndent) ? keyIndent : '';
    const flowMap = /^\s*\{/u.test(text.slice(content.start, content.end));
    for (const key of FRONT_MATTER_KEYS) {
      const field = present.get(key);
      const name = FIELD_NAMES[key];
      if (field) {
        if (!isEmptyValue(field.value) || MAY_BE_EMPTY.has(key)) continue;
        // Replace on the key's own line only (an empty block scalar "loai: |" spans the line break), and
        // only when nothing but a comment follows there ("dia-danh: # …"; YAML needs a space before "#").
        const lineBreak = model.text.slice(field.keySpan.start, field.valueSpan.end).search(/[\r\n]/u);
        const replaceEnd = lineBreak < 0 ? field.valueSpan.end : field.keySpan.start + lineBreak;
        const restOfLine = /^[^\r\n]*/u.exec(model.text.slice(replaceEnd))![0];
        const fill = model.frontMatter.syntaxError || !/^[ \t]*(?:#.*)?$/u.test(restOfLine) ? undefined : DEFAULT_VALUES[key];
        const separator = restOfLine.length > 0 ? ' ' : '';
        context.report({
          start: field.keySpan.start,
          end: field.valueSpan.end,
          message: msg(`Trường “${key}” (${name.vi}) để trống; phải ghi giá trị.`, `The key “${key}” (${name.en}) is empty; give it a value.`),
          ...(fill ? { fix: { title: msg(`Ghi “${fill}”`, `Fill in “${fill}”`), edits: [{ start: field.keySpan.start, end: replaceEnd, newText: `${key}: ${fill}${separator}` }] } } : {}),
        });
        continue;
      }
      // Inserting a line into YAML that does not parse is not certain to add the key, nor is a line after a flow map ("{so: …}"): no fix then.
      const fill = model.frontMatter.syntaxError || flowMap ? undefined : DEFAULT_VALUES[key];
      context.report({
        start: model.frontMatter.start,
        end: model.frontMatter.start + 3,
        message: msg(`Thiếu trường bắt buộc “${key}” (${name.vi}) trong phần thông tin đầu.`, `The required key “${key}” (${name.en}) is missing from the front matter.`),
        ...(fill !== undefined
          ? { fix: { title: msg(`Thêm “${key}”`, `Insert “${key}”`), edits: [{ start: insertAt, end: insertAt, newText: `${indent}${`${key}: ${fill}`.trimEnd()}${eol}` }] } }
          : {}),
      });
    }
  },
  examples: {
    ok: ['Bộ Công an chủ trì, phối hợp với các bộ, cơ quan liên quan.'],
    notOk: ['---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\nNội dung.\n', '---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu:\n---\n\nNội dung.\n'],
  },
};
