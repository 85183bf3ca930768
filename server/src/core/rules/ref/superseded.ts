import type { Rule } from '../../rule.js';
import { compareDates, shortDate } from '../../dates.js';
import { msg } from '../../types.js';
import { registryEntryOf, symbolKey, type NoticeCitation } from '../../extract/citations.js';
import { namesThePast, sentenceAt, sentenceSpans } from '../../sentences.js';
import type { Span } from '../../types.js';
import { citedName, entryLocation, stateCitations } from './shared.js';

/** "(đã hết hiệu lực)", "đã được thay thế" right after the citation: the notice itself says the document has ended. */
const ENDED_AFTER = /^[\s\u00a0]*[(,]?[\s\u00a0]*(?:đã[\s\u00a0]+)?(?:hết hiệu lực|được thay thế|bị thay thế|được bãi bỏ|bị bãi bỏ)(?![\p{L}\p{M}])/iu;
/** "… thay thế Nghị định số …": the document named as the one replaced or repealed. */
const REPLACED_BEFORE = /(?<![\p{L}\p{M}])(?:thay thế|bãi bỏ)(?:[\s\u00a0]+cho)?[\s\u00a0]*$/iu;

function citationEnd(citation: NoticeCitation): number {
  return Math.max(citation.symbol.end, citation.date?.end ?? 0, citation.issuer?.end ?? 0);
}

export const refSuperseded: Rule = {
  id: 'ref/superseded',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg('Văn bản được dẫn đã hết hiệu lực vào ngày của thông báo; nêu văn bản thay thế.', 'The cited document is no longer in force on the notice’s date; the replacement is named.'),
  check(context) {
    const { prose } = context.model;
    let sentences: Span[] | undefined;
    const sentenceOf = (offset: number) => sentenceAt((sentences ??= sentenceSpans(prose)), offset);
    for (const citation of stateCitations(context.facts.citations)) {
      if (!citation.first) continue;
      const entry = registryEntryOf(context.registry, citation, context.noticeDate);
      if (!entry || entry.inForce) continue;
      // Before the earliest day it can have ended, citing it was right.
      if (entry.endOfValidity && compareDates(context.noticeDate, entry.endOfValidity) < 0) continue;
      // Named as ended, as the one replaced, beside its replacement, or in a sentence about the past: citing it is right.
      if (ENDED_AFTER.test(prose.slice(citationEnd(citation), citationEnd(citation) + 40))) continue;
      if (REPLACED_BEFORE.test(prose.slice(Math.max(0, citation.start - 30), citation.start))) continue;
      const sentence = sentenceOf(citation.start);
      if (sentence && namesThePast(prose.slice(sentence.start, sentence.end))) continue;
      const replacedByKey = entry.replacedBy ? symbolKey(entry.replacedBy, context.knowledge) : undefined;
      if (sentence && replacedByKey && context.facts.citations.some((other) => other.symbol.key === replacedByKey && other.start >= sentence.start && other.start < sentence.end)) continue;
      const since = entry.endOfValidity ? msg(` (không sớm hơn ${shortDate(entry.endOfValidity)})`, ` (not before ${shortDate(entry.endOfValidity)})`) : msg('', '');
      const replacement = entry.replacedBy ? msg(`, được thay thế bởi văn bản số ${entry.replacedBy}`, `, replaced by ${entry.replacedBy}`) : msg('', '');
      context.report({
        start: citation.symbol.start,
        end: citation.symbol.end,
        message: msg(
          `Theo danh mục văn bản, ${citedName(citation).vi} đã hết hiệu lực${since.vi}${replacement.vi}. Kiểm tra lại việc dẫn văn bản này${entry.replacedBy ? ` hoặc dẫn văn bản số ${entry.replacedBy}` : ''}.`,
          `According to the document registry, ${citedName(citation).en} is no longer in force${since.en}${replacement.en}. Check this citation${entry.replacedBy ? ` or cite ${entry.replacedBy}` : ''}.`,
        ),
        related: entryLocation(entry),
        basis: [entry],
        // A draft without its date is checked against today: only a hint, since the draft may be older.
        ...(context.noticeDateIsExplicit ? {} : { severity: 'info' as const }),
      });
    }
  },
  examples: {
    ok: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 06/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-01-10\nloai: Thông báo\ntrich-yeu: Kết luận Hội nghị đánh giá tình hình 02 năm triển khai Đề án 06\n---\n\nBộ Công an triển khai Trung tâm xác thực điện tử theo Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm 2022 của Chính phủ.\n',
    ],
    notOk: ['Bộ Công an triển khai Trung tâm xác thực điện tử theo Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm 2022 của Chính phủ.'],
  },
};
