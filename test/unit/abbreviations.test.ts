import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../server/src/core/fixes.js';
import { findings, notice, run, spanText } from '../helpers.js';

/** The one abbr/undefined finding of `text` is the last word of `at`, where `at` occurs. */
function assertOnlyUndefinedAt(text: string, at: string): void {
  const word = at.split(' ').at(-1)!;
  const found = findings(text, 'abbr/undefined');
  assert.deepEqual(found.map((finding) => spanText(text, finding)), [word]);
  assert.equal(found[0]!.start, text.indexOf(at) + at.length - word.length);
}

const seed = (file: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seeds', file), 'utf8');

describe('abbreviations', () => {
  it('reads introductions and their spelled-out names', () => {
    const { definitions } = run(notice('Triển khai trên nền tảng Cơ sở dữ liệu quốc gia (CSDLQG) về dân cư và ứng dụng định danh điện tử (VNeID).')).facts.abbreviations;
    assert.deepEqual(definitions.map((definition) => [definition.abbr, definition.expansion]), [['CSDLQG', 'Cơ sở dữ liệu quốc gia'], ['VNeID', 'ứng dụng định danh điện tử']]);
  });
});

describe('abbr/undefined', () => {
  const text = seed('2024-01-10-so-ket-de-an-06.tb.md');

  it('reports TTHC in the 2023 conference notice, and not CSDLQG, which is introduced', () => {
    const found = findings(text, 'abbr/undefined');
    const names = found.map((finding) => spanText(text, finding));
    assert.ok(names.includes('TTHC'));
    assert.ok(!names.includes('CSDLQG'));
    const tthc = found.find((finding) => spanText(text, finding) === 'TTHC')!;
    assert.equal(tthc.severity, 'info');
    assert.match(tthc.message.vi, /“thủ tục hành chính \(TTHC\)”/u);
    assert.equal(tthc.fix?.edits[0]!.newText, 'thủ tục hành chính (TTHC)');
    assert.equal(names.filter((name) => name === 'TTHC').length, 1, 'only the first use');
  });

  it('leaves house abbreviations, recipients, signature, symbols and Roman numerals alone', () => {
    const body = '## II. Nhiệm vụ\n\nGiao UBND các tỉnh thực hiện Chỉ thị số 04/CT-TTg trên VNeID; TP. Hồ Chí Minh báo cáo.';
    assert.deepEqual(findings(notice(body), 'abbr/undefined'), []);
    assert.deepEqual(findings(seed('2024-11-22-530-TB-VPCP.tb.md'), 'abbr/undefined'), []);
  });

  it('leaves the codes of standards alone (TCVN 5574:2018, QCVN 01:2021/BXD, ISO 9001:2015), and still reports the code without its number', () => {
    const text = notice('Áp dụng QCVN 01:2021/BXD, TCVN 5574:2018, TCVN 13333-1:2021 và ISO 9001:2015; rà soát các QCVN còn hiệu lực.');
    assertOnlyUndefinedAt(text, 'các QCVN');
  });

  it('leaves the legal form in an enterprise\'s registered name alone, and still reports the same letters elsewhere', () => {
    const text = notice('Tổng công ty Cảng hàng không Việt Nam - CTCP, Công ty TNHH MTV Xổ số kiến thiết Đồng Nai, Công ty CP Vận tải biển và Ngân hàng TMCP Ngoại thương Việt Nam phối hợp; các đơn vị MTV báo cáo.');
    assertOnlyUndefinedAt(text, 'đơn vị MTV');
  });

  it('reads an introduction that keeps the name\'s head word (“Ban Quản lý dự án (Ban QLDA)”), as 627/TB-VPCP of 2025 writes it', () => {
    const text = notice('Tham dự có đại diện các cơ quan, Ban Quản lý dự án (Ban QLDA) và một số nhà thầu. Các Ban QLDA báo cáo tiến độ.');
    assert.deepEqual(run(text).facts.abbreviations.definitions.map((definition) => [definition.abbr, definition.expansion]), [['QLDA', 'Quản lý dự án']]);
    assert.deepEqual(findings(text, 'abbr/undefined'), []);
  });

  it('leaves road numbers alone (“QL.1A”, “ĐT.741”), and still reports the code written alone', () => {
    const text = notice('Nâng cấp QL.1A đoạn qua tỉnh và đường ĐT.741; các tuyến ĐT còn lại do tỉnh bố trí vốn.');
    assertOnlyUndefinedAt(text, 'tuyến ĐT');
  });

  it('spells out an agency short form and introduces a term at its first use', () => {
    const text = notice('Đề nghị Bộ TTTT hướng dẫn; tỷ lệ giải quyết TTHC còn thấp, TTHC trực tuyến tăng.');
    const fixed = applyEdits(text, findings(text, 'abbr/undefined').flatMap((finding) => finding.fix!.edits)).text;
    assert.match(fixed, /Đề nghị Bộ Thông tin và Truyền thông hướng dẫn; tỷ lệ giải quyết thủ tục hành chính \(TTHC\) còn thấp, TTHC trực tuyến tăng\./u);
    assert.deepEqual(findings(fixed, 'abbr/undefined'), []);
  });

  it('reports a use before the introduction, fixing it with the plain name', () => {
    const text = notice('Giải quyết TTHC trực tuyến. Cắt giảm thủ tục hành chính (TTHC).');
    const [finding] = findings(text, 'abbr/undefined');
    assert.match(finding!.message.vi, /chỉ được giới thiệu ở phía sau/u);
    assert.equal(finding!.fix?.edits[0]!.newText, 'thủ tục hành chính');
  });

  it('honours config.abbreviations', () => {
    assert.deepEqual(findings(notice('Hệ thống KBNN vận hành ổn định.'), 'abbr/undefined', { config: { abbreviations: { KBNN: 'Kho bạc Nhà nước' } } }), []);
    assert.equal(findings(notice('Hệ thống KBNN vận hành ổn định.'), 'abbr/undefined').length, 1);
  });
});

describe('abbr/redefined', () => {
  it('reports a second introduction, and one for another name', () => {
    const twice = notice('Thủ tục hành chính (TTHC) giảm; thủ tục hành chính (TTHC) trực tuyến tăng.');
    const [again] = findings(twice, 'abbr/redefined');
    assert.match(again!.message.vi, /đã được giới thiệu ở phía trước/u);
    assert.equal(again!.related?.length, 1);
    const [other] = findings(notice('Cơ sở dữ liệu (CSDL) do Cục Số dữ liệu (CSDL) quản lý.'), 'abbr/redefined');
    assert.match(other!.message.vi, /nay lại dùng cho/u);
  });

  it('accepts each seed', () => {
    for (const file of ['2024-01-10-so-ket-de-an-06.tb.md', '2023-07-12-hoi-nghi-chuyen-doi-so.tb.md']) assert.deepEqual(findings(seed(file), 'abbr/redefined'), []);
  });
});
