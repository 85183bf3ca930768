import assert from 'node:assert/strict';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice, notice06 } from './fixtures.js';

/** In the meeting notice: "… (Thông báo số 06/TB-VPCP của Văn phòng Chính phủ ngày 10 tháng 01 năm 2024) …". */
const citation = 'Thông báo số 06/TB-VPCP';

describe('e2e: citations', function () {
  const vscode = withVsCode({ scenario: 'navigation', files: [meetingNotice, notice06] });

  it('hover over a citation shows the cited notice\'s registry details', async () => {
    const editor = await vscode().openFile(meetingNotice.name);
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    await vscode().goToText(meetingNotice.text, citation, 'Thông báo số 06'.length);
    const hover = await vscode().hoverAtCursor();
    await hover.filter({ hasText: '06/TB-VPCP' }).waitFor({ timeout: EVENT_TIMEOUT });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    const details = [
      'Số, ký hiệu: 06/TB-VPCP',
      'Ngày ban hành: ngày 10 tháng 01 năm 2024',
      'Cơ quan ban hành: Văn phòng Chính phủ',
      `Khai báo tại: thông báo ${notice06.name}`,
    ];
    for (const detail of details) {
      assert.ok(text.includes(detail), `the hover lacks “${detail}”; it shows: ${text}`);
    }
    await vscode().screenshot('hover');
    await vscode().page.keyboard.press('Escape');
  });

  it('go to definition (F12) on the citation opens the cited notice', async () => {
    await vscode().goToText(meetingNotice.text, citation, 'Thông báo số 06'.length);
    await vscode().page.keyboard.press('F12');
    await vscode().activeTab(notice06.name).waitFor({ timeout: EVENT_TIMEOUT });
    await vscode().activeEditor().locator('.view-line', { hasText: '06/TB-VPCP' }).first().waitFor();
    await vscode().screenshot('definition');
  });
});
