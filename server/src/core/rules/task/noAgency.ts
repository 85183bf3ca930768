import type { Rule } from '../../rule.js';
import { msg } from '../../types.js';

/** A subject that names the body the notice addresses: "… tại buổi làm việc với lãnh đạo tỉnh Bạc Liêu", "Hội nghị … ngành Tài chính". */
const ADDRESSED = /làm\s+việc\s+với|(?<![\p{L}])ngành\s+\p{Lu}/u;

export const taskNoAgency: Rule = {
  id: 'task/no-agency',
  defaultSeverity: 'info',
  fixable: false,
  description: msg(
    'Nhiệm vụ có thời hạn nhưng không nêu cơ quan thực hiện, trong câu cũng như ở đề mục phía trên.',
    'A task with a deadline that names no agency, neither in its sentence nor in a heading above.',
  ),
  check(context) {
    // The notice of a working session with one body, or of a sector's conference, gives that body its tasks without naming it again.
    if (ADDRESSED.test(context.model.meta.subject ?? '')) return;
    for (const clause of context.facts.tasks.unassigned) {
      context.report({
        start: clause.start,
        end: clause.end,
        message: msg(
          'Nhiệm vụ này có thời hạn nhưng không rõ cơ quan nào thực hiện. Nêu cơ quan chủ trì (ví dụ “Bộ Công an chủ trì, phối hợp với …”) hoặc đặt nhiệm vụ dưới đề mục mang tên cơ quan.',
          'This task has a deadline but no agency to carry it out. Name the lead agency (e.g. “Bộ Công an chủ trì, phối hợp với …”) or put the task under a heading that names the agency.',
        ),
      });
    }
  },
  examples: {
    ok: [
      'Bộ Công an triển khai Trung tâm xác thực điện tử trong tháng 12 năm 2024 theo Nghị định số 59/2022/NĐ-CP ngày 5 tháng 9 năm 2022 của Chính phủ.',
      '3. Bộ Thông tin và Truyền thông\n\na) Cập nhật, ban hành Khung kiến trúc Chính phủ điện tử Việt Nam (phiên bản 3.0), hoàn thành trong Quý IV năm 2024.',
      'Ngay trong tháng 12 năm 2024, Hội đồng cần tập trung rà soát, đánh giá các chỉ số về năng lực cạnh tranh của Việt Nam.',
      '2. Chậm nhất ngày 31 tháng 01 năm 2025, Bộ Tài chính bố trí kinh phí cho các nhiệm vụ khai thác, sử dụng dữ liệu dân cư.',
    ],
    notOk: ['1. Ban hành Kế hoạch triển khai Đề án 06 trong năm 2024, hoàn thành trong tháng 12 năm 2024.'],
  },
};
