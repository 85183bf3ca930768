import assert from 'node:assert/strict';
import { withVsCode, type ProblemRow } from './harness.js';
import { cliDiagnostics, meetingNotice } from './fixtures.js';

function key(problem: ProblemRow): string {
  return `${problem.line}:${problem.column} ${problem.rule} ${problem.message}`;
}

describe('e2e: the Problems panel on a seed notice', function () {
  const vscode = withVsCode({ scenario: 'diagnostics', files: [meetingNotice] });

  it('lists exactly what `thongbao check` reports on the same file', async () => {
    const cliProblems = async (): Promise<string[]> =>
      (await cliDiagnostics(meetingNotice.name, meetingNotice.text))
        .map((diagnostic) => key({ message: diagnostic.message, rule: diagnostic.rule, line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1 }))
        .sort();
    const expected = await cliProblems();
    assert.ok(expected.length > 0, 'the CLI finds nothing in the seed notice');
    await vscode().openFile(meetingNotice.name);
    await vscode().waitForProblemCount(meetingNotice.name, expected.length);
    await vscode().screenshot('problems');
    const shown = (await vscode().problems()).map(key).sort();
    // The seed is undated, so some messages name today's date as the server took it; if the run crossed
    // midnight since the CLI's check, the CLI's verdict of now is the one to agree with.
    assert.deepEqual(shown, JSON.stringify(shown) === JSON.stringify(expected) ? expected : await cliProblems());
  });

  it('names the seed\'s known mistakes with their rule ids and the official form', async () => {
    const shown = await vscode().problems();
    const has = (rule: string, text: string) =>
      assert.ok(
        shown.some((problem) => problem.rule === rule && problem.message.includes(text)),
        `no ${rule} problem mentioning “${text}” in ${JSON.stringify(shown, null, 1)}`,
      );
    has('date/padding', 'ngày 06 tháng 4 năm 2020');
    has('date/padding', 'ngày 15 tháng 3 năm 2024');
    has('typo/split-word', 'Nghị định');
    // A rule that throws still reports itself (and the CLI agrees), so say it here.
    const internal = shown.filter((problem) => /^(Lỗi nội bộ|Internal error)/.test(problem.message));
    assert.deepEqual(internal, [], 'rules crashed inside the language server');
  });
});
