import assert from 'node:assert/strict';
import { parseNotice } from '../../server/src/core/parse.js';
import { extractDates, lastDayOf } from '../../server/src/core/extract/dates.js';
import { applyEdits } from '../../server/src/core/fixes.js';
import { findings, notice, spanText } from '../helpers.js';

const datesOf = (body: string) => {
  const text = notice(body);
  return { text, dates: extractDates(parseNotice(text)).filter((date) => date.where === 'body') };
};

describe('date extraction', () => {
  it('finds day, month, quarter, year and numeric forms with their exact spans', () => {
    const { text, dates } = datesOf('Ngày 06 tháng 3 năm 2024, tại Hà Nội. Hoàn thành trong tháng 02 năm 2025, trong Quý II năm 2025, chậm nhất trong năm 2026; dấu đến 22/11/2024.');
    assert.deepEqual(
      dates.map((date) => [date.form, spanText(text, date)]),
      [
        ['day', 'Ngày 06 tháng 3 năm 2024'],
        ['month', 'tháng 02 năm 2025'],
        ['quarter', 'Quý II năm 2025'],
        ['year', 'năm 2026'],
        ['numeric', '22/11/2024'],
      ],
    );
    assert.equal(dates[0]!.meeting, true);
    assert.equal(dates[1]!.deadline, true);
    assert.equal(dates[3]!.deadline, true);
    assert.deepEqual(lastDayOf(dates[2]!), { year: 2025, month: 6, day: 30 });
    assert.deepEqual(lastDayOf(dates[1]!), { year: 2025, month: 2, day: 28 });
  });

  it('reads dates broken over lines and written in capitals', () => {
    const { dates } = datesOf('Nghị quyết số 28/NQ-CP ngày 05 tháng\n3 năm 2024 và CUỘC HỌP NGÀY 6 THÁNG 3 NĂM 2024.');
    assert.deepEqual(dates.map((date) => [date.day, date.month, date.year]), [[5, 3, 2024], [6, 3, 2024]]);
    assert.equal(dates[1]!.meeting, true);
  });

  it('does not take document symbols, ratios or durations for dates', () => {
    const { dates } = datesOf('Theo Nghị định số 73/2019/NĐ-CP, đạt 3/4 chỉ tiêu sau 6 tháng triển khai; mã 12/05/2024/QĐ-UBND.');
    assert.deepEqual(dates, []);
  });

  it('a bare "D tháng M năm Y" is a date only after words like "trước"', () => {
    assert.equal(datesOf('Phấn đấu hoàn thành trước 30 tháng 01 năm 2024.').dates[0]!.missingNgay, true);
    assert.deepEqual(datesOf('Kéo dài 2 tháng 10 năm nay.').dates, []);
  });

  it('reads the weekday before a date', () => {
    const { dates } = datesOf('Cuộc họp vào thứ Sáu, ngày 22 tháng 11 năm 2024.');
    assert.equal(dates[0]!.weekday?.index, 5);
  });

  it('finds dates in the subject line (trích yếu) of the front matter', () => {
    const text = notice('Nội dung.').replace('trich-yeu: Kết luận', 'trich-yeu: Kết luận tại cuộc họp ngày 6 tháng 3 năm 2024 về');
    const subjectDates = extractDates(parseNotice(text)).filter((date) => date.where === 'subject');
    assert.equal(spanText(text, subjectDates[0]!), 'ngày 6 tháng 3 năm 2024');
    assert.equal(findings(text, 'date/padding').length, 1);
  });
});

