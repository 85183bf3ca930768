import assert from 'node:assert/strict';
import { fixAll } from '../../server/src/core/fixAll.js';
import { metaMissingField } from '../../server/src/core/rules/meta/missingField.js';
import { analyzeOptions, checkFixes } from './invariants.js';
import { findings, notice } from '../helpers.js';

/** Inputs the property suites found; each once broke "fixing is idempotent and introduces nothing". */
describe('fix regressions found by the property suites', () => {
  it('meta/missing-field inserts no key into front matter that is not valid YAML (it looped, adding a line per pass)', () => {
    const text = '---\nco-quan:\u200b Văn\u200b phòng\nso: x\nloai:\u200b Thông\u200b báo\n---\n\nNội dung.\n';
    checkFixes(text);
    assert.equal(fixAll(text, { ...analyzeOptions, rules: [metaMissingField] }).text, text);
  });

  it('meta/missing-field keeps a comment after an empty key a comment ("dia-danh: # …")', () => {
    const text = '---\ndia-danh: # nơi ban hành\nco-quan: Văn phòng Chính phủ\n---\n\nNội dung.\n';
    checkFixes(text);
    assert.ok(fixAll(text, analyzeOptions).text.includes('dia-danh: Hà Nội # nơi ban hành\n'));
  });

  it('meta/missing-field fills an empty block scalar ("loai: |") without joining the next line', () => {
    const text = '---\nloai: |\nngay: 2024-11-22\nco-quan: Văn phòng Chính phủ\n---\n\nNội dung.\n';
    checkFixes(text);
    assert.ok(fixAll(text, analyzeOptions).text.includes('loai: Thông báo\nngay: 2024-11-22\n'));
  });

  it('meta/missing-field does not fill a key whose line holds something YAML did not read as its value ("so: - x")', () => {
    const text = '---\nso: - x\nco-quan: Văn phòng Chính phủ\n---\n\nNội dung.\n';
    checkFixes(text);
    assert.ok(fixAll(text, analyzeOptions).text.includes('so: - x\n'));
  });
  it('structure/numbering offers no renumbering that would merge an item into the paragraph above it', () => {
    const text = notice('1. Một.\n\n2. Hai.\n\nĐoạn giữa.\n1. Ba.');
    const [finding] = findings(text, 'structure/numbering');
    assert.ok(finding, 'the repeated "1." is reported');
    assert.equal(finding!.fix, undefined);
    checkFixes(text);
  });

  it('no fix writes the name of a body not in force on the notice\'s date (agency/unknown, abbr/undefined)', () => {
    const dated2026 = (body: string) => notice(body, { date: '2026-01-15' });
    const misspelt = findings(dated2026('Bộ Thông tin và Truyền thô chủ trì.'), 'agency/unknown');
    assert.equal(misspelt.length, 1);
    assert.equal(misspelt[0]!.fix, undefined);
    const short = findings(dated2026('Phối hợp với Bộ TTTT.'), 'abbr/undefined');
    assert.equal(short.length, 1);
    assert.equal(short[0]!.fix, undefined);
    assert.ok(findings(notice('Phối hợp với Bộ TTTT.'), 'abbr/undefined')[0]!.fix, 'in 2024 the name is spelled out');
  });

  it('abbr/undefined spells out every use before a late introduction, so one round settles them', () => {
    const text = notice('Kết nối CSDL của các bộ.\n\nLàm sạch CSDL của các tỉnh.\n\nXây dựng cơ sở dữ liệu (CSDL) dùng chung.');
    assert.equal(findings(text, 'abbr/undefined').length, 2);
    const { text: fixed, rounds } = fixAll(text, analyzeOptions);
    assert.equal(rounds, 1);
    assert.equal(findings(fixed, 'abbr/undefined').length, 0);
  });
  it('meta/number-format joins spaces around "/" and "-" only, never the words of something that is no symbol', () => {
    const junk = '---\nso: 73/2019/NĐ-CPPhó Thủ tướng\n---\n\n\n';
    checkFixes(junk);
    assert.equal(findings(junk, 'meta/number-format')[0]!.fix, undefined);
    const spaced = notice('Nội dung.').replace('so: 530/TB-VPCP', 'so: 530 / TB - VPCP');
    assert.equal(findings(spaced, 'meta/number-format')[0]!.fix!.edits[0]!.newText, '530/TB-VPCP');
  });
});
