import assert from 'node:assert/strict';
import { fixAll } from '../../server/src/core/fixAll.js';
import { metaMissingField } from '../../server/src/core/rules/meta/missingField.js';
import { analyzeOptions, checkFixes } from './invariants.js';

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
});
