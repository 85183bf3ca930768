import assert from 'node:assert/strict';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice } from './fixtures.js';

const today = new Date();
const year = today.getFullYear();
const iso = `${year}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
/** A notice of this year numbered 41: the command must offer 42. */
const earlier = { name: 'thong-bao-41.tb.md', text: meetingNotice.text.replace(/^so: .*$/mu, 'so: 41/TB-VPCP').replace(/^ngay:.*$/mu, `ngay: ${year}-01-30`) };

describe('e2e: the new-notice command', function () {
  const vscode = withVsCode({ scenario: 'new-notice', files: [meetingNotice, earlier] });

  it('"Thông báo: Create a new notice" opens the skeleton dated today with the next free number', async () => {
    const { page } = vscode();
    const editor = await vscode().openFile(meetingNotice.name);
    // Squiggles: the server runs and has read the workspace.
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Thông báo: Create a new notice');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Create a new notice' }).first().waitFor();
    await input.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await vscode().activeEditor().locator('.view-line', { hasText: 'co-quan: Văn phòng Chính phủ' }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const shown = await vscode().visibleText();
    assert.ok(shown.includes('so: 42/TB-VPCP'), `the editor shows: ${shown}`);
    assert.ok(shown.includes(`ngay: ${iso}`), `the editor shows: ${shown}`);
    assert.equal((await vscode().languageMode().innerText()).trim(), 'Thông báo');
    await vscode().screenshot('new-notice');
    // The skeleton is itself a correct notice: once checked, no problem is listed for it.
    await vscode().waitForProblemCount('Untitled-1', 0, 20_000);
  });
});
