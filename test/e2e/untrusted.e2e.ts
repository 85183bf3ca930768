import assert from 'node:assert/strict';
import { withVsCode } from './harness.js';
import { cliDiagnostics, meetingNotice } from './fixtures.js';

describe('e2e: a folder opened without trust (Restricted Mode)', function () {
  const vscode = withVsCode({ scenario: 'untrusted', files: [meetingNotice], trusted: false });

  it('still checks the notice: the extension runs no workspace code', async () => {
    const { page } = vscode();
    await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).waitFor();
    await vscode().openFile(meetingNotice.name);
    await vscode().waitForProblemCount(meetingNotice.name, (await cliDiagnostics(meetingNotice.name, meetingNotice.text)).length);
    // Restricted Mode turns VS Code's non-ASCII highlighting on by default; the extension's language defaults keep it off.
    assert.equal(await page.getByText(/non-basic ASCII|ambiguous unicode characters/i).count(), 0, 'VS Code shows a Unicode banner over the Vietnamese text');
    await vscode().screenshot('restricted-mode');
  });
});
