import type { Rule } from '../../rule.js';
import { inForce } from '../../agencyIndex.js';
import { isoOf, shortDate } from '../../dates.js';
import { msg, type Severity } from '../../types.js';
import { dayAfter, indexOf, isoToVietnamese, quoteList, successorNames } from './shared.js';
import { sentenceAt, sentenceSpans, speaksOfThePast } from '../../sentences.js';
import { namesFormerBody } from './placeContext.js';
import type { AgencyMention } from '../../extract/agencies.js';
import type { Span } from '../../types.js';

/** The agencies named in each sentence, read once per sentence (mentions sorted by start). */
function agenciesBySentence(mentions: readonly AgencyMention[], sentences: readonly Span[]): Map<Span, Set<string>> {
  const named = new Map<Span, Set<string>>();
  for (const mention of mentions) {
    const sentence = mention.agency && sentenceAt(sentences, mention.start);
    if (!sentence) continue;
    let ids = named.get(sentence);
    if (!ids) named.set(sentence, (ids = new Set()));
    ids.add(mention.agency!.id);
  }
  return named;
}

/** NQ 176/2025/QH15 was adopted on 18/02/2025; the new ministries started on 01/03/2025. */
const WINDOW_START = '2025-02-18';
const WINDOW_END = '2025-02-28';

export const agencyNotInForce: Rule = {
  id: 'agency/not-in-force',
  defaultSeverity: 'error',
  fixable: true,
  description: msg(
    'Cơ quan không tồn tại vào ngày ban hành thông báo: đã giải thể, hợp nhất (nêu cơ quan kế thừa) hoặc chưa được thành lập.',
    'The agency did not exist on the notice’s date: dissolved or merged (the successor is named), or not yet created.',
  ),
  check(context) {
    // An undated draft is being written now: compare with today, as a warning.
    const date = context.noticeDate;
    const undated = !context.noticeDateIsExplicit;
    const day = isoOf(date);
    const index = indexOf(context);
    const inWindow = WINDOW_START <= day && day <= WINDOW_END;
    const mentions = context.facts.agencies;
    // Which agencies each elliptical list names, and the sentences of the text: read once, not per mention.
    const listed = new Map<number, Set<string>>();
    for (const other of mentions) {
      if (other.list === undefined || !other.agency) continue;
      let ids = listed.get(other.list);
      if (!ids) listed.set(other.list, (ids = new Set()));
      ids.add(other.agency.id);
    }
    const { prose } = context.model;
    const sentences = sentenceSpans(prose);
    const namedInSentence = agenciesBySentence(mentions, sentences);
    // Read once per sentence and year: a paragraph naming thousands of agencies is one sentence.
    const pastBySentence = new Map<Span, Map<number, boolean>>();
    const inThePast = (sentence: Span, beforeYear: number): boolean => {
      let byYear = pastBySentence.get(sentence);
      if (!byYear) pastBySentence.set(sentence, (byYear = new Map()));
      let past = byYear.get(beforeYear);
      if (past === undefined) byYear.set(beforeYear, (past = speaksOfThePast(prose.slice(sentence.start, sentence.end), beforeYear)));
      return past;
    };
    for (const mention of mentions) {
      const agency = mention.agency;
      if (!agency) continue;
      // The issuer of a document cited with its date is named as it was then.
      if (mention.citedOn && inForce(agency, mention.citedOn)) continue;
      const endingInWindow = inWindow && agency.validTo === WINDOW_END;
      if (mention.targets.some((target) => target.agency && inForce(target.agency, date)) && !endingInWindow) continue;
      const successors = successorNames(index, agency, mention);
      const severity: Severity | undefined = inWindow || undated ? 'warning' : undefined;
      const when = undated ? `${shortDate(date)} (hôm nay; văn bản chưa có ngày ban hành)` : shortDate(date);
      const whenEn = undated ? `${shortDate(date)} (today; the notice has no date yet)` : shortDate(date);
      if (agency.validFrom && day < agency.validFrom) {
        context.report({
          start: mention.start,
          end: mention.end,
          message: msg(
            `“${mention.written}” chỉ hoạt động từ ngày ${isoToVietnamese(agency.validFrom)}; thông báo ngày ${when} chưa thể nêu cơ quan này.`,
            `“${mention.written}” only exists from ${isoToVietnamese(agency.validFrom)}; a notice dated ${whenEn} cannot name it yet.`,
          ),
          ...(severity ? { severity } : {}),
          basis: [agency],
        });
        continue;
      }
      if (!agency.validTo) continue;
      if (namesFormerBody(prose, mention)) continue;
      const from = isoToVietnamese(dayAfter(agency.validTo));
      const successorVi = successors.length ? ` Cơ quan kế thừa: ${quoteList(successors, 'và')}.` : '';
      const successorEn = successors.length ? ` Its successor: ${quoteList(successors, 'and')}.` : '';
      const onlySuccessor = successors.length === 1 ? successors[0]! : undefined;
      const successorId = agency.successors[0];
      // In a list that already names the successor, replacing would name it twice.
      const alreadyListed = mention.list !== undefined && successorId !== undefined && listed.get(mention.list)!.has(successorId);
      // Replacing is certain only where it keeps the meaning: not where the sentence already names the
      // successor ("… chủ trì, phối hợp với Bộ Tài chính"), nor in a sentence about the past ("Năm 2023, … đã trình").
      const sentence = sentenceAt(sentences, mention.start);
      const keepsMeaning =
        !sentence || (!inThePast(sentence, Number(dayAfter(agency.validTo).slice(0, 4))) && !(successorId !== undefined && namedInSentence.get(sentence)?.has(successorId)));
      const fix =
        // Without a date of issue the replacement is not certain: the draft may still get an earlier date.
        onlySuccessor && !alreadyListed && keepsMeaning && !undated
          ? { title: msg(`Thay bằng “${onlySuccessor}”`, `Replace with “${onlySuccessor}”`), edits: [{ start: mention.start, end: mention.end, newText: onlySuccessor }] }
          : undefined;
      const vi = endingInWindow
        ? `“${mention.written}” sẽ không còn từ ngày ${from} (Nghị quyết số 176/2025/QH15).${successorVi}`
        : `“${mention.written}” không còn tồn tại từ ngày ${from}; thông báo ngày ${when} không thể nêu cơ quan này.${successorVi}${alreadyListed ? ' Cơ quan kế thừa đã có trong danh sách: bỏ tên này.' : ''}`;
      const en = endingInWindow
        ? `“${mention.written}” ceases to exist on ${from} (Resolution 176/2025/QH15).${successorEn}`
        : `“${mention.written}” no longer exists from ${from}; a notice dated ${whenEn} cannot name it.${successorEn}${alreadyListed ? ' The successor is already in the list: drop this name.' : ''}`;
      context.report({ start: mention.start, end: mention.end, message: msg(vi, en), ...(severity ? { severity } : {}), basis: [agency], ...(fix ? { fix } : {}) });
    }
  },
  examples: {
    ok: [
      'Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính.',
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nTriển khai Công văn số 708/BTTTT-CATTT ngày 02 tháng 3 năm 2024 của Bộ Thông tin và Truyền thông.\n',
    ],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\nBộ Kế hoạch và Đầu tư chủ trì thực hiện.\n',
    ],
  },
};
