import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../server/src/core/fixes.js';
import { scanCitations, symbolKey } from '../../server/src/core/extract/citations.js';
import { registryFromEntries, type RegistryEntry } from '../../server/src/core/registry.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { findings, notice, run, spanText } from '../helpers.js';

const seeds = path.resolve(import.meta.dirname, '..', 'fixtures', 'seeds');
const seed = (name: string) => readFileSync(path.join(seeds, name), 'utf8');
const citationsOf = (text: string) => run(text, { rules: [] }).facts.citations;

describe('citation extraction', () => {
  it('reads type word, số, symbol parts, date, issuer and subject', () => {
    const text = notice('Thực hiện Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ quy định quản lý đầu tư ứng dụng công nghệ thông tin.');
    const [citation] = citationsOf(text);
    assert.ok(citation);
    assert.equal(spanText(text, citation.typeWord!), 'Nghị định');
    assert.ok(citation.so);
    assert.equal(citation.symbol.raw, '73/2019/NĐ-CP');
    assert.deepEqual(citation.symbol.parts, { number: '73', year: 2019, typeCode: 'NĐ', issuerCode: 'CP', unitCode: null, groups: ['NĐ', 'CP'] });
    assert.equal(spanText(text, citation.date!), 'ngày 05 tháng 9 năm 2019');
    assert.equal(citation.issuer?.canonical, 'Chính phủ');
    assert.equal(citation.subject?.text, 'quy định quản lý đầu tư ứng dụng công nghệ thông tin');
    assert.equal(citation.first, true);
  });

  it('reads official letters (issuer and unit code), laws and the issuer-before-date order', () => {
    const text = notice(
      'Theo Công văn số 452/TTg-KSTT ngày 23 tháng 5 năm 2023, Luật số 20/2023/QH15 và Thông báo số 06/TB-VPCP của Văn phòng Chính phủ ngày 10 tháng 01 năm 2024.',
    );
    const [letter, law, tb] = citationsOf(text);
    assert.deepEqual([letter!.symbol.parts.typeCode, letter!.symbol.parts.issuerCode, letter!.symbol.parts.unitCode], [null, 'TTg', 'KSTT']);
    assert.deepEqual([law!.symbol.parts.year, law!.symbol.parts.issuerCode], [2023, 'QH15']);
    assert.equal(tb!.issuer?.canonical, 'Văn phòng Chính phủ');
    assert.equal(spanText(text, tb!.date!), 'ngày 10 tháng 01 năm 2024');
  });

  it('finds broken forms and repairs them in `corrected`', () => {
    const cases: [string, string][] = [
      ['Chỉ thị số 21/CT- TTg', '21/CT-TTg'],
      ['Nghị quyết số 28/nq-cp', '28/NQ-CP'],
      ['Nghị định số 73/2019-NĐ-CP', '73/2019/NĐ-CP'],
      ['Chỉ thị số 04/CT-TTG', '04/CT-TTg'],
    ];
    for (const [written, corrected] of cases) {
      const [citation] = citationsOf(notice(`Thực hiện ${written} của Chính phủ.`));
      assert.equal(citation?.symbol.corrected, corrected, written);
    }
  });

  it('recognises Party documents and leaves them alone', () => {
    const text = notice('Thực hiện Kết luận số 121-KL/TW ngày 24 tháng 01 năm 2025 và Nghị quyết 57-NQ/TW của Bộ Chính trị.');
    const citations = citationsOf(text);
    assert.deepEqual(citations.map((citation) => citation.symbol.party), [true, true]);
    assert.deepEqual(run(text).findings.filter((finding) => finding.rule.startsWith('ref/')), []);
  });

  it('ignores fractions, counts and list numbering', () => {
    const text = notice('Đã triển khai 49/76 dịch vụ công; 3.235/6.786 thôn có cáp quang; tốc độ 100 km/h.\n\n1/ Bộ Công an chủ trì.');
    assert.deepEqual(citationsOf(text), []);
  });

  it('marks the first mention per document', () => {
    const citations = citationsOf(seed('2024-03-06-hop-de-an-06.tb.md')).filter((citation) => citation.symbol.key === '28/NQ-CP');
    assert.deepEqual(citations.map((citation) => citation.first), [true, false]);
  });

  it('works on raw text with a date reader (the workspace scan)', () => {
    const text = 'Xem Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024.';
    const citations = scanCitations(text, 0, text.length, loadKnowledge(), (offset) => (offset === 25 ? { start: 25, end: 50, year: 2024, month: 2, day: 11 } : undefined));
    assert.equal(citations[0]?.symbol.key, '04/CT-TTg');
    assert.equal(citations[0]?.date?.day, 11);
  });

  it('gives the canonical key of a symbol written anywhere', () => {
    assert.equal(symbolKey('6/TB-VPCP', loadKnowledge()), '06/TB-VPCP');
    assert.equal(symbolKey(' 530/TB-VPCP ', loadKnowledge()), '530/TB-VPCP');
    assert.equal(symbolKey('không phải ký hiệu', loadKnowledge()), undefined);
  });
});

