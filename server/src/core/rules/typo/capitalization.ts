import type { Rule, RuleContext } from '../../rule.js';
import type { TermMention } from '../../extract/terms.js';
import { foldToneMarks } from '../../text.js';
import { genericPlurals } from './genericPlural.js';
import { checkSpecialNouns } from './specialNouns.js';
import { msg, type TextEdit } from '../../types.js';

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The official form's letters in NFC and new tone placement, aligned with TermMention.letters. */
const officialLettersCache = new Map<string, string[]>();
function officialLetters(official: string): string[] {
  let letters = officialLettersCache.get(official);
  if (!letters) officialLettersCache.set(official, (letters = [...foldToneMarks(official.normalize('NFC')).replace(/\s+/gu, '')]));
  return letters;
}

/** Case edits turning a written term into its official form, or none when it already is, or when its case says nothing. */
function caseEdits(text: string, mention: TermMention): TextEdit[] {
  const official = officialLetters(mention.official);
  if (official.length !== mention.letters.length) return [];
  const written = mention.letters.map((span) => text.slice(span.start, span.end));
  // A heading or signature in capitals is not a case mistake.
  if (written.every((cluster) => !isLower(cluster[0]!))) return [];
  if (!mention.term.always && !isUpper(written[0]![0]!)) return [];
  const edits: TextEdit[] = [];
  written.forEach((cluster, index) => {
    const wantUpper = isUpper(official[index]!);
    const base = cluster[0]!;
    if (wantUpper && isLower(base)) edits.push({ ...mention.letters[index]!, newText: cluster.toUpperCase() });
    if (!wantUpper && isUpper(base)) edits.push({ ...mention.letters[index]!, newText: cluster.toLowerCase() });
  });
  return edits;
}

function applyWithin(text: string, start: number, end: number, edits: TextEdit[]): string {
  let result = text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start - start) + edit.newText + result.slice(edit.end - start);
  return result.replace(/\s+/gu, ' ');
}

const KIND_BASIS = {
  'doc-type': msg('tên loại văn bản chỉ viết hoa chữ cái đầu (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6)', 'a document type capitalises its first letter only (Decree 30/2020/NĐ-CP, Appendix II, V.6)'),
  law: msg('tên luật viết hoa chữ cái đầu của tên loại và của tên gọi (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6)', 'a law capitalises its type word and the first letter of its name (Decree 30/2020/NĐ-CP, Appendix II, V.6)'),
  title: msg('cách viết chính thức của chức danh, tên gọi (Nghị định 30/2020/NĐ-CP, Phụ lục II)', 'the official form of the title or name (Decree 30/2020/NĐ-CP, Appendix II)'),
  place: msg('trường hợp viết hoa đặc biệt (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục III.1)', 'a special capitalisation (Decree 30/2020/NĐ-CP, Appendix II, III.1)'),
};

/** "tại Điểm b khoản 3", "Khoản 3 Điều 5": khoản and điểm stay lower case when cited (PL II, V.7). */
const CITED_PART = /(?<![\p{L}\p{M}])(Điểm|Khoản)(?=[ \t]+(?:[a-zđ](?![\p{L}\p{M}])|\d))/gu;
/** Mid-sentence: a lower-case word, a number or a comma comes right before. */
const MID_SENTENCE = /[\p{Ll}\p{M}\d,][ \t]+$/u;

