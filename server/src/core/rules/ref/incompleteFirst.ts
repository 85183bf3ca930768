import type { Rule } from '../../rule.js';
import { formatVietnameseDate } from '../../dates.js';
import type { Msg, TextEdit } from '../../types.js';
import { msg } from '../../types.js';
import { registryEntryOf } from '../../extract/citations.js';
import { citedName, isCitedByName, isNationalAssemblySymbol, stateCitations } from './shared.js';

/** "dự thảo Nghị quyết số 19-2018/NQ-CP": a draft has no date or issuer yet. */
const DRAFT_BEFORE = /(?<![\p{L}\p{N}])dự thảo[\s\u00a0]+$/iu;
const isDraft = (citation: { start: number }, prose: string) => DRAFT_BEFORE.test(prose.slice(Math.max(0, citation.start - 12), citation.start));

export const refIncompleteFirst: Rule = {
  id: 'ref/incomplete-first',
  defaultSeverity: 'warning',
  fixable: true,
  description: msg('Lần dẫn đầu tiên của một văn bản thiếu ngày ban hành hoặc cơ quan ban hành.', 'The first citation of a document lacks its date or its issuer.'),
  check(context) {
    const own = context.model.meta.number;
    for (const citation of stateCitations(context.facts.citations)) {
      if (!citation.first || isCitedByName(citation, context.model.prose) || citation.symbol.corrected === own || isDraft(citation, context.model.prose)) continue;
      const lacksDate = citation.date === null;
      // A resolution of the National Assembly or its Standing Committee names its issuer in its symbol (71/2018/QH14).
      const lacksIssuer = citation.issuer === null && !citation.issuerNamedBefore && !isNationalAssemblySymbol(citation);
      if (!lacksDate && !lacksIssuer) continue;
      const missing: Msg = lacksDate && lacksIssuer ? msg('ngày ban hành và cơ quan ban hành', 'its date and its issuer') : lacksDate ? msg('ngày ban hành', 'its date') : msg('cơ quan ban hành', 'its issuer');
      const entry = registryEntryOf(context.registry, citation, context.noticeDate);
      const edits: TextEdit[] = [];
      let known = msg('', '');
      if (entry?.verified) {
        const date = lacksDate && entry.date ? ` ${formatVietnameseDate(entry.date)}` : '';
        const issuer = lacksIssuer && entry.issuer ? ` của ${entry.issuer}` : '';
        if (date) edits.push({ start: citation.symbol.end, end: citation.symbol.end, newText: issuer && !citation.date ? date + issuer : date });
        if (issuer && !(date && !citation.date)) edits.push({ start: citation.date?.end ?? citation.symbol.end, end: citation.date?.end ?? citation.symbol.end, newText: issuer });
        const parts = `${date}${issuer}`.trim();
        if (parts) known = msg(` Theo danh mục văn bản: “${citedName(citation).vi} ${parts}”.`, ` The registry gives: “${citedName(citation).en} ${parts}”.`);
      }
      context.report({
        start: citation.start,
        end: citation.date?.end ?? citation.issuer?.end ?? citation.symbol.end,
        message: msg(
          `Lần dẫn đầu tiên của ${citedName(citation).vi} thiếu ${missing.vi}: lần đầu viện dẫn ghi đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu; các lần sau chỉ ghi tên loại và số, ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.6.b).${known.vi}`,
          `The first citation of ${citedName(citation).en} lacks ${missing.en}: a first citation gives type, number and symbol, date, issuer and subject; later ones give type and number only (Decree 30/2020/NĐ-CP, Appendix I, II.6.b).${known.en}`,
        ),
        ...(edits.length ? { fix: { title: msg('Bổ sung theo danh mục văn bản', 'Complete from the document registry'), edits } } : {}),
      });
    }
  },
  examples: {
    ok: [
      'Triển khai Nghị định số 40/2020/NĐ-CP ngày 06 tháng 4 năm 2020 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đầu tư công.',
      'Đôn đốc triển khai theo chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024 về tiếp tục đẩy mạnh triển khai Đề án 06.',
      'Quy hoạch đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 575/QĐ-TTg ngày 04 tháng 5 năm 2015.',
      'Tiếp tục thực hiện các nhiệm vụ được giao tại các Thông báo: số 456/TB-VPCP ngày 11 tháng 12 năm 2014 và số 49/TB-VPCP ngày 12 tháng 02 năm 2015 của Văn phòng Chính phủ.',
    ],
    notOk: [
      'Hoàn thiện Nghị định sửa đổi, bổ sung Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 quy định về quản lý đầu tư ứng dụng công nghệ thông tin sử dụng nguồn vốn ngân sách nhà nước.',
      'Hoàn thành việc số hóa theo yêu cầu tại Nghị định số 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử.',
    ],
  },
};
