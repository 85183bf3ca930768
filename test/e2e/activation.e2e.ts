import assert from 'node:assert/strict';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { meetingNotice } from './fixtures.js';

describe('e2e: the extension activates on a notice', function () {
  const vscode = withVsCode({ scenario: 'activation', files: [meetingNotice] });

  it('shows the language mode "Thông báo", the server\'s squiggles and no Unicode banner', async () => {
    const { page } = vscode();
    const editor = await vscode().openFile(meetingNotice.name);
    await page.locator('[id="status.editor.mode"]', { hasText: 'Thông báo' }).waitFor();
    assert.equal((await vscode().languageMode().innerText()).trim(), 'Thông báo');
    // Squiggles come only from the language server, so they prove the client activated and started it.
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    // By now VS Code has long finished its Unicode scan of the Vietnamese text.
    assert.equal(await page.getByText(/non-basic ASCII|ambiguous unicode characters|invisible unicode characters/i).count(), 0, 'VS Code shows a Unicode banner over the Vietnamese text');
    assert.equal(await editor.locator('.unicode-highlight').count(), 0, 'VS Code boxes Vietnamese letters as suspicious Unicode');
    await vscode().screenshot('notice-open');
  });
});