function checkTerms(context: RuleContext): void {
  const { text } = context.model;
  // A word whose case is already wrong gets that one finding.
  const miscased = new Set<number>();
  for (const mention of context.facts.terms) {
    if (mention.kind !== 'exact') continue;
    const edits = caseEdits(text, mention);
    const written = text.slice(mention.start, mention.end).replace(/\s+/gu, ' ');
    if (edits.length > 0) {
      miscased.add(mention.start);
      const official = applyWithin(text, mention.start, mention.end, edits);
      const basis = KIND_BASIS[mention.term.kind];
      context.report({
        start: mention.start,
        end: mention.end,
        message: msg(`Viết hoa sai: “${written}”; viết đúng: “${official}” — ${basis.vi}.`, `Wrong capitalisation: “${written}”; write “${official}” — ${basis.en}.`),
        fix: { title: msg(`Sửa thành “${official}”`, `Change to “${official}”`), edits },
      });
    }
  }
  for (const plural of genericPlurals(context)) {
    if (miscased.has(plural.start)) continue;
    const written = text.slice(plural.start, plural.end).replace(/\s+/gu, ' ');
    const lower = written.charAt(0).toLowerCase() + written.slice(1);
    context.report({
      start: plural.start,
      end: plural.end,
      severity: 'warning',
      message: msg(
        `“${written}” ở đây là danh từ chung (nhiều văn bản, không gọi tên một văn bản cụ thể) nên viết thường: “${lower}” (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6).`,
        `“${written}” is a generic plural here (no one named document), so it is written in lower case: “${lower}” (Decree 30/2020/NĐ-CP, Appendix II, V.6).`,
      ),
    });
  }
}

function checkCitedParts(context: RuleContext): void {
  const { prose, body } = context.model;
  const slice = prose.slice(body.start);
  for (const match of slice.matchAll(CITED_PART)) {
    const start = body.start + match.index!;
    if (!MID_SENTENCE.test(prose.slice(Math.max(0, start - 8), start))) continue;
    const word = match[1]!;
    const lower = word.toLowerCase();
    context.report({
      start,
      end: start + word.length,
      message: msg(
        `Khi dẫn chiếu, “${lower}” viết thường (chỉ Phần, Chương, Mục, Tiểu mục, Điều viết hoa): “điểm a khoản 2 Điều 5” (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.7).`,
        `In a citation “${lower}” is written in lower case (only Phần, Chương, Mục, Tiểu mục, Điều are capitalised): “điểm a khoản 2 Điều 5” (Decree 30/2020/NĐ-CP, Appendix II, V.7).`,
      ),
      fix: { title: msg(`Sửa thành “${lower}”`, `Change to “${lower}”`), edits: [{ start, end: start + 1, newText: word.charAt(0).toLowerCase() }] },
    });
  }
}

export const typoCapitalization: Rule = {
  id: 'typo/capitalization',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Viết hoa đúng tên loại văn bản, tên luật, chức danh và tên riêng đặc biệt (“Nghị quyết”, “Thủ tướng Chính phủ”, “Thành phố Hồ Chí Minh”).',
    'Official capitalisation of document types, laws, titles and special names (“Nghị quyết”, “Thủ tướng Chính phủ”, “Thành phố Hồ Chí Minh”).',
  ),
  check(context) {
    checkTerms(context);
    checkCitedParts(context);
    checkSpecialNouns(context);
  },
  examples: {
    ok: [
      'Các bộ triển khai các nhiệm vụ tại Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.',
      'Ngày 14 tháng 11 năm 2024, tại trụ sở Ủy ban nhân dân Thành phố Hồ Chí Minh, Thủ tướng Chính phủ đã chủ trì Hội nghị.',
      'Bộ Tài chính hoàn thành nhiệm vụ tại điểm b khoản 3 Điều 6 Luật Đầu tư công; xây dựng chính phủ số.',
    ],
    notOk: [
      'Nghị Quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.',
      'Bám sát chỉ đạo của Thủ tướng chính phủ tại Công văn số 452/TTg-KSTT ngày 23 tháng 5 năm 2023.',
      'Tham dự có Ủy ban nhân dân thành phố Hồ Chí Minh.',
      'Sửa đổi văn bản hướng dẫn thi hành Luật giao dịch điện tử.',
      'Bộ Tài chính hoàn thành các nhiệm vụ được giao tại Điểm b Khoản 3 Phụ lục Nghị quyết.',
    ],
  },
};
