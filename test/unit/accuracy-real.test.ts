import assert from 'node:assert/strict';
import { findings, notice, spanText } from '../helpers.js';

/** Classes of issue 13 on sentences of the real notices (test/fixtures/real): what must and must not be found. */
const flagged = (body: string, rule: string, date?: string) => {
  const text = notice(body, date ? { date } : {});
  return findings(text, rule, { today: { year: 2026, month: 1, day: 1 } }).map((finding) => spanText(text, finding));
};

describe('ref/incomplete-first: the issuer named in the clause', () => {
  const rule = 'ref/incomplete-first';
  it('accepts the issuer acting in the clause (real sentences)', () => {
    for (const body of [
      // 07-TB-VPCP-2017
      'Trong năm 2016, nhất là sau khi Thủ tướng Chính phủ ban hành Chỉ thị 13/CT-TTg ngày 09 tháng 5 năm 2016, công tác quản lý an toàn thực phẩm tiếp tục được triển khai.',
      // 08-TB-VPCP-2017
      'Quy hoạch tổng thể khu và vùng nông nghiệp ứng dụng công nghệ cao đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 575/QĐ-TTg ngày 04 tháng 5 năm 2015.',
      // 135-TB-VPCP-2019
      'Lập Quy hoạch phát triển điện lực quốc gia theo nhiệm vụ Thủ tướng Chính phủ giao tại Quyết định số 995/QĐ-TTg ngày 09 tháng 8 năm 2018.',
      // 03-TB-VPCP-2018: a Thông báo of VPCP conveys the Prime Minister's direction
      'Ủy ban nhân dân thành phố Hà Nội thực hiện chuyển đổi hình thức đầu tư Dự án theo chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 35/TB-VPCP ngày 25 tháng 01 năm 2017.',
      // 624-TB-VPCP-2025
      'Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ tại Công văn số 10704/VPCP-KSTT ngày 04 tháng 11 năm 2025 về việc nghiên cứu.',
      'Các bộ thực hiện nhiệm vụ được Chính phủ giao tại Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025.',
      'Chính phủ đã ban hành Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 về chuyển đổi số.',
      // 188-TB-VPCP-2015: one issuer after a list of citations
      'Các Bộ, cơ quan, địa phương tiếp tục thực hiện các nhiệm vụ được giao tại các Thông báo: Số 456/TB-VPCP ngày 11 tháng 12 năm 2014, số 49/TB-VPCP ngày 12 tháng 02 năm 2015 và số 114/TB-VPCP ngày 03 tháng 4 năm 2015 của Văn phòng Chính phủ.',
    ]) assert.deepEqual(flagged(body, rule), [], body);
  });
  it('still finds a first citation without its issuer or date', () => {
    // 75-TB-VPCP-2014, 151-TB-VPCP-2014, 174-TB-VPCP-2016
    assert.equal(flagged('Các Bộ xây dựng các Đề án chi tiết theo phân công tại Quyết định số 1987/QĐ-TTg ngày 31 tháng 10 năm 2013 về Kế hoạch triển khai.', rule).length, 1);
    assert.equal(flagged('Quy hoạch xây dựng Vùng Thủ đô được duyệt theo Quyết định số 490/QĐ-TTg ngày 05 tháng 5 năm 2008.', rule).length, 1);
    // the list shares the issuer, not the missing dates
    assert.equal(flagged('Thực hiện Nghị quyết số 01/NQ-CP, Chỉ thị số 21/CT-TTg và Chỉ thị số 22/CT-TTg của Thủ tướng Chính phủ.', rule).length, 3);
    // "trình Chính phủ ban hành" is a proposal, not the issuer acting on the cited decree (232-TB-VPCP-2018)
    assert.equal(flagged('Khẩn trương trình Chính phủ ban hành Nghị định thay thế Nghị định số 102/2009/NĐ-CP để kịp thời tháo gỡ vướng mắc.', rule).length, 1);
  });
  it('reads "Thông báo kết luận số …" as a Thông báo (221-TB-VPCP-2013)', () => {
    const text = notice('Các Bộ, ngành, địa phương khẩn trương thực hiện các nhiệm vụ được giao trong Thông báo kết luận số 197/TB-VPCP ngày 21 tháng 5 năm 2013.');
    const [finding] = findings(text, rule);
    assert.match(finding!.message.vi, /Thông báo kết luận số 197\/TB-VPCP/u);
    assert.deepEqual(findings(text, 'ref/type-mismatch'), []);
  });
});

