import assert from 'node:assert/strict';
import { markdownBlocks, parseNotice } from '../../server/src/core/parse.js';
import { layoutNotice, plainRuns, type NoticeLayout } from '../../server/src/core/layout/index.js';
import { textWidth } from '../../server/src/core/layout/metrics.js';
import { readNotice } from './fixtures.js';

function layout(text: string): NoticeLayout {
  const result = layoutNotice(parseNotice(text));
  assert.ok(result.ok, result.ok ? '' : result.problems.map((problem) => problem.en).join('; '));
  return result.layout;
}

const seed530 = readNotice('test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md');

describe('layout model', () => {
  it('prints the header of seed 003 (530/TB-VPCP) as the decree writes it', () => {
    const { header, type, subject } = layout(seed530);
    assert.deepEqual(header.body.map((item) => plainRuns(item.runs)), ['VĂN PHÒNG CHÍNH PHỦ']);
    assert.deepEqual(header.nation.map((item) => plainRuns(item.runs)), ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    assert.equal(plainRuns(header.number.runs), 'Số: 530/TB-VPCP');
    assert.equal(plainRuns(header.placeDate.runs), 'Hà Nội, ngày 22 tháng 11 năm 2024');
    assert.equal(plainRuns(type.runs), 'THÔNG BÁO');
    assert.equal(plainRuns(subject.runs), 'Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình tại Hội nghị thúc đẩy triển khai các nhiệm vụ Đề án 06');
  });

  it('pads day and month as PL I, II.4.b says; a draft keeps blanks for the number and the whole date, year included', () => {
    const dated = layout(seed530.replace('ngay: 2024-11-22', 'ngay: 2025-02-05'));
    assert.equal(plainRuns(dated.header.placeDate.runs), 'Hà Nội, ngày 05 tháng 02 năm 2025');
    const march = layout(seed530.replace('ngay: 2024-11-22', 'ngay: 2025-03-09'));
    assert.equal(plainRuns(march.header.placeDate.runs), 'Hà Nội, ngày 09 tháng 3 năm 2025');
    const draft = layout(seed530.replace('so: 530/TB-VPCP', 'so: …/TB-VPCP').replace('ngay: 2024-11-22', 'ngay:'));
    assert.equal(plainRuns(draft.header.number.runs), 'Số:      /TB-VPCP');
    // Not the year of the export: the signer fills in day, month and year, and the same draft always prints the same.
    assert.equal(plainRuns(draft.header.placeDate.runs), 'Hà Nội, ngày      tháng      năm      ');
  });

  it('a literal subject keeps the drafter\'s line breaks (seed 003 l.12–13)', () => {
    const text = seed530.replace(/trich-yeu: >-\n  (.+)\n  (.+)\n/u, 'trich-yeu: |-\n  Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình\n  tại Hội nghị thúc đẩy triển khai các nhiệm vụ Đề án 06\n');
    const { subject, subjectRule } = layout(text);
    assert.equal(plainRuns(subject.runs), 'Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình\ntại Hội nghị thúc đẩy triển khai các nhiệm vụ Đề án 06');
    const longest = textWidth('Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình', 14, true);
    assert.equal(subjectRule.length, Math.round(longest * 0.4));
  });

  it('rule lengths from Times New Roman metrics agree with the widths measured in LibreOffice (official-layout.md §3.3)', () => {
    for (const [text, size, bold, measured] of [
      ['VĂN PHÒNG CHÍNH PHỦ', 13, true, 3139],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 13, true, 5418],
      ['Độc lập - Tự do - Hạnh phúc', 14, true, 3424],
      ['Số: 530/TB-VPCP', 13, false, 1942],
      ['THÔNG BÁO', 14, true, 1719],
      ['Kết luận của Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình', 14, true, 8571],
      ['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 13, true, 3786],
    ] as const) {
      const width = textWidth(text, size, bold);
      assert.ok(Math.abs(width - measured) / measured < 0.02, `${text}: ${width} against ${measured}`);
    }
  });

  it('body: headings bold, literal numbering, footnotes numbered by first reference, closing formula marked', () => {
    const { body, footnotes } = layout(readNotice('test/fixtures/seeds/2024-01-10-so-ket-de-an-06.tb.md'));
    const paragraphs = body.flatMap((block) => (block.kind === 'paragraph' ? [block] : []));
    assert.ok(paragraphs.some((item) => item.style === 'heading' && /^I\. /u.test(plainRuns(item.runs))));
    assert.ok(paragraphs.some((item) => /^2\. Nhiều nhiệm vụ đề ra/u.test(plainRuns(item.runs))));
    assert.deepEqual(footnotes.map((footnote) => footnote.number), [1, 2, 3]);
    assert.match(plainRuns(footnotes[1]!.paragraphs[0]!.runs), /^An Giang, Bà Rịa-Vũng Tàu/u);
    const references = paragraphs.flatMap((item) => item.runs.filter((run) => run.kind === 'footnote'));
    assert.equal(references.length, 3);
    assert.equal(paragraphs.filter((item) => item.style === 'closingFormula').length, 1);
    assert.match(plainRuns(paragraphs.at(-1)!.runs), /\.\/\.$/u);
  });

  it('prints web and e-mail addresses as written, strikethrough and tables as GFM reads them', () => {
    const addresses = 'Xem tại www.chinhphu.vn, https://vanban.chinhphu.vn/?pageid=27160&docid=212345 hoặc hộp thư vpcp@chinhphu.gov.vn.';
    const text = seed530.replace(/\n## Nơi nhận/u, `\n${addresses} Không ~~áp dụng~~.\n\n| Cơ quan | Hạn |\n|---|---|\n| Bộ Công an | Quý I |\n\n## Nơi nhận`);
    const { body } = layout(text);
    const paragraph = body.find((block) => block.kind === 'paragraph' && plainRuns(block.runs).startsWith('Xem tại'));
    assert.ok(paragraph && paragraph.kind === 'paragraph');
    assert.equal(plainRuns(paragraph.runs), `${addresses} Không áp dụng.`);
    assert.deepEqual(paragraph.runs.filter((run) => run.kind === 'text' && run.strike).map((run) => run.kind === 'text' && run.text), ['áp dụng']);
    assert.ok(body.some((block) => block.kind === 'table'));
  });

  it('closing: "Nơi nhận:", the entries as written, title lines and the name from "## Chữ ký"', () => {
    const { closing } = layout(readNotice('examples/thong-bao-mau.tb.md'));
    assert.ok(closing);
    assert.equal(plainRuns(closing.recipients[0]!.runs), 'Nơi nhận:');
    assert.equal(plainRuns(closing.recipients[1]!.runs), '- TTgCP, các PTTgCP (để b/c);');
    assert.equal(plainRuns(closing.recipients.at(-1)!.runs), '- Lưu: VT, KGVX (2).');
    assert.deepEqual(closing.titles.map((title) => plainRuns(title.runs)), ['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM']);
    assert.equal(plainRuns(closing.name!.runs), 'Trần Văn B');
    assert.deepEqual(closing.columns, [5095, 4189]);
  });

  it('widens the signature column for a title line that would wrap', () => {
    const text = readNotice('examples/thong-bao-mau.tb.md').replace('KT. BỘ TRƯỞNG, CHỦ NHIỆM\\', 'TL. BỘ TRƯỞNG, CHỦ NHIỆM VĂN PHÒNG CHÍNH PHỦ\\');
    const { closing } = layout(text);
    const width = textWidth('TL. BỘ TRƯỞNG, CHỦ NHIỆM VĂN PHÒNG CHÍNH PHỦ', 13, true);
    assert.ok(closing!.columns[1] >= width + 216);
    assert.equal(closing!.columns[0] + closing!.columns[1], 9284);
  });

  it('walks the analysis\'s own tree: after edits the incremental reparse the server keeps gives the layout of a full parse', () => {
    // Seed 004 has no brackets, so its edits are reparsed in place; seed 003's footnotes make them full parses.
    for (const notice of [readNotice('test/fixtures/seeds/2023-07-12-hoi-nghi-chuyen-doi-so.tb.md'), seed530]) {
      const middle = notice.indexOf('\n', Math.floor(notice.length / 2));
      const typed = `${notice.slice(0, middle)} và các bộ, ngành${notice.slice(middle)}`;
      const paragraphStart = notice.indexOf('\n\n', middle) + 2;
      const removed = `${typed.slice(0, paragraphStart + 20)}${typed.slice(typed.indexOf('\n\n', paragraphStart + 20))}`;
      let previous = parseNotice(notice);
      for (const text of [typed, removed, `\ufeff${removed}`]) {
        const incremental = parseNotice(text, previous);
        const result = layoutNotice(incremental);
        assert.deepEqual(result, layoutNotice(parseNotice(text)));
        assert.ok(result.ok);
        // Each printed paragraph points at its own source text (offsets in the notice, whatever slice a block was parsed from).
        for (const block of result.layout.body) {
          if (block.kind !== 'paragraph') continue;
          const words = plainRuns(block.runs).replace(/^(?:\d+\.|[a-zđ]\)|-)\s*/u, '').split(' ').slice(0, 3).join(' ');
          assert.ok(text.slice(block.source!.start, block.source!.end).includes(words), `${words} at ${block.source!.start}`);
        }
        previous = incremental;
      }
      if (notice !== seed530) assert.ok(markdownBlocks(parseNotice(removed, parseNotice(typed))).some((block) => block.shift > 0), 'the edit was reparsed in place, not in a full parse');
    }
  });

  it('refuses what it cannot lay out, saying why', () => {
    const noFrontMatter = layoutNotice(parseNotice('Văn phòng Chính phủ thông báo./.\n'));
    assert.ok(!noFrontMatter.ok);
    assert.match(noFrontMatter.problems[0]!.en, /no front matter/u);
    const noIssuer = layoutNotice(parseNotice(seed530.replace('co-quan: Văn phòng Chính phủ\n', '')));
    assert.ok(!noIssuer.ok);
    assert.match(noIssuer.problems[0]!.vi, /co-quan/u);
  });
});
