import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../server/src/core/fixes.js';
import { fixAll } from '../../server/src/core/fixAll.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { findings, notice, run, spanText } from '../helpers.js';

const seeds = path.join(import.meta.dirname, '..', 'fixtures', 'seeds');
const seed = (name: string) => readFileSync(path.join(seeds, name), 'utf8');

/** A whole notice with the given body, recipients and signature. */
function whole(body: string, recipients = '- Thủ tướng Chính phủ;\n- Lưu: VT, KSTT(2).', signature = 'BỘ TRƯỞNG, CHỦ NHIỆM\n\nTrần Văn Sơn'): string {
  return `---\nco-quan: Văn phòng Chính phủ\nso: 530/TB-VPCP\ndia-danh: Hà Nội\nngay: 2024-11-22\nloai: Thông báo\ntrich-yeu: Kết luận của Phó Thủ tướng\n---\n\n${body}\n\n## Nơi nhận\n\n${recipients}\n\n## Chữ ký\n\n${signature}\n`;
}

function fixed(text: string, ruleId: string): string {
  return applyEdits(text, findings(text, ruleId).flatMap((finding) => finding.fix?.edits ?? [])).text;
}

describe('numbering extraction', () => {
  it('reads the drafter’s numbers, not Markdown’s, and scopes items and points', () => {
    const text = notice('## I. Một\n\n1. A\n\n3. B\n\na) x\n\nb) y\n\n## II. Hai\n\n1. C');
    const { sequences } = run(text).facts.numbering;
    assert.deepEqual(
      sequences.map((sequence) => `${sequence.level}:${sequence.markers.map((marker) => marker.value).join(',')}`),
      ['section:I,II', 'item:1,3', 'point:a,b', 'item:1'],
    );
  });

  it('restarts sections under each part A., B. as in seed 001', () => {
    const sequences = run(seed('2024-01-10-so-ket-de-an-06.tb.md')).facts.numbering.sequences;
    const sections = sequences.filter((sequence) => sequence.level === 'section');
    assert.deepEqual(sections.map((sequence) => sequence.markers.map((marker) => marker.value).join(',')), ['I,II,III', 'I,II,III']);
    assert.deepEqual(sequences.filter((sequence) => sequence.level === 'part')[0]!.markers.map((marker) => marker.value), ['A', 'B']);
  });

  it('reads points on later lines of one paragraph', () => {
    const text = notice('1. Bộ Công an:\n\na) Một;\nb) Hai;\nd) Ba.');
    const points = run(text).facts.numbering.sequences.find((sequence) => sequence.level === 'point')!;
    assert.deepEqual(points.markers.map((marker) => marker.value), ['a', 'b', 'd']);
  });
});

describe('the model', () => {
  it('reads web and e-mail addresses as no prose, like code, and finds nothing in them', () => {
    const addresses = ['www.chinhphu.vn', 'https://vanban.chinhphu.vn/?pageid=27160&docid=212345', 'https://dichvucong.gov.vn/tra-cuu?tu=kiem+tra&loai=VAN,ban#muc*tieu*chinh', 'vpcp@chinhphu.gov.vn'];
    const sentence = `Các cơ quan gửi ý kiến qua Cổng Thông tin điện tử Chính phủ (${addresses[0]}, ${addresses[1]}), tra cứu tại ${addresses[2]} hoặc hộp thư ${addresses[3]} trước ngày 15 tháng 12 năm 2024.`;
    const text = notice(sentence);
    const result = run(text);
    const start = text.indexOf(sentence);
    const prose = result.model.prose.slice(start, start + sentence.length);
    assert.equal(prose, addresses.reduce((blanked, address) => blanked.replace(address, ' '.repeat(address.length)), sentence));
    assert.deepEqual(result.findings.filter((finding) => finding.start >= start && finding.end <= start + sentence.length).map((finding) => finding.rule), []);
  });

  it('reads the words of a link written with its own text as prose', () => {
    const sentence = 'Xem [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) và tổng kêt năm 2024.';
    const text = notice(sentence);
    const result = run(text);
    const start = text.indexOf(sentence);
    assert.match(result.model.prose.slice(start, start + sentence.length), /^Xem  Cổng Dịch vụ công quốc gia {26}/u);
    assert.deepEqual(result.findings.filter((finding) => finding.start >= start && finding.rule === 'typo/spelling').map((finding) => text.slice(finding.start, finding.end)), ['kêt']);
  });
});