describe('date/deadline-passed: cut-off dates and tasks in a period', () => {
  const rule = 'date/deadline-passed';
  it('sets no deadline with a cut-off date or a past period (real sentences)', () => {
    for (const body of [
      'Về Chương trình mục tiêu quốc gia xây dựng nông thôn mới, đến hết năm 2016 cả nước có 2.358 xã đạt 19 tiêu chí.', // 32-TB-VPCP-2017
      'Trong năm 2017, Phong trào tiếp tục được quan tâm triển khai thực hiện.', // 12-TB-VPCP-2018
      'Đồng ý với báo cáo đánh giá của Bộ Giao thông vận tải về tình hình thực hiện trong năm 2015 và giai đoạn 2011 - 2015.', // 09-TB-VPCP-2016
      'Số liệu tính đến hết ngày 30 tháng 9 năm 2025 cho thấy cả nước đã cấp 20 triệu tài khoản.',
      'Từ ngày 01 tháng 7 năm 2025 đến ngày 30 tháng 9 năm 2025, các địa phương đã tiếp nhận 1.200 hồ sơ.',
    ]) assert.deepEqual(flagged(body, rule, '2025-11-18'), [], body);
  });
  it('finds a task set in a period already past', () => {
    assert.deepEqual(flagged('Bộ Tài chính trình Thủ tướng Chính phủ trong tháng 11 năm 2023.', rule, '2023-12-06'), ['tháng 11 năm 2023']);
    // 627-TB-VPCP-2025 (dated 18 tháng 11 năm 2025)
    assert.deepEqual(flagged('Các địa phương báo cáo Phó Thủ tướng Trần Hồng Hà trước ngày 15 tháng 11 năm 2025.', rule, '2025-11-18'), ['ngày 15 tháng 11 năm 2025']);
    // 07-TB-VPCP-2017 (dated 06 tháng 01 năm 2017)
    assert.deepEqual(flagged('Chậm nhất ngày 31 tháng 12 năm 2016, Bộ Tài chính ban hành văn bản hướng dẫn.', rule, '2017-01-06'), ['ngày 31 tháng 12 năm 2016']);
  });
  it('a task already done sets no deadline', () => {
    assert.deepEqual(flagged('Bộ Tài chính đã trình Thủ tướng Chính phủ trong tháng 11 năm 2023.', rule, '2023-12-06'), []);
  });
});

describe('ref/conflict: a symbol without its year is numbered again every year', () => {
  it('two years are two documents (105-TB-VPCP-2018, 174-TB-VPCP-2016)', () => {
    assert.deepEqual(flagged('Thực hiện Nghị quyết số 01/NQ-CP ngày 01 tháng 01 năm 2018 của Chính phủ.', 'ref/conflict', '2018-05-01'), []);
    assert.deepEqual(flagged('Thực hiện Nghị quyết số 01/NQ-CP ngày 01 tháng 01 năm 2018 của Chính phủ và Nghị quyết số 01/NQ-CP ngày 07 tháng 01 năm 2017 của Chính phủ.', 'ref/conflict', '2018-05-01'), []);
    assert.equal(flagged('Thực hiện Nghị quyết số 01/NQ-CP ngày 01 tháng 01 năm 2018 của Chính phủ; Nghị quyết số 01/NQ-CP ngày 03 tháng 01 năm 2018 của Chính phủ.', 'ref/conflict', '2018-05-01').length, 2);
  });
});

