import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../server/src/core/fixes.js';
import { findings, notice, run, spanText } from '../helpers.js';

const seeds = path.join(import.meta.dirname, '..', 'fixtures', 'seeds');
const seed = (file: string) => readFileSync(path.join(seeds, file), 'utf8');

const dated = (body: string, date: string) => notice(body, { date });

/** Mentions in the sentence under test (not in the closing formula, recipients or signature of `notice`). */
const bodyMentions = (text: string) => run(text).facts.agencies.filter((mention) => mention.section === 'body' && mention.start < text.indexOf('Văn phòng Chính phủ thông báo để'));

function fixOnce(text: string, ruleId: string): string {
  const edits = findings(text, ruleId).flatMap((finding) => finding.fix?.edits ?? []);
  return applyEdits(text, edits).text;
}

/** The 530/TB-VPCP notice as if it were issued on 2026-01-15 about a meeting of 08/01/2026. */
function redated530(): string {
  return seed('2024-11-22-530-TB-VPCP.tb.md')
    .replace('ngay: 2024-11-22', 'ngay: 2026-01-15')
    .replace('Ngày 14 tháng 11 năm 2024', 'Ngày 08 tháng 01 năm 2026')
    .replace('trước ngày 25 tháng 11 năm 2024', 'trước ngày 25 tháng 01 năm 2026')
    .replace('hoàn thành trong năm 2024', 'hoàn thành trong năm 2026');
}

describe('agency mentions', () => {
  it('recognizes the elliptical lists of the seeds', () => {
    const lists = (file: string) => {
      const mentions = run(seed(file)).facts.agencies.filter((mention) => mention.list !== undefined);
      const byList = new Map<number, string[]>();
      for (const mention of mentions) byList.set(mention.list!, [...(byList.get(mention.list!) ?? []), mention.written]);
      return [...byList.values()];
    };
    assert.deepEqual(lists('2024-03-06-hop-de-an-06.tb.md')[0], ['Công an', 'Tài chính', 'Kế hoạch và Đầu tư', 'Thông tin và Truyền thông', 'Tư pháp', 'Văn phòng Chính phủ', 'Ủy ban nhân dân']);
    const seed530 = lists('2024-11-22-530-TB-VPCP.tb.md');
    assert.deepEqual(seed530[0], ['Thành phố Hồ Chí Minh', 'Bình Dương', 'Đồng Nai', 'Phú Thọ', 'Thái Bình', 'Nam Định', 'Ninh Thuận', 'Bình Phước']);
    assert.deepEqual(seed530[1], ['Kiên Giang', 'Quảng Nam', 'Thanh Hóa', 'Thái Nguyên']);
    assert.deepEqual(seed530[2], ['Thông tin và Truyền thông', 'Tư pháp', 'Tài chính', 'Y tế', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'Văn phòng Chính phủ', 'Bảo hiểm Xã hội Việt Nam']);
    assert.equal(seed530[4]![0], 'TP. Hồ Chí Minh');
    const seed001 = lists('2024-01-10-so-ket-de-an-06.tb.md');
    assert.deepEqual(seed001[0], ['Nội vụ', 'Tư pháp', 'Tài chính', 'Giáo dục và Đào tạo', 'Y tế']);
    assert.equal(seed001[2]!.length, 14);
    assert.ok(seed001[2]!.includes('Văn hóa - Thể thao và Du lịch'));
    assert.deepEqual(seed001[6], ['Y tế', 'Xây dựng']);
    const seed004 = lists('2023-07-12-hoi-nghi-chuyen-doi-so.tb.md');
    assert.deepEqual(seed004[1], ['Văn phòng Chính phủ', 'Kế hoạch và Đầu tư', 'thành phố Hồ Chí Minh', 'Quảng Ninh', 'Thừa Thiên Huế']);
  });

  it('reads full names, short forms and the front matter, with original spans', () => {
    const text = seed('2024-01-10-so-ket-de-an-06.tb.md');
    const mentions = run(text).facts.agencies;
    const ids = new Set(mentions.map((mention) => mention.agency?.id ?? mention.province?.id));
    for (const id of ['vpcp', 'ubqg-cds', 'vksndtc', 'tandtc', 'vtv', 'vov', 'ttxvn', 'nhnn', 'nhcsxh', 'ubtvqh', 'evn', 'vcci', 'ubqlv', 'vnpt', 'viettel', 'mobifone', 'vnpost', 'fpt']) assert.ok(ids.has(id), id);
    for (const mention of mentions) assert.equal(text.slice(mention.start, mention.end), mention.written);
    assert.equal(mentions[0]!.section, 'front-matter');
  });

  it('does not take a person’s name or a generic word for a place or an agency', () => {
    const text = notice('Phó Thủ tướng Chính phủ Nguyễn Hòa Bình làm việc với các bộ, ngành và Bộ phận một cửa; xây dựng chính phủ số, vùng biển Thái Bình Dương.');
    assert.deepEqual(bodyMentions(text).map((mention) => mention.written), ['Chính phủ']);
  });

  it('matches NFD text and old tone placement, reporting the original span', () => {
    const body = 'Uỷ ban nhân dân tỉnh Thanh Hoá báo cáo Bộ Tài chính.'.normalize('NFD');
    const text = notice(body);
    const mentions = bodyMentions(text);
    assert.deepEqual(mentions.map((mention) => mention.agency?.id ?? mention.province?.id), ['ubnd', 'thanh-hoa', 'bo-tai-chinh']);
    assert.equal(text.slice(mentions[1]!.start, mentions[1]!.end), 'Thanh Hoá'.normalize('NFD'));
  });
});

