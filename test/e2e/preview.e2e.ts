import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { EVENT_TIMEOUT, withVsCode } from './harness.js';
import { notice530 } from './fixtures.js';

const frontMatter = parse(/^---\n([\s\S]*?)\n---\n/u.exec(notice530.text)![1]!) as { so: string; 'trich-yeu': string };
const subject = frontMatter['trich-yeu'];
/** The subject's last line as written (a folded block scalar: the one before the closing `---`). */
const subjectEnd = /\n {2}([^\n]+)\n---\n/u.exec(notice530.text)![1]!;
/** Typed at the end of the subject (the last line of `trich-yeu`): the preview must show it. */
const typed = ' năm 2024';
const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('e2e: the official-layout preview and the .docx export', function () {
  const vscode = withVsCode({ scenario: 'preview', files: [notice530] });

  it('"Preview in the official layout" opens beside the editor with the title, the subject and the signature', async () => {
    const { page } = vscode();
    const editor = await vscode().openFile(notice530.name);
    // Squiggles: the server has analysed the notice, so it can lay it out.
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: EVENT_TIMEOUT });
    // Room for the A4 page beside the editor.
    await vscode().runCommand('View: Toggle Primary Side Bar Visibility');
    await vscode().runCommand('Thông báo: Preview in the official layout');
    const previewTab = page.locator('.tabs-container .tab', { hasText: `Preview: ${notice530.name}` });
    await previewTab.waitFor({ timeout: EVENT_TIMEOUT });
    const preview = vscode().webview();
    const title = preview.locator('.page .s-type');
    await title.waitFor({ timeout: EVENT_TIMEOUT });
    assert.equal(squeeze(await title.innerText()), 'THÔNG BÁO');
    assert.equal(squeeze(await preview.locator('.page .s-subject').innerText()), squeeze(subject));
    await preview.locator('.page .s-authority', { hasText: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM' }).waitFor();
    await preview.locator('.page .s-signerName', { hasText: 'Cao Huy' }).waitFor();
    // Beside: two editor groups side by side, the notice in the left one, the preview in the right one.
    const groups = page.locator('.editor-group-container');
    assert.equal(await groups.count(), 2, 'the preview did not open in a group of its own');
    const noticeGroup = groups.filter({ has: page.locator('.tabs-container .tab', { hasText: notice530.name }).filter({ hasNotText: 'Preview' }) });
    const previewGroup = groups.filter({ has: previewTab });
    const left = (await noticeGroup.boundingBox())!;
    const right = (await previewGroup.boundingBox())!;
    assert.ok(right.x >= left.x + left.width - 1, `the preview group (x ${right.x}) is not right of the notice's (x ${left.x}, width ${left.width})`);
    assert.ok(Math.abs(right.y - left.y) < 2, 'the two groups are not side by side');
    // The webview is laid over the workbench: it must sit over the preview's group.
    const frame = (await page.locator('iframe.webview.ready:visible').first().boundingBox())!;
    assert.ok(frame.x >= right.x - 1 && frame.x < right.x + right.width, `the webview (x ${frame.x}) is not over the preview's group (x ${right.x})`);
    await vscode().screenshot('preview-beside');
    await preview.locator('.page .s-signerName').scrollIntoViewIfNeeded();
    await vscode().screenshot('preview-signature');
  });

  it('follows the edit: a word typed into the subject shows in the preview', async () => {
    const { page } = vscode();
    await vscode().goToText(notice530.text, `${subjectEnd}\n---`, subjectEnd.length);
    await page.keyboard.type(typed, { delay: 50 });
    await page.keyboard.press('Escape');
    await vscode().activeEditor().locator('.view-line', { hasText: `Đề án 06${typed}` }).first().waitFor();
    // The preview refreshes behind the diagnostics the server publishes for the new text.
    await vscode().webview().locator('.page .s-subject', { hasText: `Đề án 06${typed}` }).waitFor({ timeout: EVENT_TIMEOUT });
    assert.equal(squeeze(await vscode().webview().locator('.page .s-subject').innerText()), squeeze(`${subject}${typed}`));
    await vscode().screenshot('preview-after-edit');
  });

  it('"Export to Word (.docx)" writes the .docx next to the notice and offers to open its folder', async () => {
    const { page } = vscode();
    const docx = path.join(vscode().workspace, notice530.name.replace(/\.tb\.md$/u, '.docx'));
    assert.ok(!existsSync(docx), `${docx} exists before the export`);
    // The export acts on the notice's editor: focus it again (the preview keeps its own focus).
    await vscode().goTo(1, 1);
    await vscode().runCommand('Thông báo: Export to Word (.docx)');
    // The seed has errors (the checker finds them): the export asks before writing a draft.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: EVENT_TIMEOUT });
    assert.match(await dialog.innerText(), /error\(s\)\. Export it as a draft anyway\?/u);
    await dialog.getByRole('button', { name: 'Export draft' }).click();
    const toast = page.locator('.notification-toast', { hasText: `Exported ${path.basename(docx)}.` });
    await toast.waitFor({ timeout: EVENT_TIMEOUT });
    await toast.getByRole('button', { name: 'Open folder' }).waitFor();
    await vscode().screenshot('exported');
    assert.ok(existsSync(docx), `the message says exported, but ${docx} is not on disk`);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const words = squeeze((await zip.file('word/document.xml')!.async('string')).replace(/<w:p[ >]/gu, ' $&').replace(/<[^>]+>/gu, ''));
    assert.ok(words.includes(`Số: ${frontMatter.so}`), `the .docx lacks “Số: ${frontMatter.so}”`);
    // The export takes the editor's text, with the word typed above, not the file on disk.
    assert.ok(words.includes(squeeze(`${subject}${typed}`)), 'the .docx lacks the edited subject');
    assert.ok(words.includes('Cao Huy'), 'the .docx lacks the signer');
  });
});
