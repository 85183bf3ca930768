import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

export const taskVagueDeadline: Rule = {
  id: 'task/vague-deadline',
  defaultSeverity: 'info',
  fixable: false,
  description: msg(
    '“Sớm”, “khẩn trương” thay cho thời hạn, trong thông báo đã nêu thời hạn cho các nhiệm vụ khác.',
    '“Sớm”, “khẩn trương” instead of a deadline, in a notice that gives deadlines to its other tasks.',
  ),
  check(context) {
    const { tasks } = context.facts.tasks;
    const reported = new Set<number>();
    // Where the dated tasks start: "another task has a deadline" is then a set lookup, not a scan of every task per urgent one.
    const datedStarts = new Set(tasks.filter((other) => other.deadline?.kind === 'date').map((other) => other.start));
    for (const task of tasks) {
      if (!task.urgency || reported.has(task.urgency.start)) continue;
      const dated = datedStarts.size > 1 || (datedStarts.size === 1 && !datedStarts.has(task.start));
      if (!dated) return;
      reported.add(task.urgency.start);
      const word = context.model.text.slice(task.urgency.start, task.urgency.end);
      context.report({
        start: task.urgency.start,
        end: task.urgency.end,
        message: msg(
          `“${word}” không phải là thời hạn; các nhiệm vụ khác của thông báo có thời hạn. Nếu cần theo dõi, nêu thời hạn (ví dụ “hoàn thành trong tháng … năm …”).`,
          `“${word}” is not a deadline, while the notice’s other tasks have one. If the task is to be followed up, give a deadline (e.g. “hoàn thành trong tháng … năm …”).`,
        ),
      });
    }
  },
  examples: {
    ok: [
      'Bộ Tài chính khẩn trương hoàn thành các nhiệm vụ được giao tại Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.',
      'a) Khẩn trương ban hành Kế hoạch triển khai Đề án 06 năm 2024, thời gian hoàn thành trước ngày 15 tháng 12 năm 2024.\n\nb) Bộ Tư pháp phối hợp Bộ Công an triển khai cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID trong Quý IV năm 2024.',
    ],
    notOk: [
      '3. Bộ Thông tin và Truyền thông:\n\na) Khẩn trương hoàn thiện, trình Chính phủ ban hành các văn bản hướng dẫn thực hiện Luật Giao dịch điện tử bảo đảm hiệu quả, khả thi để các bộ, ngành, địa phương thực hiện.\n\nb) Sửa đổi, bổ sung hướng dẫn số 2589/BTTT-UDCNTT ngày 24 tháng 8 năm 2011 của Bộ TTTT, hoàn thành trong tháng 12 năm 2024.',
    ],
  },
};
