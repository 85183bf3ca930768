import type { Rule } from '../../rule.js';
import { formatOrdinal, type NumberLevel, type NumberMarker, type NumberSequence } from '../../extract/numbering.js';
import { msg, type Msg, type TextEdit } from '../../types.js';

const LEVEL_NAMES: Record<NumberLevel, Msg> = {
  part: msg('phần', 'part'),
  section: msg('mục', 'section'),
  item: msg('khoản', 'item'),
  point: msg('điểm', 'point'),
};

const DELIMITER: Record<NumberLevel, string> = { part: '.', section: '.', item: '.', point: ')' };

function label(level: NumberLevel, value: string): string {
  return `${value}${DELIMITER[level]}`;
}

/**
 * Where a sequence may start: at its first number, or (items) right after the
 * previous section's items as they will stand once renumbered, so that one
 * round of fixes leaves both sequences consistent.
 */
function acceptedStarts(sequence: NumberSequence, chosenStart: Map<NumberSequence, number>): number[] {
  const previous = sequence.continues;
  const previousStart = previous && chosenStart.get(previous);
  const continuation = previous && previousStart !== undefined ? previousStart + previous.markers.length : sequence.continuesFrom;
  return continuation !== undefined ? [0, continuation] : [0];
}

function firstWrong(sequence: NumberSequence, offset: number): number {
  return sequence.markers.findIndex((marker, index) => marker.ordinal !== offset + index);
}

function describe(sequence: NumberSequence, index: number, offset: number): Msg {
  const { level, markers } = sequence;
  const marker = markers[index]!;
  const name = LEVEL_NAMES[level];
  const found = label(level, marker.value);
  const expected = formatOrdinal(level, offset + index);
  const expectedLabel = expected ? label(level, expected) : undefined;
  if (marker.ordinal < 0) {
    return msg(
      `Điểm “${found}” dùng chữ cái không có trong thứ tự điểm của văn bản hành chính (a, b, c, d, đ, e, g, h, i, k, …; không dùng f, j, w, z)${expectedLabel ? `; ở đây phải là “${expectedLabel}”` : ''}.`,
      `Point “${found}” uses a letter outside the Vietnamese point sequence (a, b, c, d, đ, e, g, h, i, k, …; no f, j, w, z)${expectedLabel ? `; here it is “${expectedLabel}”` : ''}.`,
    );
  }
  const previous = markers[index - 1];
  if (!previous) {
    return msg(
      `Đánh số ${name.vi} bắt đầu bằng “${found}”, phải bắt đầu bằng “${expectedLabel}”.`,
      `The ${name.en} numbering starts with “${found}”; it must start with “${expectedLabel}”.`,
    );
  }
  const after = label(level, previous.value);
  if (marker.ordinal === previous.ordinal) {
    return msg(`Số ${name.vi} “${found}” bị lặp lại sau “${after}”; phải là “${expectedLabel}”.`, `The ${name.en} number “${found}” repeats “${after}”; it must be “${expectedLabel}”.`);
  }
  if (marker.ordinal > offset + index) {
    return msg(`Đánh số ${name.vi} bị nhảy cóc: sau “${after}” là “${found}”, phải là “${expectedLabel}”.`, `The ${name.en} numbering skips: “${found}” follows “${after}”; it must be “${expectedLabel}”.`);
  }
  return msg(`Đánh số ${name.vi} bị lùi lại: sau “${after}” là “${found}”, phải là “${expectedLabel}”.`, `The ${name.en} numbering goes back: “${found}” follows “${after}”; it must be “${expectedLabel}”.`);
}

/**
 * In Markdown only an ordered list starting at 1 may interrupt a paragraph: an
 * item written right under a paragraph line ("…tháng 4 năm 2024.\n1. …") would
 * stop being an item once renumbered, so such a renumbering is not certain.
 */
function wouldJoinParagraph(text: string, marker: NumberMarker, newValue: string): boolean {
  if (newValue === '1') return false;
  const lineStart = text.lastIndexOf('\n', marker.start - 1) + 1;
  if (text.slice(lineStart, marker.start).trim() !== '' || lineStart === 0) return false;
  const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const previousLine = text.slice(previousLineStart, lineStart - 1);
  return previousLine.trim() !== '' && !/^\s*(?:\d{1,9}[.)]|[-*+])\s/u.test(previousLine);
}

