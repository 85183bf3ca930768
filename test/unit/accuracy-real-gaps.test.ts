import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import registryData from '../../server/src/knowledge/data/registry.json';
import { abbreviationsWithLists } from '../../server/src/core/abbreviationLists.js';
import { findings, notice, run, spanText } from '../helpers.js';

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

describe("agency/spelling: a company's name starts with its kind word capitalised (PL II, IV.1)", () => {
  const rule = 'agency/spelling';
  const texts = (body: string, date: string) => found(body, rule, date).map(({ text }) => text);
  it('accepts the real sentences as written', () => {
    for (const [body, date] of [
      ['- Chỉ đạo Tổng công ty Sông Đà khẩn trương khắc phục các khiếm khuyết, sớm đưa nhà máy thủy điện Xê Kaman 3 vào vận hành.', '2013-04-26'], // 140-TB-VPCP-2013
      ['Về cho phép Công ty cổ phần sắt Thạch Khê thi công: rà phá bom mìn, xây dựng đường vào mỏ: đồng ý về nguyên tắc.', '2007-05-23'], // 153-TB-VPCP-2007
      ['Các doanh nghiệp: Công ty trách nhiệm hữu hạn một thành viên Đạm Ninh Bình, Công ty cổ phần Gang thép Thái Nguyên, Công ty trách nhiệm hữu hạn Khoáng sản và Luyện kim Việt Trung.', '2017-03-13'], // 120-TB-VPCP-2017
    ] as const) assert.deepEqual(texts(body, date), [], body);
  });
  it('leaves the common nouns of the real notices alone', () => {
    for (const [body, date] of [
      ['Tham dự có thành viên Hội đồng Tư vấn chính sách, lãnh đạo các tập đoàn, tổng công ty nhà nước, ngân hàng thương mại nhà nước, đại học, viện nghiên cứu.', '2025-11-17'], // 624-TB-VPCP-2025
      ['Về cho phép Tổng công ty Khoáng sản và Thương mại Hà Tĩnh liên doanh với một số tập đoàn kinh tế lớn trong nước để thành lập Công ty Chứng khoán MITRACO.', '2007-05-23'], // 153-TB-VPCP-2007
      ['Tiếp tục nghiên cứu, hoàn thiện cơ chế tiền lương đối với viên chức quản lý trong công ty trách nhiệm hữu hạn một thành viên do Nhà nước quản lý, ban hành quy định về quản lý tiền lương đối với công ty cổ phần có vốn góp của Nhà nước.', '2014-03-20'], // 113-TB-VPCP-2014
      ['Rà soát, thực hiện chuyển các đơn vị sự nghiệp công lập thành công ty cổ phần.', '2016-01-12'], // 09-TB-VPCP-2016
      ['Thu hút đầu tư của các tập đoàn Việt Nam và nước ngoài, tổng công ty Nhà nước.', '2016-01-12'],
    ] as const) assert.deepEqual(texts(body, date), [], body);
  });
  it('reports a lower-case kind word before the name (the real sentences with the kind word lower-cased)', () => {
    // 188-TB-VPCP-2015, 140-TB-VPCP-2013, 120-TB-VPCP-2017: no real notice of the corpus makes this slip.
    assert.deepEqual(texts('Nhu cầu điện tăng cao, nhưng tập đoàn Điện lực Việt Nam vẫn có thể cam kết cung cấp đủ điện.', '2015-06-01'), ['tập đoàn']);
    assert.deepEqual(texts('- Chỉ đạo tổng công ty Truyền tải điện quốc gia tập trung mọi nỗ lực và phương tiện để vận hành an toàn lưới truyền tải 500 kV.', '2013-04-26'), ['tổng công ty']);
    assert.deepEqual(texts('Các doanh nghiệp: Công ty trách nhiệm hữu hạn một thành viên Đạm Ninh Bình, công ty cổ phần Gang thép Thái Nguyên.', '2017-03-13'), ['công ty']);
    const text = notice('Nhu cầu điện tăng cao, nhưng tập đoàn Điện lực Việt Nam vẫn có thể cam kết cung cấp đủ điện.', { date: '2015-06-01' });
    const [finding] = findings(text, rule);
    assert.deepEqual(finding?.fix?.edits.map((edit) => edit.newText), ['T']);
  });
});