describe('agency/unknown', () => {
  it('reports no correct name of the seeds', () => {
    for (const file of ['2024-03-06-hop-de-an-06.tb.md', '2024-01-10-so-ket-de-an-06.tb.md', '2024-11-22-530-TB-VPCP.tb.md', '2023-07-12-hoi-nghi-chuyen-doi-so.tb.md']) {
      assert.deepEqual(findings(seed(file), 'agency/unknown'), [], file);
    }
  });

  it('suggests the nearest name and fixes it', () => {
    const text = notice('Bộ Thông tin Truyền thông chủ trì thực hiện.');
    const [finding] = findings(text, 'agency/unknown');
    assert.equal(spanText(text, finding!), 'Bộ Thông tin Truyền thông');
    assert.match(finding!.message.vi, /Bộ Thông tin và Truyền thông/u);
    assert.match(fixOnce(text, 'agency/unknown'), /Bộ Thông tin và Truyền thông chủ trì/u);
  });

  it('leaves generic phrases alone', () => {
    assert.deepEqual(findings(notice('Các bộ, ngành và Bộ phận một cửa, Bộ trưởng Bộ Tư pháp, Ngân hàng Nhà nước chi nhánh tỉnh.'), 'agency/unknown'), []);
  });
});

describe('agency/spelling', () => {
  it('fixes case, tone placement and punctuation', () => {
    const text = notice('Bộ Công An, Uỷ ban nhân dân tỉnh Nam Định và các Bộ: Văn hóa - Thể thao và Du lịch, Tư pháp phối hợp với Đài Truyền hình Việt nam.');
    const found = findings(text, 'agency/spelling');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['Bộ Công An', 'Uỷ ban nhân dân', 'Văn hóa - Thể thao và Du lịch', 'Đài Truyền hình Việt nam']);
    assert.match(found[0]!.message.vi, /“Bộ Công an”/u);
    assert.equal(found[0]!.severity, 'error');
    const fixed = fixOnce(text, 'agency/spelling');
    assert.match(fixed, /Bộ Công an, Ủy ban nhân dân tỉnh Nam Định và các Bộ: Văn hóa, Thể thao và Du lịch, Tư pháp phối hợp với Đài Truyền hình Việt Nam\./u);
    assert.deepEqual(findings(fixed, 'agency/spelling'), []);
  });

  it('gives a warning, not an error, when the official spelling is not verified', () => {
    const [finding] = findings(notice('Bảo hiểm Xã hội Việt Nam chủ trì.'), 'agency/spelling');
    assert.equal(finding!.severity, 'warning');
  });

  it('accepts names in capitals', () => {
    assert.deepEqual(findings(notice('## I. Ý KIẾN CỦA BỘ CÔNG AN\n\nNội dung.'), 'agency/spelling'), []);
  });
});

