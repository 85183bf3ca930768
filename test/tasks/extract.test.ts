import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { notice, run } from '../helpers.js';
import { isoOf } from '../../server/src/core/dates.js';
import { hoverAt } from '../../server/src/core/features/hover.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { configSchema } from '../../server/src/core/config.js';
import { createShippedRegistry } from '../../server/src/workspace/shippedRegistry.js';
import type { Task } from '../../server/src/core/tasks/index.js';

const tasksOf = (body: string, date?: string) => run(notice(body, date ? { date } : {})).facts.tasks.tasks;
const deadline = (task: Task) => (task.deadline?.kind === 'recurring' ? 'recurring' : task.deadline ? isoOf(task.deadline.date!) : null);

describe('task extraction', () => {
  describe('deadlines normalised to the last day allowed', () => {
    const cases: [string, string][] = [
      ['Bộ Tài chính chủ trì, phối hợp với Bộ Công an hoàn thành trong tháng 3 năm 2024.', '2024-03-31'],
      ['Bộ Xây dựng hoàn thành Quy hoạch trong Quý I năm 2027.', '2027-03-31'],
      ['Giao Ủy ban nhân dân tỉnh Hưng Yên báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12 năm 2026.', '2026-12-14'],
      ['Bộ Công an nghiên cứu, tham mưu đề xuất xây dựng Luật Bảo vệ dữ liệu cá nhân, hoàn thành trong năm 2025.', '2025-12-31'],
      ['Bộ Y tế triển khai thí điểm, hoàn thành trước tháng 3 năm 2024.', '2024-02-29'],
      ['Bộ Xây dựng tổ chức lễ khánh thành vào ngày 19 tháng 12 năm 2025.', '2025-12-19'],
    ];
    for (const [body, expected] of cases) it(`${expected} ← “${body}”`, () => assert.deepEqual(tasksOf(body).map(deadline), [expected]));
    it('“định kỳ hằng quý” and “Thường xuyên” are recurring, with no date', () => {
      assert.deepEqual(tasksOf('Bộ Công an định kỳ hằng quý báo cáo Thủ tướng Chính phủ kết quả thực hiện.').map(deadline), ['recurring']);
      assert.deepEqual(tasksOf('10. Văn phòng Chính phủ\n\n- Thường xuyên theo dõi, đôn đốc, kiểm tra việc thực hiện công tác kiểm soát TTHC.').map(deadline), ['recurring']);
    });
    it('“trong năm 2024 và các năm tiếp theo” is not a deadline', () => {
      assert.deepEqual(tasksOf('Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính bố trí kinh phí để triển khai hiệu quả Đề án 06 trong năm 2024 và các năm tiếp theo.').map(deadline), [null]);
    });
  });

  it('reads lead, partners and report-to from “X chủ trì, phối hợp với …, báo cáo …”', () => {
    const [task] = tasksOf('8. Bộ Y tế chủ trì, phối hợp với Bảo hiểm xã hội Việt Nam và Bộ Công an tổ chức sơ kết, đánh giá kết quả thí điểm để nhân rộng, báo cáo Thủ tướng Chính phủ trong tháng 6 năm 2024.');
    assert.equal(task!.agency.name, 'Bộ Y tế');
    assert.deepEqual(task!.partners.map((partner) => partner.name), ['Bảo hiểm xã hội Việt Nam', 'Bộ Công an']);
    assert.equal(task!.reportTo, 'Thủ tướng Chính phủ');
    assert.equal(task!.source, 'subject');
    assert.equal(task!.text.startsWith('Bộ Y tế chủ trì'), true);
  });

  it('finds the agency after a leading deadline (“Chậm nhất ngày …, Bộ Tài chính …”, “Trong tháng …, Ủy ban nhân dân tỉnh …”)', () => {
    const tasks = [
      ...tasksOf('2. Chậm nhất ngày 31 tháng 01 năm 2025, Bộ Tài chính bố trí kinh phí cho các nhiệm vụ khai thác, sử dụng dữ liệu dân cư.'),
      ...tasksOf('3. Trong tháng 12 năm 2024, Ủy ban nhân dân tỉnh Ninh Bình hoàn thành bàn giao mặt bằng cho chủ đầu tư.'),
      ...tasksOf('4. Trước ngày 15 tháng 12 năm 2024, Bộ Công an báo cáo Thủ tướng Chính phủ kết quả thực hiện.'),
    ];
    assert.deepEqual(tasks.map((task) => [task.agency.name, deadline(task)]), [['Bộ Tài chính', '2025-01-31'], ['Ủy ban nhân dân tỉnh Ninh Bình', '2024-12-31'], ['Bộ Công an', '2024-12-14']]);
  });

  it('gives one shared task per agency of an elliptical list', () => {
    const tasks = tasksOf('b) Giao các Bộ, cơ quan: Tư pháp, Tài chính, Xây dựng khẩn trương hoàn thành việc tái cấu trúc quy trình. Hoàn thành trong tháng 4 năm 2024.');
    assert.deepEqual(tasks.map((task) => task.agency.name), ['Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Xây dựng']);
    assert.ok(tasks.every((task) => task.shared && deadline(task) === '2024-04-30'));
  });

  it('gives the points of an item to the agency of its heading, and “(i)”, “(ii)” each their own task', () => {
    const tasks = tasksOf('a) Bộ Công an: (i) Nghiên cứu, tham mưu đề xuất xây dựng Luật Bảo vệ dữ liệu cá nhân, hoàn thành trong năm 2024; (ii) Phối hợp với Bộ Thông tin và Truyền thông xây dựng cơ chế kiểm tra. Hoàn thành trong Quý II năm 2024.');
    assert.deepEqual(tasks.map((task) => [task.agency.name, task.source, deadline(task)]), [['Bộ Công an', 'heading', '2024-12-31'], ['Bộ Công an', 'heading', '2024-06-30']]);
  });

  it('produces nothing from a sentence that assigns nothing', () => {
    assert.deepEqual(tasksOf('Các kết quả triển khai Đề án 06 thời gian qua đã góp phần quan trọng thúc đẩy quản trị đất nước tốt hơn.'), []);
    assert.deepEqual(tasksOf('Thống nhất với 05 bài học kinh nghiệm như Bộ Công an, Văn phòng Chính phủ đề xuất.'), []);
    assert.deepEqual(tasksOf('5. Giao Phó Thủ tướng Trịnh Đình Dũng trực tiếp chỉ đạo và ký các văn bản liên quan.'), []);
  });

  it('is computed only when read', () => {
    const result = run(notice('Bộ Công an hoàn thành trong tháng 12 năm 2024.'), { rules: [] });
    const cache = Object.getOwnPropertyDescriptor(result.facts, 'tasks');
    assert.equal(typeof cache?.get, 'function');
    assert.equal(result.facts.tasks.tasks.length, 1);
  });

  it('shows its reading in a hover on the sentence', () => {
    const text = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seeds', '2023-07-12-hoi-nghi-chuyen-doi-so.tb.md'), 'utf8');
    const analysis = run(text);
    const offset = text.indexOf('Trình Nghị định quy định danh mục CSDL');
    const hover = hoverAt({ uri: 'file:///a.tb.md', text, analysis }, offset, { knowledge: loadKnowledge(), registry: createShippedRegistry(), config: configSchema.parse({}), locale: 'vi' });
    assert.match(hover!.markdown, /Cơ quan chủ trì: Bộ Thông tin và Truyền thông/u);
    assert.match(hover!.markdown, /Thời hạn: ngày 31 tháng 7 năm 2023/u);
  });
});