describe('structure/recipients: the “Lưu” line of real notices', () => {
  const withLuu = (line: string) => notice('Bộ Công an chủ trì thực hiện.').replace('- Lưu: VT, KGVX (2).', line);
  const flaggedLuu = (line: string) => findings(withLuu(line), 'structure/recipients').map((finding) => finding.message.vi);
  it('accepts the drafter’s mark after the full stop', () => {
    for (const line of ['- Lưu: VT, KGVX(3).QT 37', '- Lưu: VT, KGVX (3). Q 85', '- Lưu: VT, CN (2). nvv', '- Lưu: VT, KSTT (2).', '- Lưu: VT, KSTT(3).VTA']) assert.deepEqual(flaggedLuu(line), [], line);
  });
  it('finds “Văn thư” for “VT”, a missing colon and a missing full stop before the mark', () => {
    assert.match(flaggedLuu('- Lưu: Văn thư, TCCV (5b).').join(), /“VT”/u); // 27-TB-VPCP-2012
    assert.match(flaggedLuu('- Lưu VT, KGVX (2b).').join(), /dấu hai chấm/u); // 189-TB-VPCP-2009
    for (const line of ['- Lưu: VT, KGVX (3) Q.', '- Lưu: VT, KTN (3b), v. (120)', '- Lưu: VT, KTTH (3b)', '- Lưu: VT, KGVX (2)PL.']) assert.equal(flaggedLuu(line).length, 1, line);
  });
  it('fixes the full stop after the copies kept', () => {
    const text = withLuu('- Lưu: VT, KTN (3b), v. (120)');
    const [finding] = findings(text, 'structure/recipients');
    const edit = finding!.fix!.edits[0]!;
    assert.match(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), /- Lưu: VT, KTN \(3b\)\. v\. \(120\)/u);
  });
});

describe('abbr/undefined: international names and terms written bare', () => {
  const undefinedAbbreviations = (body: string) => {
    const text = notice(body);
    return findings(text, 'abbr/undefined').map((finding) => spanText(text, finding));
  };
  it('accepts the shipped international list (29-TB-VPCP-2017, 56-TB-VPCP-2016, 174-TB-VPCP-2016)', () => {
    assert.deepEqual(undefinedAbbreviations('Tăng cường hợp tác với các nước ASEAN, EU và các tổ chức WTO, WB; phòng, chống HIV/AIDS và dịch COVID-19; thu hút vốn ODA, FDI, tăng trưởng GDP.'), []);
  });
  it('still asks to introduce a national term', () => {
    assert.deepEqual(undefinedAbbreviations('Tỷ lệ số hóa kết quả giải quyết TTHC còn thấp; ngân sách NSNN hạn chế.'), ['TTHC', 'NSNN']);
  });
});

