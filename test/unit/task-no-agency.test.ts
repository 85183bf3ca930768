import assert from 'node:assert/strict';
import { findings, notice } from '../helpers.js';

const withSubject = (subject: string, body: string) =>
  notice(body, { frontMatter: ['co-quan: Văn phòng Chính phủ', 'so: 135/TB-VPCP', 'dia-danh: Hà Nội', 'ngay: 2019-04-05', 'loai: Thông báo', `trich-yeu: ${subject}`].join('\n') });

// From 135-TB-VPCP-2019 (working session with Bạc Liêu) and 174-TB-VPCP-2016 (the Finance sector's conference): tasks addressed to that body.
const CONCLUSIONS = 'Thủ tướng Chính phủ kết luận như sau:\n\n1. Tập trung triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ, giải pháp đề ra, phấn đấu hoàn thành trong năm 2019.\n\n2. Bộ Tài chính bố trí vốn, hoàn thành trong Quý II năm 2019.';

describe('task/no-agency', () => {
  it('reports a dated task with no agency in an ordinary notice', () => {
    const text = withSubject('Kết luận của Thủ tướng Chính phủ tại cuộc họp về phát triển kinh tế - xã hội', CONCLUSIONS);
    assert.equal(findings(text, 'task/no-agency').length, 1);
  });

  it('says nothing when the subject names the body the notice addresses (a working session, a sector\'s conference)', () => {
    for (const subject of [
      'Kết luận của Thủ tướng Chính phủ Nguyễn Xuân Phúc tại buổi làm việc với lãnh đạo Tỉnh ủy Bạc Liêu',
      'Kết luận của Phó Thủ tướng Vương Đình Huệ tại Hội nghị trực tuyến triển khai nhiệm vụ tài chính - ngân sách nhà nước 6 tháng cuối năm 2016 ngành Tài chính',
    ]) {
      assert.deepEqual(findings(withSubject(subject, CONCLUSIONS), 'task/no-agency'), [], subject);
    }
  });
});
