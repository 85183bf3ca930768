import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice, snippet } from './fixtures.js';

const closing = snippet('Câu kết thông báo');
const officialClosing = 'Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương biết, thực hiện./.';
/** The meeting notice with its closing formula taken out: the drafter is about to write it. */
const draft = { name: 'du-thao.tb.md', text: meetingNotice.text.replace(`${officialClosing}\n`, '\n') };

describe('e2e: clause snippets', function () {
  const vscode = withVsCode({ scenario: 'snippets', files: [draft] });

  it('typing the prefix of the closing formula offers it, and accepting it writes the official sentence', async () => {
    assert.notEqual(draft.text, meetingNotice.text, 'the seed no longer ends with the closing formula');
    assert.ok(closing.text.startsWith(officialClosing), `the closing snippet inserts “${closing.text}”`);
    const { page } = vscode();
    await vscode().openFile(draft.name);
    // Onto the empty line where the closing formula was: the second of three blank lines before "## Nơi nhận".
    await vscode().goToText(draft.text, '\n\n\n\n## Nơi nhận', 2);
    // At a drafter's pace: VS Code re-queries completions after the space.
    await page.keyboard.type(closing.prefix, { delay: 150 });
    const offered = vscode().suggestion('Câu kết thông báo');
    // A diagnostics refresh can close the list VS Code opened while typing; the drafter then asks again (Ctrl+Space).
    const openedWhileTyping = await offered.waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (!openedWhileTyping) await page.keyboard.press('Control+Space');
    await offered.waitFor({ timeout: EVENT_TIMEOUT });
    await vscode().screenshot('suggestion');
    await page.keyboard.press('Enter');
    await vscode().activeEditor().locator('.view-line', { hasText: 'thông báo để' }).first().waitFor();
    // Leave the snippet's choice and placeholder mode with the defaults kept.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const shown = await vscode().visibleText();
    assert.ok(shown.includes(officialClosing), `the editor shows: ${shown}`);
    await vscode().screenshot('inserted');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
    const saved = await fs.readFile(path.join(vscode().workspace, draft.name), 'utf8');
    assert.equal(saved, draft.text.replace('\n\n\n\n## Nơi nhận', `\n\n${closing.text}\n\n## Nơi nhận`));
  });
});