describe('agency/not-in-force and agency/place on a re-dated notice', () => {
  const text = redated530();

  it('reports the ministries that ended, named inside an elliptical list, with their successors', () => {
    const found = findings(text, 'agency/not-in-force');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['Thông tin và Truyền thông', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường']);
    assert.match(found[0]!.message.vi, /“Khoa học và Công nghệ” và “Văn hóa, Thể thao và Du lịch”/u);
    assert.match(found[1]!.message.vi, /“Tài chính”/u);
    assert.match(found[2]!.message.vi, /“Nông nghiệp và Môi trường”/u);
    assert.equal(found[0]!.fix, undefined, 'two successors: no quick fix');
    assert.equal(found[1]!.fix, undefined, 'the successor is already in the list');
    assert.equal(found[2]!.fix?.edits[0]!.newText, 'Nông nghiệp và Môi trường');
    for (const finding of found) assert.equal(finding.severity, 'error');
  });

  it('reports the provinces that were merged, with the unit they joined', () => {
    const found = findings(text, 'agency/place');
    const written = new Set(found.map((finding) => spanText(text, finding)));
    for (const name of ['Bình Dương', 'Quảng Nam', 'Thái Bình', 'Nam Định', 'Ninh Thuận', 'Bình Phước', 'Kiên Giang']) assert.ok(written.has(name), name);
    for (const name of ['Thành phố Hồ Chí Minh', 'Đồng Nai', 'Phú Thọ', 'Thanh Hóa', 'Thái Nguyên']) assert.ok(!written.has(name), name);
    const binhDuong = found.find((finding) => spanText(text, finding) === 'Bình Dương')!;
    assert.match(binhDuong.message.vi, /01\/07\/2025; nay thuộc “Thành phố Hồ Chí Minh”/u);
    assert.match(found.find((finding) => spanText(text, finding) === 'Quảng Nam')!.message.vi, /“Đà Nẵng”/u);
    assert.match(found.find((finding) => spanText(text, finding) === 'Thái Bình')!.message.vi, /“Hưng Yên”/u);
  });

  it('reports nothing on the notice as issued in 2024', () => {
    const original = seed('2024-11-22-530-TB-VPCP.tb.md');
    assert.deepEqual(findings(original, 'agency/not-in-force'), []);
    assert.deepEqual(findings(original, 'agency/place'), []);
  });
});

describe('agency/not-in-force', () => {
  it('accepts an ended agency named as the issuer of a document dated while it existed', () => {
    const text = dated('Thực hiện Công văn số 708/BTTTT-CATTT ngày 02 tháng 3 năm 2024 của Bộ Thông tin và Truyền thông về an toàn thông tin.', '2026-01-15');
    assert.deepEqual(findings(text, 'agency/not-in-force'), []);
  });

  it('fixes a name with one successor', () => {
    const text = dated('Bộ Kế hoạch và Đầu tư chủ trì.', '2026-01-15');
    assert.match(fixOnce(text, 'agency/not-in-force'), /Bộ Tài chính chủ trì\./u);
  });

  it('only warns inside the transition window of February 2025', () => {
    const [stale] = findings(dated('Bộ Kế hoạch và Đầu tư chủ trì.', '2025-02-20'), 'agency/not-in-force');
    assert.equal(stale!.severity, 'warning');
    const [early] = findings(dated('Bộ Nông nghiệp và Môi trường chủ trì.', '2025-02-20'), 'agency/not-in-force');
    assert.equal(early!.severity, 'warning');
  });

  it('reports an agency not yet created', () => {
    const [finding] = findings(dated('Bộ Dân tộc và Tôn giáo chủ trì.', '2024-11-22'), 'agency/not-in-force');
    assert.match(finding!.message.vi, /chỉ hoạt động từ ngày 01\/03\/2025/u);
  });

  it('accepts an ended body named as it was: "(cũ)", "trước đây", "nguyên Bộ trưởng", the reorganisation itself', () => {
    for (const sentence of [
      'Bộ Tài chính kế thừa hồ sơ của Bộ Kế hoạch và Đầu tư (cũ) để hoàn thiện.',
      'Các nhiệm vụ do Bộ Kế hoạch và Đầu tư trước đây chủ trì được chuyển cho Bộ Tài chính.',
      'Hồ sơ do nguyên Bộ trưởng Bộ Thông tin và Truyền thông ký được giữ nguyên giá trị.',
      'Bộ Tài chính tiếp nhận chức năng, nhiệm vụ của Bộ Kế hoạch và Đầu tư sau hợp nhất.',
    ]) {
      assert.deepEqual(findings(dated(sentence, '2026-01-15'), 'agency/not-in-force'), [], sentence);
    }
    // The same body given today's work is still reported; so is "Bộ Tài nguyên và Môi trường".
    const text = dated('Bộ Kế hoạch và Đầu tư (cũ) lưu hồ sơ; Bộ Kế hoạch và Đầu tư chủ trì; Bộ Tài nguyên và Môi trường phối hợp.', '2026-01-15');
    assert.deepEqual(findings(text, 'agency/not-in-force').map((finding) => spanText(text, finding)), ['Bộ Kế hoạch và Đầu tư', 'Bộ Tài nguyên và Môi trường']);
    assert.equal(findings(text, 'agency/not-in-force')[0]!.start, text.indexOf('Bộ Kế hoạch và Đầu tư chủ trì'));
  });

  it('honours agencies from the configuration', () => {
    const config = { agencies: [{ name: 'Ban Chỉ đạo thí điểm', shortForms: [], validTo: '2025-06-30' }] };
    const text = dated('Ban Chỉ đạo thí điểm báo cáo.', '2026-01-15');
    assert.equal(findings(text, 'agency/not-in-force', { config }).length, 1);
  });
});

describe('meta/place and meta/number-issuer', () => {
  const header = (fields: Record<string, string>) =>
    notice('Nội dung.', {
      frontMatter: Object.entries({ 'co-quan': 'Văn phòng Chính phủ', so: '15/TB-VPCP', 'dia-danh': 'Hà Nội', ngay: '2026-01-15', loai: 'Thông báo', 'trich-yeu': 'Kết luận', ...fields })
        .map(([key, value]) => `${key}: ${value}`)
        .join('\n'),
    });

  it('reports a place that is no longer a province-level unit', () => {
    const text = header({ 'dia-danh': 'Bình Dương' });
    const [finding] = findings(text, 'meta/place');
    assert.equal(spanText(text, finding!), 'Bình Dương');
    assert.match(finding!.message.vi, /“Thành phố Hồ Chí Minh”/u);
    assert.deepEqual(findings(header({ 'dia-danh': 'Bình Dương', ngay: '2024-11-22' }), 'meta/place'), []);
  });

  it('warns on a place that is no province at all', () => {
    const [finding] = findings(header({ 'dia-danh': 'Thủ Đức' }), 'meta/place');
    assert.equal(finding!.severity, 'warning');
  });

  it('fixes the issuer code of the number', () => {
    const text = header({ so: '15/TB-VPTT' });
    const [finding] = findings(text, 'meta/number-issuer');
    assert.equal(spanText(text, finding!), 'VPTT');
    assert.match(fixOnce(text, 'meta/number-issuer'), /so: 15\/TB-VPCP/u);
    assert.deepEqual(findings(header({}), 'meta/number-issuer'), []);
  });
});

describe('agency/place: only a province named as today’s unit', () => {
  const after = (body: string) => {
    const text = dated(body, '2025-11-18');
    return findings(text, 'agency/place').map((finding) => spanText(text, finding));
  };

  it('reports the stale province of 627/TB-VPCP (18/11/2025)', () => {
    assert.deepEqual(after('Nghiên cứu triển khai sân bay tại đảo Thổ Chu, tỉnh Kiên Giang; sớm báo cáo cấp có thẩm quyền.'), ['Kiên Giang']);
    assert.deepEqual(after('Kiên Giang hoàn thành 95% kế hoạch; giao Ủy ban nhân dân tỉnh Bình Dương chủ trì.'), ['Kiên Giang', 'Bình Dương']);
  });

  it('accepts history, project names and other proper names holding a former province', () => {
    for (const body of [
      'Tỉnh An Giang được hợp nhất từ tỉnh An Giang và tỉnh Kiên Giang (cũ).',
      'Dự án trên địa bàn tỉnh Kiên Giang cũ đã hoàn thành.',
      'Trước khi sắp xếp, tỉnh Phú Yên đã triển khai dự án.',
      'Đẩy nhanh tiến độ Khu công nghiệp Hòa Hiệp, Phú Yên và Trường Đại học Phú Yên.',
      'Các dự án Tuyên Quang - Hà Giang, Quảng Ngãi - Kon Tum, Biên Hòa - Vũng Tàu, Cà Mau - Cái Nước phải hoàn thành trong năm 2025.',
      'Thực hiện Công văn số 12/UBND-KT ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Kiên Giang về dự án.',
    ])
      assert.deepEqual(after(body), [], body);
  });
});

describe('recipient codes and lists without a colon', () => {
  const withRecipients = (line: string, date: string) => notice('Nội dung.', { date }).replace('- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;', line);

  it('reads the codes of “Các Bộ: …” as in the real notices, and reports those not in force', () => {
    // The recipient line of a real notice of 2019 (37-TB-VPCP-2019), as if sent in 2026.
    const line = '- Các Bộ: TNMT, CT, Y tế, KHĐT, GTVT, KHCN, NN&PTNT, TC, GDĐT, LĐTBXH;';
    assert.deepEqual(findings(withRecipients(line, '2019-03-01'), 'agency/not-in-force'), []);
    const text = withRecipients(line, '2026-01-15');
    const found = findings(text, 'agency/not-in-force');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['TNMT', 'KHĐT', 'GTVT', 'NN&PTNT', 'LĐTBXH']);
    const khdt = found[1]!;
    assert.match(khdt.message.vi, /Cơ quan kế thừa: “TC”\. Cơ quan kế thừa đã có trong danh sách/u);
    assert.equal(khdt.fix, undefined);
    assert.equal(found[0]!.fix?.edits[0]!.newText, 'NNMT');
  });

  it('reads codes in lists of ministries only', () => {
    const text = withRecipients('- UBND các tỉnh, thành phố: TP Hà Nội, Huế, CA;', '2026-01-15');
    assert.deepEqual(run(text).facts.agencies.filter((mention) => mention.form === 'code'), []);
  });

  it('keeps reading the codes after one it does not know', () => {
    const text = withRecipients('- Các Bộ: XD, TC, NV, KH&ĐT, GD&ĐT, TN&MT, QP, Thanh tra CP;', '2026-01-15');
    assert.deepEqual(
      run(text).facts.agencies.filter((mention) => mention.form === 'code').map((mention) => mention.written),
      ['XD', 'TC', 'NV', 'KH&ĐT', 'GD&ĐT', 'TN&MT', 'QP'],
    );
  });

  it('reads “các Bộ Tài nguyên và Môi trường, Nông nghiệp và …” like a list with a colon', () => {
    const text = dated('Bộ Tài chính phối hợp với các Bộ Tài nguyên và Môi trường, Nông nghiệp và Phát triển nông thôn thực hiện.', '2026-01-15');
    const found = findings(text, 'agency/not-in-force');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn']);
    assert.match(found[0]!.message.vi, /“Nông nghiệp và Môi trường”/u);
  });

  it('reads lists of state groups with their abbreviations', () => {
    const text = notice('Giao các Tập đoàn: Điện lực Việt Nam, Dầu khí Việt Nam (PVN), Bưu chính Viễn thông Việt Nam báo cáo.');
    assert.deepEqual(bodyMentions(text).filter((mention) => mention.list !== undefined).map((mention) => mention.agency?.id), ['evn', 'pvn-dau-khi', 'vnpt']);
  });
});

