import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { EVENT_TIMEOUT, root, withVsCode } from './harness.js';
import { cliImport } from './fixtures.js';

/** Word and PDF documents made with LibreOffice from corpus notices (test/import/make-fixtures.mts). */
const fixtures = path.join(root, 'test/fixtures/import');
const word = '03-TB-VPCP-2018.docx';
const pdf = '188-TB-VPCP-2015.pdf';

describe('e2e: importing Word and PDF documents', function () {
  const vscode = withVsCode({ scenario: 'import', files: [], copies: { [word]: path.join(fixtures, word), [pdf]: path.join(fixtures, pdf) } });

  /** Waits for the imported notice's editor and returns its file, once the language server checks it. */
  async function importedNotice(source: string): Promise<string> {
    const name = source.replace(/\.[^.]+$/u, '.tb.md');
    await vscode().activeTab(name).waitFor({ timeout: EVENT_TIMEOUT });
    await vscode().page.locator('[id="status.editor.mode"]', { hasText: 'Thông báo' }).waitFor();
    return path.join(vscode().workspace, name);
  }

  /** The text of the Output panel, once it shows `line`. */
  async function outputShows(line: string): Promise<string> {
    const output = vscode().page.locator('.part.panel .monaco-editor .view-lines');
    await output.filter({ hasText: line }).waitFor({ timeout: EVENT_TIMEOUT });
    return (await output.innerText()).replace(/\u00a0/gu, ' ');
  }

  /**
   * Right-clicks `row` and returns the menu's entry `label`. A menu opened while VS Code is still
   * registering the extensions' contributions (the workbench shows before its remote extension host
   * has started; on a loaded machine that takes a while) lacks their entries, built-in ones too:
   * then the menu is closed and opened again, as a drafter would, until the entry shows.
   */
  async function contextMenuEntry(row: Locator, label: string): Promise<Locator> {
    const { page } = vscode();
    const menu = page.locator('.context-view .monaco-menu');
    const entry = menu.locator('.action-item', { hasText: label });
    const deadline = Date.now() + EVENT_TIMEOUT;
    for (;;) {
      await row.click({ button: 'right' });
      await menu.locator('.action-item').first().waitFor();
      if (await entry.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return entry;
      const offered = await menu.locator('.action-item').allInnerTexts();
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      if (Date.now() > deadline) throw new Error(`the context menu offers no “${label}”: ${JSON.stringify(offered)}`);
    }
  }

  it('the Explorer context menu of a .docx imports it: the notice opens beside it, the report in the Output panel', async () => {
    const { page } = vscode();
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: word });
    await row.waitFor({ timeout: EVENT_TIMEOUT });
    const entry = await contextMenuEntry(row, 'Import from Word/PDF…');
    await vscode().screenshot('explorer-menu');
    await entry.click();
    const notice = await importedNotice(word);
    const shown = await vscode().visibleTextShowing('so: 03/TB-VPCP');
    assert.ok(shown.includes('so: 03/TB-VPCP'), `the editor shows: ${shown}`);
    // What VS Code wrote beside the source is what `thongbao import` makes of it.
    assert.equal(readFileSync(notice, 'utf8'), await cliImport(path.join(vscode().workspace, word)));
    const report = await outputShows(`${path.join(vscode().workspace, word)} → ${notice}`);
    assert.match(report, /“-{3,}”/u, `the report lists no rule line dropped: ${report}`);
    await vscode().screenshot('imported-docx');
  });

  it('"Import from Word/PDF…" from the Command Palette asks for the file and imports a PDF', async () => {
    const { page } = vscode();
    // Nothing of the first test (a menu left open if it failed) stands in front of the palette.
    await page.keyboard.press('Escape');
    await vscode().runCommand('Thông báo: Import from Word/PDF…');
    // code-server's open dialog is VS Code's own (a quick input with a path); a drafter types or picks the file.
    const input = page.locator('.quick-input-widget input');
    const target = path.join(vscode().workspace, pdf);
    // The dialog lists the folder once it has put its own path into the box: only then is the box the drafter's.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: pdf }).first().waitFor();
    await input.fill(target);
    await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === ${JSON.stringify(target)}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: pdf }).first().waitFor();
    await input.press('Enter');
    const notice = await importedNotice(pdf);
    const shown = await vscode().visibleTextShowing('so: 188/TB-VPCP');
    assert.ok(shown.includes('so: 188/TB-VPCP'), `the editor shows: ${shown}`);
    // pdf.js ran inside the installed extension's language server, which has no node_modules beside it.
    assert.equal(readFileSync(notice, 'utf8'), await cliImport(path.join(vscode().workspace, pdf)));
    await outputShows(`${path.join(vscode().workspace, pdf)} → ${notice}`);
    await vscode().screenshot('imported-pdf');
  });
});
