import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { cliDiagnostics, cliFixAll, meetingNotice } from './fixtures.js';

const wrongDate = 'ngày 6 tháng 4 năm 2020';
const officialDate = 'ngày 06 tháng 4 năm 2020';

/** Waits until the file on disk differs from `before` (the save went through). */
async function savedText(file: string, before: string, timeout = EVENT_TIMEOUT): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await fs.readFile(file, 'utf8');
    if (text !== before) return text;
    if (Date.now() > deadline) throw new Error(`${file} was not saved within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('e2e: quick fixes', function () {
  const vscode = withVsCode({
    scenario: 'quickfix',
    files: [meetingNotice],
    workspaceSettings: { 'editor.codeActionsOnSave': { 'source.fixAll.thongbao': 'explicit' } },
  });
  const afterQuickFix = meetingNotice.text.replace(`Nghị định số 40/2020/NĐ-CP ${wrongDate}`, `Nghị định số 40/2020/NĐ-CP ${officialDate}`);

  it('Ctrl+. on "ngày 6 tháng 4 năm 2020" offers the official form and applies it', async () => {
    assert.notEqual(afterQuickFix, meetingNotice.text, 'the seed no longer contains the date this scenario fixes');
    await vscode().openFile(meetingNotice.name);
    await vscode().waitForProblemCount(meetingNotice.name, (await cliDiagnostics(meetingNotice.name, meetingNotice.text)).length);
    await vscode().goToText(meetingNotice.text, wrongDate, 'ngày '.length);
    await vscode().applyQuickFix(`Sửa thành “${officialDate}”`, 'quick-fix-menu');
    await vscode().activeEditor().locator('.view-line', { hasText: '06 tháng 4 năm' }).first().waitFor();
    const shown = await vscode().visibleText();
    assert.ok(shown.includes(`Nghị định số 40/2020/NĐ-CP ${officialDate}`), `the editor shows: ${shown}`);
    await vscode().waitForProblemCount(meetingNotice.name, (await cliDiagnostics(meetingNotice.name, afterQuickFix)).length);
    await vscode().screenshot('quick-fix-applied');
  });

  it('saving applies every certain fix, exactly as `thongbao check --fix` does', async () => {
    const file = path.join(vscode().workspace, meetingNotice.name);
    await vscode().page.keyboard.press('Control+S');
    const saved = await savedText(file, meetingNotice.text);
    assert.equal(saved, await cliFixAll(meetingNotice.name, meetingNotice.text));
    assert.ok(saved.includes(`Nghị định số 40/2020/NĐ-CP ${officialDate}`));
    assert.ok(saved.includes('Nghị định số 73/2019/NĐ-CP'), 'the split word "Nghị đ ịnh" is not fixed on save');
    await vscode().page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
    await vscode().waitForProblemCount(meetingNotice.name, (await cliDiagnostics(meetingNotice.name, saved)).length);
    await vscode().screenshot('fixed-on-save');
  });
});