describe('structure/numbering', () => {
  it('reports a skipped item once and renumbers the whole sequence in one fix', () => {
    const text = notice('1. Một.\n\n2. Hai.\n\n4. Bốn.\n\n5. Năm.');
    const [finding, ...rest] = findings(text, 'structure/numbering');
    assert.equal(rest.length, 0);
    assert.equal(spanText(text, finding!), '4.');
    assert.match(finding!.message.vi, /nhảy cóc.*“3\.”/u);
    assert.equal(finding!.fix!.edits.length, 2);
    assert.match(fixed(text, 'structure/numbering'), /1\. Một\.\n\n2\. Hai\.\n\n3\. Bốn\.\n\n4\. Năm\./u);
  });

  it('knows đ comes after d and g right after e', () => {
    const text = notice('1. Về quan điểm\n\na) A.\n\nb) B.\n\nc) C.\n\nd) D.\n\ne) E.\n\nf) F.');
    const [finding] = findings(text, 'structure/numbering');
    assert.equal(spanText(text, finding!), 'e)');
    assert.match(fixed(text, 'structure/numbering'), /d\) D\.\n\nđ\) E\.\n\ne\) F\./u);
    assert.deepEqual(findings(notice('1. X\n\na) A.\n\nb) B.\n\nc) C.\n\nd) D.\n\nđ) Đ.\n\ne) E.\n\ng) G.\n\nh) H.'), 'structure/numbering'), []);
  });

  it('renumbers Roman sections and repeated points', () => {
    assert.match(fixed(notice('## I. Một\n\n## III. Ba\n\n## IV. Bốn'), 'structure/numbering'), /## I\. Một\n\n## II\. Ba\n\n## III\. Bốn/u);
    const text = notice('1. X\n\na) A.\n\na) B.');
    assert.match(findings(text, 'structure/numbering')[0]!.message.vi, /lặp lại/u);
  });

  it('accepts items numbered on across sections, and a restart in each section', () => {
    assert.deepEqual(findings(notice('## I. Một\n\n1. A\n\n2. B\n\n## II. Hai\n\n3. C\n\n4. D'), 'structure/numbering'), []);
    assert.deepEqual(findings(notice('## I. Một\n\n1. A\n\n2. B\n\n## II. Hai\n\n1. C'), 'structure/numbering'), []);
  });

  it('finds nothing in the four seeds', () => {
    for (const name of ['2024-03-06-hop-de-an-06.tb.md', '2024-01-10-so-ket-de-an-06.tb.md', '2024-11-22-530-TB-VPCP.tb.md', '2023-07-12-hoi-nghi-chuyen-doi-so.tb.md']) {
      assert.deepEqual(findings(seed(name), 'structure/numbering'), [], name);
    }
  });
});

describe('structure/closing', () => {
  it('replaces a plain full stop of the closing formula by ./.', () => {
    const text = whole('Văn phòng Chính phủ thông báo để các bộ, cơ quan biết, thực hiện.');
    const [finding] = findings(text, 'structure/closing');
    assert.equal(spanText(text, finding!), '.');
    assert.match(fixed(text, 'structure/closing'), /biết, thực hiện\.\/\.\n/u);
  });

  it('adds ./. where nothing ends the formula, and accepts a body ending in ./. without a formula', () => {
    assert.match(fixed(whole('Văn phòng Chính phủ thông báo để các bộ biết, thực hiện'), 'structure/closing'), /thực hiện\.\/\.\n/u);
    assert.deepEqual(findings(whole('1. Bộ Công an chủ trì thực hiện./.'), 'structure/closing'), []);
  });

  it('reports a missing closing formula without a fix', () => {
    const [finding] = findings(whole('Bộ Công an chủ trì thực hiện.'), 'structure/closing');
    assert.match(finding!.message.vi, /Thiếu câu kết/u);
    assert.equal(finding!.fix, undefined);
  });
});