/** One edit per wrong marker: the whole sequence renumbered in one fix. */
function renumber(text: string, sequence: NumberSequence, offset: number): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const [index, marker] of sequence.markers.entries()) {
    if (marker.ordinal === offset + index) continue;
    const value = formatOrdinal(sequence.level, offset + index);
    if (!value || (sequence.level === 'item' && wouldJoinParagraph(text, marker, value))) return undefined;
    edits.push({ start: marker.start, end: marker.end, newText: value });
  }
  return edits;
}

export const structureNumbering: Rule = {
  id: 'structure/numbering',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Đánh số phần (A, B), mục (I, II), khoản (1, 2) và điểm (a, b, c, d, đ, e, g …) phải liên tục, không lặp, không nhảy cóc.',
    'Parts (A, B), sections (I, II), items (1, 2) and points (a, b, c, d, đ, e, g …) are numbered in order, without gaps or repeats.',
  ),
  check(context) {
    /** The start each sequence has once fixed (sequences come in text order, a previous section first). */
    const chosenStart = new Map<NumberSequence, number>();
    for (const sequence of context.facts.numbering.sequences) {
      const starts = acceptedStarts(sequence, chosenStart);
      const correct = starts.find((offset) => firstWrong(sequence, offset) < 0);
      if (correct !== undefined) {
        chosenStart.set(sequence, correct);
        continue;
      }
      // Renumber from the start the drafter most likely meant: the one that keeps more numbers as they are.
      const offset = starts.reduce((best, candidate) => (wrongCount(sequence, candidate) < wrongCount(sequence, best) ? candidate : best));
      const index = firstWrong(sequence, offset);
      const marker = sequence.markers[index]!;
      const edits = renumber(context.model.text, sequence, offset);
      if (edits) chosenStart.set(sequence, offset);
      const others: NumberMarker[] = sequence.markers.filter((other, otherIndex) => otherIndex > index && other.ordinal !== offset + otherIndex);
      context.report({
        start: marker.whole.start,
        end: marker.whole.end,
        message: describe(sequence, index, offset),
        ...(edits
          ? {
              fix: {
                title: edits.length > 1 ? msg(`Đánh số lại ${LEVEL_NAMES[sequence.level].vi} (${edits.length} chỗ)`, `Renumber the ${LEVEL_NAMES[sequence.level].en}s (${edits.length} places)`) : msg(`Sửa thành “${label(sequence.level, edits[0]!.newText)}”`, `Change to “${label(sequence.level, edits[0]!.newText)}”`),
                edits,
              },
            }
          : {}),
        ...(others.length
          ? {
              related: others.map((other) => ({
                start: other.whole.start,
                end: other.whole.end,
                message: msg(`Cũng phải đánh số lại: “${label(sequence.level, other.value)}”`, `Also to renumber: “${label(sequence.level, other.value)}”`),
              })),
            }
          : {}),
      });
    }
  },
  examples: {
    ok: [
      '1. Bộ Công an:\n\na) Chủ trì, phối hợp với Văn phòng Chính phủ.\n\nb) Tổng hợp kinh nghiệm.\n\n2. Bộ Tài chính:\n\na) Bố trí kinh phí.',
      '1. Về quan điểm\n\na) Một.\n\nb) Hai.\n\nc) Ba.\n\nd) Bốn.\n\nđ) Năm.\n\ne) Sáu.\n\ng) Bảy.',
      '## I. Về kết quả đạt được\n\n1. Một.\n\n2. Hai.\n\n## II. Về tồn tại, hạn chế\n\n1. Một.',
    ],
    notOk: ['1. Một.\n\n2. Hai.\n\n4. Bốn.', '1. Về quan điểm\n\na) Một.\n\nb) Hai.\n\nc) Ba.\n\nd) Bốn.\n\ne) Năm.', '## I. Về kết quả\n\n## III. Về tồn tại', '1. Bộ Công an:\n\na) Một.\n\na) Hai.'],
  },
};

function wrongCount(sequence: NumberSequence, offset: number): number {
  return sequence.markers.filter((marker, index) => marker.ordinal !== offset + index).length;
}