describe('bodies beyond the ministries', () => {
  it('checks the names of Party, National Assembly and international bodies (real sentences)', () => {
    for (const [sentence, written, expected] of [
      ['Sơ kết thực hiện Nghị quyết Hội nghị lần thứ 7 Ban chấp hành Trung ương (khóa X) về nông nghiệp, nông dân, nông thôn.', 'Ban chấp hành Trung ương', 'Ban Chấp hành Trung ương'],
      ['Báo cáo Thủ tướng Chính phủ trước khi báo cáo Ủy ban thường vụ Quốc hội xem xét, quyết định.', 'Ủy ban thường vụ Quốc hội', 'Ủy ban Thường vụ Quốc hội'],
      ['Đại diện lãnh đạo các cơ quan: Ủy ban Khoa học Công nghệ và Môi trường của Quốc hội, Ban Tuyên giáo Trung ương.', 'Ủy ban Khoa học Công nghệ và Môi trường', 'Ủy ban Khoa học, Công nghệ và Môi trường'],
      ['Bộ Kế hoạch và Đầu tư chủ động đề nghị Ngân hàng thế giới và các nhà tài trợ khác hỗ trợ kỹ thuật.', 'Ngân hàng thế giới', 'Ngân hàng Thế giới'],
      ['Thanh tra Chính phủ; Ngân hàng Nhà nước Việt Nam; Tập đoàn Hóa Chất Việt Nam; Tập đoàn Dầu khí Việt Nam.', 'Tập đoàn Hóa Chất Việt Nam', 'Tập đoàn Hóa chất Việt Nam'],
    ] as const) {
      const text = notice(sentence);
      const found = findings(text, 'agency/spelling');
      assert.deepEqual(found.map((finding) => spanText(text, finding)), [written], sentence);
      assert.match(found[0]!.message.vi, new RegExp(`“${expected}”`, 'u'));
    }
    assert.deepEqual(findings(notice('Trình Bộ Chính trị, Ban Bí thư; Hội đồng Dân tộc, Ủy ban Kinh tế và Tài chính, Ủy ban Văn hóa và Xã hội thẩm tra.'), 'agency/spelling'), []);
  });

  it('dates the National Assembly committees reorganised on 18/02/2025, as warnings (the date is not verified)', () => {
    const [old] = findings(dated('Ủy ban Tài chính, Ngân sách thẩm tra dự án luật.', '2025-11-18'), 'agency/not-in-force');
    assert.equal(old!.severity, 'warning');
    assert.match(old!.message.vi, /“Ủy ban Kinh tế và Tài chính”/u);
    assert.deepEqual(findings(dated('Ủy ban Tài chính, Ngân sách thẩm tra dự án luật.', '2024-11-22'), 'agency/not-in-force'), []);
    assert.equal(findings(dated('Ủy ban Kinh tế và Tài chính thẩm tra dự án luật.', '2024-11-22'), 'agency/not-in-force').length, 1);
  });

  it('takes “Thường trực Chính phủ” for the body, not inside the title of the Permanent Deputy Prime Minister', () => {
    const ids = (body: string) => bodyMentions(notice(body)).map((mention) => mention.agency?.id);
    assert.deepEqual(ids('Thường trực Chính phủ họp cho ý kiến.'), ['thuong-truc-chinh-phu']);
    assert.deepEqual(ids('Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình chủ trì.'), ['chinh-phu']);
  });
});

