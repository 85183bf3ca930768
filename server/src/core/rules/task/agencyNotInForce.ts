import type { Rule } from '../../rule.js';
import { agencyIndex, inForce } from '../../agencyIndex.js';
import { isoOf, shortDate } from '../../dates.js';
import { msg } from '../../types.js';

const day = (iso: string) => iso.split('-').reverse().join('/');

function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The lead of a task did not exist on the notice's date. A lead named in the
 * task's own sentence is the span agency/not-in-force reports: this rule
 * reports it only when that rule is off, and otherwise reports the tasks that
 * get their lead from a heading, on the task's sentence.
 */
export const taskAgencyNotInForce: Rule = {
  id: 'task/agency-not-in-force',
  defaultSeverity: 'error',
  fixable: false,
  description: msg(
    'Nhiệm vụ giao cho cơ quan không tồn tại vào ngày ban hành thông báo (nêu ở đề mục, hoặc trong câu khi agency/not-in-force tắt).',
    'A task given to an agency that did not exist on the notice’s date (named in a heading, or in the sentence when agency/not-in-force is off).',
  ),
  check(context) {
    // An undated draft is left to agency/not-in-force, which warns once per name against today.
    if (!context.noticeDateIsExplicit) return;
    const date = context.noticeDate;
    const agencyRuleOff = context.config.rules['agency/not-in-force'] === 'off';
    const index = agencyIndex(context.knowledge, context.config);
    const reported = new Set<string>();
    for (const task of context.facts.tasks.tasks) {
      const agency = task.agency.agency;
      if (!agency || inForce(agency, date)) continue;
      if (task.source !== 'heading' && !agencyRuleOff) continue;
      const span = task.source === 'heading' ? { start: task.start, end: task.end } : { start: task.agency.start, end: task.agency.end };
      const key = `${span.start}:${agency.id}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const when = shortDate(date);
      const whenEn = when;
      const successors = agency.successors.map((id) => index.agencyById.get(id)?.name).filter((name): name is string => Boolean(name));
      const successorVi = successors.length ? ` Cơ quan kế thừa: ${successors.map((name) => `“${name}”`).join(' và ')}.` : '';
      const successorEn = successors.length ? ` Its successor: ${successors.map((name) => `“${name}”`).join(' and ')}.` : '';
      const notYet = agency.validFrom !== null && isoOf(date) < agency.validFrom;
      const vi = notYet
        ? `Nhiệm vụ giao cho “${agency.name}”, cơ quan chỉ hoạt động từ ngày ${day(agency.validFrom!)}; thông báo ngày ${when}.`
        : `Nhiệm vụ giao cho “${agency.name}”, cơ quan không còn tồn tại từ ngày ${day(dayAfter(agency.validTo!))}; thông báo ngày ${when}.${successorVi}`;
      const en = notYet
        ? `The task is given to “${agency.name}”, which only exists from ${day(agency.validFrom!)}; the notice is dated ${whenEn}.`
        : `The task is given to “${agency.name}”, which no longer exists from ${day(dayAfter(agency.validTo!))}; the notice is dated ${whenEn}.${successorEn}`;
      context.report({ ...span, message: msg(vi, en), basis: [agency] });
    }
  },
  examples: {
    ok: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\n4. Bộ Công an\n\na) Chủ trì phối hợp với Văn phòng Chính phủ triển khai hệ thống giám sát theo dõi, đánh giá, đôn đốc việc triển khai CSDL quốc gia liên quan đến dân cư.\n',
      '3. Bộ Thông tin và Truyền thông\n\na) Cập nhật, ban hành Khung kiến trúc Chính phủ điện tử Việt Nam (phiên bản 3.0), hoàn thành trong Quý IV năm 2024.',
    ],
    notOk: [
      '---\nco-quan: Văn phòng Chính phủ\nso: 15/TB-VPCP\ndia-danh: Hà Nội\nngay: 2026-01-15\nloai: Thông báo\ntrich-yeu: Kết luận\n---\n\n3. Bộ Thông tin và Truyền thông\n\na) Cập nhật, ban hành Khung kiến trúc Chính phủ điện tử Việt Nam (phiên bản 3.0), hoàn thành trong Quý III năm 2026.\n',
    ],
  },
};
