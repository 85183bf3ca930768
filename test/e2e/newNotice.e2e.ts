import assert from 'node:assert/strict';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice } from './fixtures.js';

/** A date as the front matter writes it (local time, like the server's "today"). */
const isoDate = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const year = new Date().getFullYear();
/** A notice of this year numbered 41: the command must offer 42. */
const earlier = { name: 'thong-bao-41.tb.md', text: meetingNotice.text.replace(/^so: .*$/mu, 'so: 41/TB-VPCP').replace(/^ngay:.*$/mu, `ngay: ${year}-01-30`) };

describe('e2e: the new-notice command', function () {
  const vscode = withVsCode({ scenario: 'new-notice', files: [meetingNotice, earlier] });

  it('"Thông báo: Create a new notice" opens the skeleton dated today with the next free number', async () => {
    const { page } = vscode();
    const editor = await vscode().openFile(meetingNotice.name);
    // Squiggles: the server runs and has read the workspace.
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    // The server dates the skeleton when the command runs; a run may cross midnight (or New Year) meanwhile.
    const before = new Date();
    await vscode().runCommand('Thông báo: Create a new notice');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await vscode().activeEditor().locator('.view-line', { hasText: 'co-quan: Văn phòng Chính phủ' }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const after = new Date();
    const shown = await vscode().visibleText();
    const dated = /ngay: (\d{4}-\d{2}-\d{2})/u.exec(shown)?.[1];
    assert.ok(dated === isoDate(before) || dated === isoDate(after), `the skeleton is dated ${dated}, not today (${isoDate(before)} or ${isoDate(after)}); the editor shows: ${shown}`);
    // The number follows this year's last notice; in a new year none is known yet, and the draft form "…" stands.
    const number = dated!.startsWith(`${year}-`) ? '42' : '…';
    assert.ok(shown.includes(`so: ${number}/TB-VPCP`), `the editor shows: ${shown}`);
    assert.equal((await vscode().languageMode().innerText()).trim(), 'Thông báo');
    await vscode().screenshot('new-notice');
    // The skeleton is itself a correct notice. A wait for no problem alone would pass before the server had checked it at all:
    // a mistake typed below the signer's name is listed first, and then nothing once the text is the skeleton's again.
    await vscode().goTo(1, 1);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ngày 5/3/2025');
    // The other notice's rows would push this file's row out of the panel's rendered list: they are collapsed first.
    const problems = await vscode().showProblems();
    await problems.locator(`.monaco-list-row[aria-level="1"][aria-label*="in file ${meetingNotice.name} "][aria-expanded="true"]`).click();
    await vscode().waitForProblemCount('Untitled-1', 1);
    await vscode().goTo(1, 1);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await vscode().waitForProblemCount('Untitled-1', 0);
  });
});