describe('citations of the National Assembly and of the Party', () => {
  const symbolFindings = (body: string, date = '2024-11-22') => {
    const text = notice(body, { date });
    return findings(text, 'ref/symbol-format').map((finding) => `${spanText(text, finding)} ${finding.severity}`);
  };
  it('a resolution of the National Assembly: stray type code, wrong term, two symbols of one document', () => {
    assert.deepEqual(symbolFindings('Triển khai Nghị quyết số 57/2022/QH15 ngày 16 tháng 6 năm 2022 của Quốc hội và Nghị quyết số 57/2022/NQ-QH14.'), ['57/2022/NQ-QH14 warning']);
    assert.deepEqual(symbolFindings('Thực hiện Nghị quyết số 106/2023/QH14 ngày 28 tháng 11 năm 2023 của Quốc hội.'), ['106/2023/QH14 warning']);
    // 135-TB-VPCP-2019, 627-TB-VPCP-2025, 189-TB-VPCP-2009: as written
    assert.deepEqual(symbolFindings('Căn cứ Nghị quyết số 71/2018/QH14 của Quốc hội, Nghị quyết số 106/2023/QH15 của Quốc hội và Nghị quyết số 730/2004/NQ-UBTVQH11 ngày 30 tháng 9 năm 2004.'), []);
  });
  it('a first citation of a National Assembly resolution without its date is a warning; a law is cited by name', () => {
    const text = notice('Bộ Tài chính đã báo cáo tổng kết việc thực hiện Nghị quyết số 106/2023/QH15 của Quốc hội về thí điểm một số chính sách đặc thù.');
    const [finding, ...rest] = findings(text, 'ref/incomplete-first');
    assert.equal(rest.length, 0);
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message.vi, /thiếu ngày ban hành:/u);
    assert.deepEqual(findings(notice('Triển khai Luật Đầu tư công số 58/2024/QH15 và Luật Địa chất và Khoáng sản.'), 'ref/incomplete-first'), []);
  });
  it('Party symbols: a stray space, the state form; a state symbol in the Party form', () => {
    assert.deepEqual(symbolFindings('Thực hiện Nghị quyết số 57- NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị.'), ['57- NQ/TW error']);
    assert.deepEqual(symbolFindings('Các Bộ đã thực hiện tốt Chỉ thị 19/CT-TW ngày 22 tháng 12 năm 2007 của Ban Bí thư Trung ương Đảng.'), ['19/CT-TW error']); // 226-TB-VPCP-2008
    assert.deepEqual(symbolFindings('Thực hiện Thông báo số 340-TB/VPCP ngày 05 tháng 10 năm 2012 của Văn phòng Chính phủ.'), ['340-TB/VPCP error']); // 75-TB-VPCP-2014
    assert.deepEqual(symbolFindings('Thực hiện Nghị quyết số 57-NQ/TW, Kế hoạch số 02-KH/BCĐTW và Kết luận số 63-KL/TW.'), []); // 624, 75
  });
});

describe('dates and symbols written as the Office writes them', () => {
  it('a later "cuộc họp ngày …" is the next meeting, not the one concluded (113-TB-VPCP-2014)', () => {
    const body = 'Ngày 14 tháng 3 năm 2014, tại trụ sở Chính phủ, Phó Thủ tướng đã chủ trì cuộc họp.\n\n1. Các Bộ gửi về Bộ Nội vụ để hoàn chỉnh Tờ trình, trình Ban cán sự đảng Chính phủ xem xét, cho ý kiến tại cuộc họp ngày 21 tháng 3 năm 2014.';
    assert.deepEqual(flagged(body, 'date/after-issue', '2014-03-20'), []);
    assert.deepEqual(flagged('Tại cuộc họp ngày 21 tháng 3 năm 2014, Phó Thủ tướng kết luận như sau:', 'date/after-issue', '2014-03-20'), ['ngày 21 tháng 3 năm 2014']);
  });
  it('"19-2018/NQ-CP" is the official form of the Government’s yearly resolution (232-TB-VPCP-2018)', () => {
    const body = 'Thực hiện các nhiệm vụ được giao tại Nghị quyết số 19-2018/NQ-CP ngày 15 tháng 5 năm 2018 của Chính phủ.';
    assert.deepEqual(flagged(body, 'ref/symbol-format', '2018-12-01'), []);
    assert.deepEqual(flagged(body, 'ref/incomplete-first', '2018-12-01'), []);
    assert.deepEqual(flagged('Thực hiện Nghị định số 73/2019-NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ.', 'ref/symbol-format'), ['73/2019-NĐ-CP']);
  });
});

