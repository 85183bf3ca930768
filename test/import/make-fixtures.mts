/**
 * Makes the .docx and .pdf import fixtures (test/fixtures/import/*.docx|pdf)
 * from corpus notices with LibreOffice headless. Run by hand when the choice
 * of notices changes (needs Debian's libreoffice-writer):
 *
 *   npx tsx test/import/make-fixtures.ts
 *
 * Word-exported HTML → .docx (LibreOffice's HTML import); the tables it sizes
 * from the HTML's pixel widths come out a few centimetres wide, so their
 * column widths are scaled to the text width (official-layout §3.3) before the
 * .docx is written; then .docx → .pdf. The text is set in Noto Serif, whose Vietnamese letters
 * are all in one font (LibreOffice draws the ones Liberation Serif lacks from a fallback font).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { corpusRoot } from './corpus.js';

export const FIXTURE_NOTICES = ['03-TB-VPCP-2018', '89-TB-VPCP-2014', '188-TB-VPCP-2015'];
const TEXT_WIDTH = 9300;
const out = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');

function scaleTables(xml: string): string {
  return xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/gu, (table) => {
    const total = Number(/<w:tblW w:w="(\d+)"/u.exec(table)?.[1] ?? 0);
    if (!total) return table;
    const scale = TEXT_WIDTH / total;
    return table.replace(/(<w:(?:tblW|gridCol|tcW) w:w=")(\d+)/gu, (_match, head: string, width: string) => `${head}${Math.round(Number(width) * scale)}`);
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'thongbao-fixtures-'));
  const soffice = (...args: string[]) => execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', ...args], { stdio: 'ignore' });
  try {
    for (const name of FIXTURE_NOTICES) {
      const { htmlContent } = JSON.parse(readFileSync(path.join(corpusRoot, 'pre2020', `${name}.json`), 'utf8')) as { htmlContent: string };
      writeFileSync(path.join(work, `${name}.html`), `<html><head><meta charset="utf-8"><style>body,p,td,span,b,i{font-family:"Noto Serif";font-size:13pt}</style></head><body>${htmlContent}</body></html>`);
      soffice('--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, path.join(work, `${name}.html`));
      const zip = await JSZip.loadAsync(readFileSync(path.join(work, `${name}.docx`)));
      zip.file('word/document.xml', scaleTables(await zip.file('word/document.xml')!.async('string')));
      const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      writeFileSync(path.join(out, `${name}.docx`), docx);
      writeFileSync(path.join(work, `${name}.docx`), docx);
      soffice('--convert-to', 'pdf', '--outdir', out, path.join(work, `${name}.docx`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// No top-level await: the tests import FIXTURE_NOTICES from this file, and tsx may load it as CommonJS there.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
