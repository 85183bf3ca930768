import assert from 'node:assert/strict';
import { findings, notice, spanText } from '../helpers.js';

/** The gaps of issue 13 left after the first round, on sentences of the real notices (test/fixtures/real). */
const found = (body: string, rule: string, date = '2025-11-18') => {
  const text = notice(body, { date });
  return findings(text, rule, { today: { year: 2026, month: 1, day: 1 } }).map((finding) => ({ text: spanText(text, finding), severity: finding.severity, message: finding.message.vi }));
};

describe('agency/spelling: Kiểm toán nhà nước, a verified official name', () => {
  const rule = 'agency/spelling';
  it('reports “Kiểm toán Nhà nước” as an error with the official form (627-TB-VPCP-2025)', () => {
    const result = found('Lãnh đạo các Bộ, cơ quan là Ủy viên Ban Chỉ đạo: Công an, Xây dựng, Tài chính, Ngân hàng Nhà nước Việt Nam, Thanh tra Chính phủ, Kiểm toán Nhà nước, Quốc phòng, Văn phòng Chính phủ.', rule);
    assert.deepEqual(result.map(({ text, severity }) => [text, severity]), [['Kiểm toán Nhà nước', 'error']]);
    assert.match(result[0]!.message, /Cách viết chính thức: “Kiểm toán nhà nước”\./u);
  });
  it('accepts “Kiểm toán nhà nước” (120-TB-VPCP-2017)', () => {
    assert.deepEqual(found('4. Kiểm toán nhà nước, Thanh tra Chính phủ gửi các báo cáo, kết luận đã kiểm toán, thanh tra đối với các dự án.', rule, '2017-03-13'), []);
  });
});

describe('typo/capitalization: a plural that names its documents by their subjects', () => {
  const rule = 'typo/capitalization';
  // 113-TB-VPCP-2014: the three projects of the steering committee, each named by its subject.
  const subjects = 'Bộ Tài chính tính toán nguồn lực theo hướng tích cực, gắn với lộ trình của các Đề án về cải cách tiền lương, bảo hiểm xã hội, ưu đãi người có công và lộ trình đổi mới cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập.';
  const assigned = 'Hoàn chỉnh các Đề án được phân công, trong đó cần đề xuất lộ trình thực hiện các chính sách về bảo hiểm xã hội, ưu đãi người có công.';
  it('accepts “các Đề án về A, B, C”, and “các Đề án được phân công” in the notice that names them', () => {
    assert.deepEqual(found(subjects, rule, '2014-03-20'), []);
    assert.deepEqual(found(`${assigned}\n\n${subjects}`, rule, '2014-03-20'), []);
  });
  it('still reports a plural with one subject, and one the notice never names', () => {
    assert.deepEqual(found('Bộ Kế hoạch và Đầu tư rà soát các Nghị định về quản lý đầu tư công.', rule, '2014-03-20').map(({ text }) => text), ['Nghị định']);
    assert.deepEqual(found(assigned, rule, '2014-03-20').map(({ text }) => text), ['Đề án']);
  });
});