describe('ref/incomplete-first: more real citations', () => {
  const rule = 'ref/incomplete-first';
  it('a body named with “của … tại”, a draft, a numeric date (03-TB-VPCP-2018, 111-TB-VPCP-2018, 226-TB-VPCP-2008)', () => {
    assert.deepEqual(flagged('Báo cáo tóm tắt các đề xuất, kiến nghị của Ủy ban nhân dân thành phố Hà Nội tại văn bản số 223/BC-UBND ngày 07 tháng 8 năm 2017 về một số cơ chế đặc thù.', rule), []);
    assert.deepEqual(flagged('Đề nghị các Thành viên Hội đồng có ý kiến sửa trực tiếp vào dự thảo Nghị quyết số 19-2018/NQ-CP và khẩn trương gửi lại Văn phòng Chính phủ.', rule), []);
    assert.deepEqual(flagged('Các Bộ đã thực hiện tốt Quyết định 258/QĐ-TTg ngày 04/3/2008 của Thủ tướng Chính phủ về tổ chức kỷ niệm.', rule), []);
    assert.equal(flagged('Các Bộ đã thực hiện tốt Quyết định 258/QĐ-TTg ngày 04/3/2008 về tổ chức kỷ niệm.', rule).length, 1);
  });
});

describe('post-reorganisation sentences (written from the patterns of issue 13)', () => {
  it('ref/incomplete-first: the issuer acting (signing, directing, notifying)', () => {
    for (const body of [
      'Thủ tướng Chính phủ đã cho chủ trương đầu tư dự án tại văn bản số 1234/VPCP-CN ngày 05 tháng 3 năm 2025.',
      'Thủ tướng Chính phủ đã ký ban hành Quyết định số 1131/QĐ-TTg ngày 12 tháng 6 năm 2025 về danh mục công nghệ chiến lược.',
      'Bộ Khoa học và Công nghệ đã ban hành Thông tư số 12/2025/TT-BKHCN ngày 30 tháng 6 năm 2025 hướng dẫn thực hiện.',
      'Văn phòng Chính phủ đã thông báo tại Thông báo số 552/TB-VPCP ngày 13 tháng 10 năm 2025 kết luận của Ban Chỉ đạo.',
    ]) assert.deepEqual(flagged(body, 'ref/incomplete-first', '2025-11-18'), [], body);
  });
  it('date/deadline-passed: a period that describes what was done', () => {
    for (const body of [
      'Bộ Tài chính báo cáo kết quả thực hiện trong năm 2024 và đề xuất nhiệm vụ năm 2025.',
      'Ghi nhận các kết quả Bộ Xây dựng đã đạt được trong tháng 10 năm 2025 vừa qua.',
    ]) assert.deepEqual(flagged(body, 'date/deadline-passed', '2025-11-18'), [], body);
    assert.deepEqual(flagged('Bộ Xây dựng trình Thủ tướng Chính phủ Đề án trong tháng 10 năm 2025.', 'date/deadline-passed', '2025-11-18'), ['tháng 10 năm 2025']);
  });
});

describe('the registry and year-less symbols', () => {
  it('an undated citation of a year-less symbol is not matched with a document of years before (07/TB-VPCP of 2017 in a notice of 2025)', () => {
    const text = notice('Thực hiện Thông báo số 07/TB-VPCP về an toàn thực phẩm.', { date: '2025-11-18' });
    const [finding] = findings(text, 'ref/incomplete-first');
    assert.equal(finding!.fix, undefined);
    assert.doesNotMatch(finding!.message.vi, /Theo danh mục/u);
  });
});

describe('more Lưu lines and terms', () => {
  it('copies kept for two units, the last one closing the line', () => {
    const text = notice('Bộ Công an chủ trì thực hiện.').replace('- Lưu: VT, KGVX (2).', '- Lưu: VT, KTTH (2), NN (1).');
    assert.deepEqual(findings(text, 'structure/recipients'), []);
  });
  it('the term elected in 2026 (khóa XVI) is accepted', () => {
    assert.deepEqual(flagged('Thực hiện Nghị quyết số 01/2026/QH16 ngày 10 tháng 4 năm 2026 của Quốc hội.', 'ref/symbol-format', '2026-05-01'), []);
  });
});