describe('abbr/*: abbreviations introduced together after a list of their full forms', () => {
  // 624-TB-VPCP-2025, line 17, and its later uses.
  const introduced =
    'Thực hiện nghiêm chỉ đạo của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KHCN, ĐMST, CĐS), chỉ đạo của đồng chí Tổng Bí thư, công tác phát triển KHCN, ĐMST, CĐS đã đạt kết quả nổi bật.\n\n5. Nhiệm vụ về phát triển KHCN, ĐMST, CĐS';
  it('counts each one as introduced, with its own words', () => {
    assert.deepEqual(found(introduced, 'abbr/undefined'), []);
    assert.deepEqual(found(introduced, 'abbr/redefined'), []);
    const text = notice(introduced, { date: '2025-11-17' });
    const result = run(text, { today: { year: 2025, month: 11, day: 17 } });
    const definitions = abbreviationsWithLists(result.model, result.facts.abbreviations).definitions.map(({ abbr, expansion }) => [abbr, expansion]);
    assert.deepEqual(definitions, [
      ['KHCN', 'khoa học, công nghệ'],
      ['ĐMST', 'đổi mới sáng tạo'],
      ['CĐS', 'chuyển đổi số'],
    ]);
  });
  it('still reports them used before they are introduced, or introduced twice', () => {
    assert.deepEqual(found(`Công tác phát triển KHCN đạt kết quả.\n\n${introduced}`, 'abbr/undefined').map(({ text }) => text), ['KHCN']);
    assert.deepEqual(found(`${introduced}\n\nPhát triển khoa học, công nghệ (KHCN) là đột phá.`, 'abbr/redefined').map(({ text }) => text), ['KHCN']);
  });
  it('reads no introduction in a parenthesis whose abbreviations do not spell the words before it', () => {
    // The parenthesis names the programmes without spelling them out: each use is still unintroduced.
    assert.deepEqual(found('Các chương trình trọng điểm (KHCN, ĐMST) được ưu tiên bố trí vốn.', 'abbr/undefined').map(({ text }) => text), ['KHCN', 'ĐMST']);
    // One of them spelled out is not enough: the parenthesis is a list, not an introduction.
    assert.deepEqual(found('Phát triển công nghệ và đổi mới sáng tạo (KHCN, ĐMST) được ưu tiên.', 'abbr/undefined').map(({ text }) => text), ['KHCN', 'ĐMST']);
  });
});

describe('the shipped registry and the corpus', () => {
  it("takes no cited document's date from a notice's own text: only the notice itself is sourced by its text", () => {
    const ownText = registryData.documents.filter((document) => document.source.every((source) => /\(text of the notice\)/u.test(source)));
    assert.deepEqual(
      ownText.map((document) => document.so),
      ownText.filter((document) => document.source.every((source) => source.startsWith(`corpus:2025/${document.so.replace('/', '-')}-`))).map((document) => document.so),
    );
    assert.deepEqual(ownText.map((document) => document.so).sort(), ['624/TB-VPCP', '627/TB-VPCP']);
  });
  it('keeps every document the corpus metadata cites, unverified where the metadata is its only source', () => {
    const shipped = new Map(registryData.documents.map((document) => [document.so, document]));
    const corpus = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'pre2020');
    for (const file of readdirSync(corpus).filter((name) => name.endsWith('.json'))) {
      const notice = JSON.parse(readFileSync(path.join(corpus, file), 'utf8')) as { id: string; referredDocuments: { id: string; issuedDate: string }[] };
      assert.ok(shipped.has(notice.id), `${file}: the notice itself`);
      for (const cited of notice.referredDocuments) {
        const entry = shipped.get(cited.id);
        assert.ok(entry, `${file}: ${cited.id}`);
        if (entry.source.every((source) => source.endsWith('referredDocuments'))) assert.equal(entry.verified, false, cited.id);
      }
    }
  });
});
