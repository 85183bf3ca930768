import assert from 'node:assert/strict';
import { newNoticeSnippet, nextNoticeNumber } from '../../server/src/core/features/newNotice.js';
import { expandDefaults } from '../../server/src/core/features/snippets.js';
import { run } from '../helpers.js';

describe('new notice command', () => {
  it('finds the next free number among the notices of the same year', () => {
    const headers = [
      { so: '530/TB-VPCP', ngay: '2024-11-22' },
      { so: '06/TB-VPCP', ngay: '2025-01-10' },
      { so: '12/TB-VPCP', ngay: '2025-02-03' },
      { so: '…/TB-VPCP', ngay: '2025-03-01' },
      { so: '40/QĐ-TTg', ngay: '2025-03-01' },
      { so: '99/TB-VPCP' },
    ];
    assert.equal(nextNoticeNumber(headers, 2025), '13');
    assert.equal(nextNoticeNumber(headers, 2024), '531');
    assert.equal(nextNoticeNumber([{ so: '05/TB-VPCP', ngay: '2026-01-02' }], 2026), '06');
    assert.equal(nextNoticeNumber(headers, 2026), undefined);
  });

  it('dates the skeleton today and offers the next number, else the draft form', () => {
    const today = { year: 2026, month: 2, day: 7 };
    const numbered = newNoticeSnippet(today, [{ so: '41/TB-VPCP', ngay: '2026-01-30' }]);
    assert.match(numbered, /\nso: \$\{1\|42,…\|\}\/TB-VPCP\n/u);
    assert.match(numbered, /\nngay: 2026-02-07\n/u);
    assert.match(numbered, /\nNgày \$\{5:07\} tháng \$\{6:02\} năm \$\{7:2026\},/u);
    const draft = expandDefaults(newNoticeSnippet({ year: 2026, month: 10, day: 15 }, []));
    assert.match(draft, /\nso: …\/TB-VPCP\n/u);
    assert.match(draft, /\nNgày 15 tháng 10 năm 2026,/u);
  });

  it('creates a notice without errors or warnings', () => {
    const today = { year: 2026, month: 4, day: 1 };
    const text = expandDefaults(newNoticeSnippet(today, [{ so: '07/TB-VPCP', ngay: '2026-03-30' }]));
    assert.deepEqual(
      run(text, { today }).findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.rule}: ${finding.message.vi}`),
      [],
    );
  });
});
