import assert from 'node:assert/strict';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice } from './fixtures.js';

describe('e2e: the Nhiệm vụ view', function () {
  const vscode = withVsCode({ scenario: 'tasks', files: [meetingNotice] });

  it('lists the tasks of the open notice grouped by agency; a click reveals the sentence', async () => {
    const { page } = vscode();
    const editor = await vscode().openFile(meetingNotice.name);
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    // The view sits in the Explorer: show the Explorer, then open the view's pane if it is collapsed.
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header', { hasText: 'Nhiệm vụ' }).first();
    await header.waitFor({ timeout: EVENT_TIMEOUT });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Room for the view: fold the folder's file list.
    const folder = page.locator('.pane-header', { hasText: 'workspace' }).first();
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    const tree = page.locator('[id="workbench.view.explorer"] .monaco-list-row');
    // Groups are sorted by agency name: "Bộ Công an" comes first, then "Bộ Kế hoạch và Đầu tư".
    await tree.filter({ hasText: 'Bộ Công an' }).first().waitFor({ timeout: EVENT_TIMEOUT });
    await tree.filter({ hasText: 'Bộ Kế hoạch và Đầu tư' }).first().waitFor({ timeout: EVENT_TIMEOUT });
    const labels = await tree.allTextContents();
    assert.ok(labels.some((label) => label.includes('Tổng hợp kinh nghiệm thúc đẩy chuyển đổi số')), `rows: ${JSON.stringify(labels)}`);
    await vscode().screenshot('grouped-by-agency');
    await tree.filter({ hasText: 'Tổng hợp kinh nghiệm thúc đẩy chuyển đổi số' }).first().click();
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 27' }).waitFor({ timeout: EVENT_TIMEOUT });
  });
});