describe('structure/recipients', () => {
  const body = 'Văn phòng Chính phủ thông báo để các bộ biết, thực hiện./.';

  it('accepts the drafter’s mark after Lưu (seeds: KSTT(3).VTA, KSTT (2). *LC*, KSTT(3).Hữu)', () => {
    for (const last of ['- Lưu: VT, KSTT(3).VTA', '- Lưu: VT, KSTT (2). *LC*', '- Lưu: VT, KSTT(3).Hữu', '- Lưu: VT, KSTT(3).']) {
      assert.deepEqual(findings(whole(body, `- Thủ tướng Chính phủ;\n${last}`), 'structure/recipients'), [], last);
    }
  });

  it('fixes an entry ending with “.” or nothing into “;”', () => {
    const text = whole(body, '- Thủ tướng Chính phủ.\n- Các bộ, cơ quan ngang bộ\n- Lưu: VT, KSTT(2).');
    assert.equal(findings(text, 'structure/recipients').length, 2);
    assert.match(fixed(text, 'structure/recipients'), /- Thủ tướng Chính phủ;\n- Các bộ, cơ quan ngang bộ;\n- Lưu/u);
  });

  it('fixes the Lưu line’s end and colon', () => {
    assert.match(fixed(whole(body, '- Thủ tướng Chính phủ;\n- Lưu: VT, KSTT(2);'), 'structure/recipients'), /- Lưu: VT, KSTT\(2\)\.\n/u);
    assert.match(fixed(whole(body, '- Thủ tướng Chính phủ;\n- Lưu VT, KSTT(2).'), 'structure/recipients'), /- Lưu: VT, KSTT\(2\)\.\n/u);
  });

  it('reports a last line that is not Lưu, and a missing Nơi nhận', () => {
    assert.match(findings(whole(body, '- Thủ tướng Chính phủ;\n- Các bộ;'), 'structure/recipients')[0]!.message.vi, /Lưu: VT/u);
    const text = notice('x').replace(/## Nơi nhận[\s\S]*?(?=## Chữ ký)/u, '');
    assert.match(findings(text, 'structure/recipients')[0]!.message.vi, /Thiếu phần “Nơi nhận”/u);
  });
});

describe('structure/signature', () => {
  const body = 'Văn phòng Chính phủ thông báo để các bộ biết, thực hiện./.';

  it('reports KT. without a deputy title (seed 003) and accepts it with one', () => {
    const [finding] = findings(seed('2024-11-22-530-TB-VPCP.tb.md'), 'structure/signature');
    assert.match(finding!.message.vi, /PHÓ CHỦ NHIỆM/u);
    assert.deepEqual(findings(whole(body, undefined, 'KT. BỘ TRƯỞNG, CHỦ NHIỆM\\\nPHÓ CHỦ NHIỆM\n\nCao Huy'), 'structure/signature'), []);
    assert.deepEqual(findings(whole(body, undefined, 'KT. BỘ TRƯỞNG, CHỦ NHIỆM\n\nPHÓ CHỦ NHIỆM\n\nCao Huy'), 'structure/signature'), []);
  });

  it('accepts the known prefixes and reports unknown ones', () => {
    for (const prefix of ['TM. ỦY BAN NHÂN DÂN\\\nCHỦ TỊCH', 'TL. BỘ TRƯỞNG\\\nVỤ TRƯỞNG', 'TUQ. BỘ TRƯỞNG\\\nCỤC TRƯỞNG', 'Q. BỘ TRƯỞNG', 'BỘ TRƯỞNG, CHỦ NHIỆM']) {
      assert.deepEqual(findings(whole(body, undefined, `${prefix}\n\nNguyễn Văn A`), 'structure/signature'), [], prefix);
    }
    assert.match(findings(whole(body, undefined, 'T/M. ỦY BAN NHÂN DÂN\\\nCHỦ TỊCH\n\nNguyễn Văn A'), 'structure/signature')[0]!.message.vi, /TM\./u);
    assert.match(findings(whole(body, undefined, 'KT BỘ TRƯỞNG\\\nTHỨ TRƯỞNG\n\nNguyễn Văn A'), 'structure/signature')[0]!.message.vi, /“KT\.”, có dấu chấm/u);
  });

  it('reports a missing signature block', () => {
    const text = notice('x').replace(/## Chữ ký[\s\S]*$/u, '');
    assert.match(findings(text, 'structure/signature')[0]!.message.vi, /Thiếu phần chữ ký/u);
  });
});

describe('structure/footnote', () => {
  it('reports a reference without definition and an unreferenced definition (faded)', () => {
    const text = notice('Còn 9 nhiệm vụ chậm[^1] và 3 địa phương[^2].\n\n[^1]: Năm nhiệm vụ.\n\n[^3]: Ba.');
    const found = findings(text, 'structure/footnote');
    assert.deepEqual(found.map((finding) => spanText(text, finding)), ['[^2]', '[^3]:']);
    assert.equal(found[1]!.unnecessary, true);
    assert.equal(found[0]!.unnecessary, undefined);
  });

  it('finds nothing in the seeds with footnotes', () => {
    assert.deepEqual(findings(seed('2024-01-10-so-ket-de-an-06.tb.md'), 'structure/footnote'), []);
    assert.deepEqual(findings(seed('2024-11-22-530-TB-VPCP.tb.md'), 'structure/footnote'), []);
  });
});

describe('fix-all over structure and typography', () => {
  it('fixes several rules of one notice in one run, and the result is clean for them', () => {
    const text = whole('1. Bộ Công an  chủ trì.\n\n3. Nghị Quyết số 28/NQ-CP.\n\nVăn phòng Chính phủ thông báo để các bộ biết, thực hiện.', '- Thủ tướng Chính phủ\n- Lưu: VT, KSTT(2)');
    const result = fixAll(text, { knowledge: loadKnowledge(), config: DEFAULT_CONFIG, today: { year: 2026, month: 1, day: 1 } });
    const left = run(result.text).findings.filter((finding) => /^(structure|typo)\//u.test(finding.rule));
    assert.deepEqual(left.map((finding) => finding.rule), []);
    assert.match(result.text, /1\. Bộ Công an chủ trì\.\n\n2\. Nghị quyết số 28\/NQ-CP\./u);
  });
});