describe('ref/* rules', () => {
  it('28/NQ-CP dated "05" and "5" tháng 3: date/padding on the second, no ref/conflict', () => {
    const text = seed('2024-03-06-hop-de-an-06.tb.md');
    const result = run(text);
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'ref/conflict'), []);
    const padding = result.findings.filter((finding) => finding.rule === 'date/padding').map((finding) => spanText(text, finding));
    assert.ok(padding.some((span) => span === '5' || span.includes('ngày 5 tháng 3 năm 2024')), padding.join(' | '));
  });

  it('changing one day to 06 gives ref/conflict on both places, each pointing at the other', () => {
    const text = seed('2024-03-06-hop-de-an-06.tb.md').replace('28/NQ-CP ngày 5 tháng 3', '28/NQ-CP ngày 06 tháng 3');
    const found = findings(text, 'ref/conflict');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['ngày 05 tháng 3 năm 2024', 'ngày 06 tháng 3 năm 2024']);
    assert.equal(found[0]!.related?.length, 1);
    assert.equal(spanText(text, found[0]!.related![0]!), 'ngày 06 tháng 3 năm 2024');
    assert.match(found[1]!.message.vi, /05\/03\/2024/u);
    // The shipped date of 28/NQ-CP is not verified: no automatic fix.
    assert.equal(found[1]!.fix, undefined);
  });

  it('ref/conflict fixes a date from a verified registry entry', () => {
    const registry = registryFromEntries([entry({ symbol: '175/NQ-CP', date: { year: 2023, month: 10, day: 30 }, verified: true })]);
    const text = notice('Triển khai Nghị quyết số 175/NQ-CP ngày 31 tháng 10 năm 2023 của Chính phủ phê duyệt Đề án Trung tâm dữ liệu quốc gia.');
    const [finding] = findings(text, 'ref/conflict', { registry });
    assert.ok(finding?.fix);
    assert.match(applyEdits(text, finding.fix.edits).text, /175\/NQ-CP ngày 30 tháng 10 năm 2023 của/u);
  });

  it('the shipped registry knows Nghị định 30/2020/NĐ-CP (the decree on official documents): resolved with its date, its date offered for another', () => {
    const right = notice('Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.');
    assert.deepEqual(run(right).findings.filter((finding) => finding.rule.startsWith('ref/')).map((finding) => finding.rule), []);
    const wrong = notice('Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 02 năm 2020 của Chính phủ về công tác văn thư.');
    const [finding] = findings(wrong, 'ref/conflict');
    assert.match(applyEdits(wrong, finding!.fix!.edits).text, /30\/2020\/NĐ-CP ngày 05 tháng 3 năm 2020 của/u);
  });

  it('ref/conflict across files through registry.citationsElsewhere', () => {
    const other = 'file:///ws/khac.tb.md';
    const range = { start: { line: 3, character: 10 }, end: { line: 3, character: 34 } };
    const registry = registryFromEntries([], [{ uri: other, range, dateRange: range, symbol: '97/NQ-CP', date: { year: 2023, month: 7, day: 9 }, issuer: 'Chính phủ' }]);
    const text = notice('Triển khai theo Nghị quyết số 97/NQ-CP ngày 08 tháng 7 năm 2023 của Chính phủ.');
    const [finding] = findings(text, 'ref/conflict', { registry, uri: 'file:///ws/nay.tb.md' });
    assert.ok(finding);
    assert.equal(finding.related?.[0]?.uri, other);
    assert.match(finding.message.vi, /khac\.tb\.md/u);
    assert.deepEqual(findings(text, 'ref/conflict', { registry, uri: other }), []);
  });

  it('"21/CT- TTg" gives ref/symbol-format with a fix', () => {
    const text = seed('2024-01-10-so-ket-de-an-06.tb.md');
    const [finding] = findings(text, 'ref/symbol-format');
    assert.equal(spanText(text, finding!), '21/CT- TTg');
    assert.match(finding!.message.vi, /“21\/CT-TTg”/u);
    assert.match(applyEdits(text, finding!.fix!.edits).text, /Chỉ thị số 21\/CT-TTg ngày 25/u);
  });

  it('ref/symbol-format suggests the registry symbol for a misspelt issuer code', () => {
    const text = seed('2024-03-06-hop-de-an-06.tb.md');
    const found = findings(text, 'ref/symbol-format');
    const bttt = found.find((finding) => spanText(text, finding) === '2589/BTTT-UDCNTT');
    assert.ok(bttt?.fix, 'verified entry: fix offered');
    assert.equal(bttt.fix.edits[0]!.newText, '2589/BTTTT-ƯDCNTT');
    const unverified = found.find((finding) => spanText(text, finding) === '708/BTTT-CATTT');
    assert.equal(unverified?.severity, 'warning');
    assert.equal(unverified?.fix, undefined);
  });

  it('"Nghị quyết 01/NQ-CP" gives ref/missing-so with a fix', () => {
    const text = seed('2024-03-06-hop-de-an-06.tb.md');
    const found = findings(text, 'ref/missing-so');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['Nghị quyết 01/NQ-CP', 'Nghị quyết 175/NQ-CP']);
    assert.equal(found[0]!.severity, 'info');
    assert.match(applyEdits(text, found[0]!.fix!.edits).text, /Nghị quyết số 01\/NQ-CP ngày 05 tháng 01/u);
  });

  it('ref/incomplete-first: seed cases, and a completion from the registry', () => {
    const text = seed('2024-03-06-hop-de-an-06.tb.md');
    const found = findings(text, 'ref/incomplete-first').map((finding) => findSymbol(spanText(text, finding)));
    assert.deepEqual(found, ['73/2019/NĐ-CP', '708/BTTT-CATTT', '1552/BTTT-THH', '107/2021/NĐ-CP', '45/2020/NĐ-CP']);
    const registry = registryFromEntries([entry({ symbol: '45/2020/NĐ-CP', date: { year: 2020, month: 4, day: 8 }, issuer: 'Chính phủ', verified: true })]);
    const short = notice('Số hóa theo yêu cầu tại Nghị định số 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử.');
    const [finding] = findings(short, 'ref/incomplete-first', { registry });
    assert.match(applyEdits(short, finding!.fix!.edits).text, /Nghị định số 45\/2020\/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện/u);
  });

  it('ref/incomplete-first accepts an issuer named just before the citation', () => {
    const text = notice('Triển khai theo chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị số 04/CT-TTg ngày 11 tháng 02 năm 2024 về tiếp tục đẩy mạnh triển khai Đề án 06.');
    assert.deepEqual(findings(text, 'ref/incomplete-first'), []);
  });

  it('ref/type-mismatch and ref/year-mismatch', () => {
    const text = notice('Thực hiện Nghị quyết số 12/CT-TTg ngày 11 tháng 02 năm 2024 và Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2020 của Chính phủ.');
    assert.deepEqual(findings(text, 'ref/type-mismatch').map((finding) => spanText(text, finding)), ['Nghị quyết số 12/CT-TTg']);
    assert.equal(findings(text, 'ref/year-mismatch').length, 1);
  });

  it('ref/unknown (info) and ref/superseded from the registry', () => {
    const registry = registryFromEntries([entry({ symbol: '59/2022/NĐ-CP', inForce: false, endOfValidity: { year: 2024, month: 7, day: 1 }, replacedBy: '69/2024/NĐ-CP' })]);
    const body = 'Triển khai Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm 2022 của Chính phủ và Nghị quyết số 999/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.';
    const superseded = findings(notice(body), 'ref/superseded', { registry });
    assert.match(superseded[0]!.message.vi, /69\/2024\/NĐ-CP/u);
    assert.deepEqual(findings(notice(body, { date: '2024-01-10' }), 'ref/superseded', { registry }), []);
    const unknown = findings(notice(body), 'ref/unknown', { registry });
    assert.deepEqual(unknown.map((finding) => finding.severity), ['info']);
  });

  it('ref/superseded leaves a document named as ended, as the one replaced, beside its replacement or in the past', () => {
    const registry = registryFromEntries([entry({ symbol: '59/2022/NĐ-CP', inForce: false, endOfValidity: { year: 2024, month: 7, day: 1 }, replacedBy: '69/2024/NĐ-CP' })]);
    const cited = 'Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm 2022 của Chính phủ';
    for (const body of [
      `Nghị định số 69/2024/NĐ-CP ngày 25 tháng 6 năm 2024 của Chính phủ thay thế ${cited}.`,
      `Bộ Công an đã triển khai ${cited} (đã hết hiệu lực) và nay triển khai văn bản mới.`,
      `Trước đây, Bộ Công an triển khai ${cited}.`,
      `Bộ Công an chuyển từ ${cited} sang Nghị định số 69/2024/NĐ-CP.`,
    ]) {
      assert.deepEqual(findings(notice(body), 'ref/superseded', { registry }), [], body);
    }
    // Cited as the rule to follow, it is still reported, whatever else the next sentence says.
    const text = notice(`Bộ Công an triển khai ${cited}. Nghị định số 69/2024/NĐ-CP ngày 25 tháng 6 năm 2024 của Chính phủ đã được ban hành.`);
    assert.equal(findings(text, 'ref/superseded', { registry }).length, 1);
  });

  it('date/after-issue: a cited date after the notice’s date', () => {
    const text = notice('Triển khai Nghị quyết số 28/NQ-CP ngày 05 tháng 12 năm 2024 của Chính phủ.');
    assert.deepEqual(findings(text, 'date/after-issue').map((finding) => spanText(text, finding)), ['ngày 05 tháng 12 năm 2024']);
  });

  it('raises nothing on the correct 530/TB-VPCP notice', () => {
    const text = seed('2024-11-22-530-TB-VPCP.tb.md');
    assert.deepEqual(run(text).findings.filter((finding) => finding.rule.startsWith('ref/')), []);
  });
});

function findSymbol(text: string): string {
  return /\d+\/[^\s]+/u.exec(text)![0];
}

function entry(overrides: Partial<RegistryEntry> & { symbol: string }): RegistryEntry {
  return { type: 'Nghị quyết', date: null, issuer: null, subject: null, inForce: true, endOfValidity: null, replacedBy: null, verified: false, origin: 'workspace-registry', ...overrides };
}