describe('agency/spelling of any steering committee (PL II, IV.1)', () => {
  it('capitalises “Chỉ đạo” in the name of a body, from real sentences', () => {
    const text = notice('Ngày 10 tháng 9 năm 2024, Thủ tướng Chính phủ - Trưởng Ban chỉ đạo đã giao 30 nhiệm vụ; phối hợp với Ban chỉ đạo Tây Nam Bộ.');
    const found = findings(text, 'agency/spelling');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['Ban chỉ đạo', 'Ban chỉ đạo']);
    assert.match(fixOnce(text, 'agency/spelling'), /Trưởng Ban Chỉ đạo đã giao .* với Ban Chỉ đạo Tây Nam Bộ\./u);
  });

  it('leaves the common noun alone', () => {
    assert.deepEqual(findings(notice('Kiện toàn ban chỉ đạo các cấp theo mô hình Ban chỉ đạo tổng hợp; Ban Chỉ đạo Trung ương họp.'), 'agency/spelling'), []);
  });
});

describe('agency/unknown in lists of ministries', () => {
  it('reports an item that names no ministry, with the one it starts', () => {
    const text = dated('Giao các Bộ: Giáo dục, Y tế chủ trì hướng dẫn.', '2026-01-15');
    const [finding] = findings(text, 'agency/unknown');
    assert.equal(spanText(text, finding!), 'Giáo dục');
    assert.match(fixOnce(text, 'agency/unknown'), /các Bộ: Giáo dục và Đào tạo, Y tế chủ trì/u);
  });

  it('leaves recognized items, codes and unrelated entries alone', () => {
    for (const body of ['Phối hợp với các Bộ: Tư pháp, Tài chính, Văn hóa, Thể thao và Du lịch, Thanh tra CP thực hiện.', 'Các Bộ Giáo dục và Đào tạo, Y tế báo cáo.'])
      assert.deepEqual(findings(dated(body, '2026-01-15'), 'agency/unknown'), [], body);
  });
});