describe('date rules on real sentences', () => {
  it('date/padding fixes both tokens of one date in one edit set', () => {
    const text = notice('Hoàn thành trước ngày 5 tháng 1 năm 2025.');
    const [finding] = findings(text, 'date/padding');
    assert.match(finding!.message.vi, /“ngày 05 tháng 01 năm 2025”/u);
    assert.ok(applyEdits(text, finding!.fix!.edits).text.includes('trước ngày 05 tháng 01 năm 2025.'));
  });

  it('date/padding keeps the capitals of a subject line', () => {
    const text = notice('Nội dung.').replace('trich-yeu: Kết luận', 'trich-yeu: KẾT LUẬN TẠI CUỘC HỌP NGÀY 6 THÁNG 3 NĂM 2024');
    const [finding] = findings(text, 'date/padding');
    assert.match(finding!.message.vi, /“NGÀY 06 THÁNG 3 NĂM 2024”/u);
  });

  it('date/invalid knows leap years', () => {
    assert.equal(findings(notice('Báo cáo trước ngày 29 tháng 02 năm 2024.'), 'date/invalid').length, 0);
    assert.equal(findings(notice('Báo cáo trước ngày 29 tháng 02 năm 2023.'), 'date/invalid').length, 1);
  });

  it('date/deadline-passed uses the last day of a month deadline and today when ngay is empty', () => {
    assert.equal(findings(notice('Hoàn thành trong tháng 11 năm 2024.'), 'date/deadline-passed').length, 0);
    const draft = notice('Hoàn thành trong tháng 11 năm 2026.').replace('ngay: 2024-11-22', 'ngay:');
    const [passed] = findings(draft, 'date/deadline-passed', { today: { year: 2026, month: 12, day: 1 } });
    assert.match(passed!.message.vi, /hôm nay 01\/12\/2026/u);
  });

  it('date/deadline-passed leaves what was done by a date, and a deadline reported as missed, and still reports a deadline given', () => {
    const text = notice(
      'Bộ Tài chính đã hoàn thành trước ngày 15 tháng 10 năm 2024 việc trình Chính phủ; hạn hoàn thành là ngày 30 tháng 9 năm 2024 nhưng đến nay chưa hoàn thành. Bộ Xây dựng đã được giao, hoàn thành trước ngày 01 tháng 11 năm 2024; Bộ Công an hoàn thành trước ngày 05 tháng 11 năm 2024.',
    );
    assert.deepEqual(findings(text, 'date/deadline-passed').map((finding) => spanText(text, finding)), ['ngày 01 tháng 11 năm 2024', 'ngày 05 tháng 11 năm 2024']);
  });

  it('date/after-issue leaves a meeting still to come, and reports the meeting the notice concludes', () => {
    const planned = notice(
      'Giao Bộ Tài chính tổ chức Hội nghị ngày 20 tháng 12 năm 2024 để tổng kết; Hội nghị sơ kết sẽ họp vào ngày 05 tháng 12 năm 2024; dự kiến phiên họp ngày 10 tháng 01 năm 2025.',
    );
    assert.deepEqual(findings(planned, 'date/after-issue'), []);
    const reported = notice('Kết luận của Phó Thủ tướng Chính phủ tại Hội nghị ngày 25 tháng 11 năm 2024 về chuyển đổi số, Hội nghị đã được tổ chức tại Hà Nội.');
    assert.deepEqual(findings(reported, 'date/after-issue').map((finding) => spanText(reported, finding)), ['ngày 25 tháng 11 năm 2024']);
  });

  it('date/numeric rewrites the date in words', () => {
    const text = notice('Hội nghị ngày 05/01/2024 đã thống nhất.');
    const [finding] = findings(text, 'date/numeric');
    assert.equal(finding!.fix!.edits[0]!.newText, 'ngày 05 tháng 01 năm 2024');
  });

  it('date/weekday offers the right weekday', () => {
    const text = notice('Họp vào Thứ Hai, ngày 22 tháng 11 năm 2024.');
    const [finding] = findings(text, 'date/weekday');
    assert.equal(finding!.fix!.edits[0]!.newText, 'Thứ Sáu');
  });
});

describe('meta rules', () => {
  it('a file without front matter gets one clear finding and a fix that inserts it', () => {
    const text = 'Văn phòng Chính phủ thông báo.\n';
    const missing = findings(text, 'meta/missing-field');
    assert.equal(missing.length, 1);
    const fixed = applyEdits(text, missing[0]!.fix!.edits).text;
    assert.ok(fixed.startsWith('---\nco-quan: Văn phòng Chính phủ\nso: …/TB-VPCP\ndia-danh: Hà Nội\nngay:\nloai: Thông báo\ntrich-yeu:\n---\n'));
    assert.equal(findings(fixed, 'meta/missing-field').length, 1, 'only trich-yeu is left to write');
  });

  it('meta/unknown-field renames a key typed with diacritics', () => {
    const text = notice('Nội dung.').replace('ngay: 2024-11-22', 'ngày: 2024-11-22');
    const [finding] = findings(text, 'meta/unknown-field');
    assert.equal(finding!.fix!.edits[0]!.newText, 'ngay');
  });

  it('meta/invalid-value reports a YAML syntax error at its place', () => {
    const text = notice('Nội dung.').replace('dia-danh: Hà Nội', 'dia-danh: [Hà Nội');
    assert.ok(findings(text, 'meta/invalid-value').length > 0);
  });

  it('meta/number-format accepts draft numbers and normative symbols', () => {
    for (const so of ['…/TB-VPCP', '/TB-VPCP', '19/2026/NĐ-CP', '530/TB-VPCP']) {
      assert.equal(findings(notice('Nội dung.').replace('so: 530/TB-VPCP', `so: ${so}`), 'meta/number-format').length, 0, so);
    }
  });
});
