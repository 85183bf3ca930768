// import(export(notice)) through PDF: the exported .docx converted by LibreOffice headless (Debian's
// libreoffice-writer, installed by test/e2e/setup.sh), then imported from the PDF. Runs where LibreOffice is
// installed and says so where it is not. A PDF has no spaces of its own, and LibreOffice draws the letters its
// main font subset lacks ("ủ", "ướ") from a second subset laid over blanks in the first: the reader places
// them by width, and a word may come back with a space inside or without the space before it. Lines are
// therefore compared without their spaces here (docs/import.md); every other difference is listed, with its
// reason, under "pdf" in test/fixtures/export/round-trip.json.
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { docxToPdf, findSoffice } from '../../server/src/export/pdf.js';
import { importFile } from '../../server/src/import/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { exportDocx, NOTICES, readNotice } from './fixtures.js';
import { readGolden, roundTripHunks } from './roundTrip.js';

const squeeze = (text: string) => text.replace(/\s+/gu, '');

/** The notice with every front-matter value and every body line without its spaces (the line structure kept). */
function withoutSpaces(text: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(text);
  if (!match) return text.split('\n').map(squeeze).join('\n');
  const fields = (parse(match[1]!) as Record<string, unknown> | null) ?? {};
  const header = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(squeeze(value === null || value === undefined ? '' : String(value)))}`);
  return `---\n${header.join('\n')}\n---\n${text.slice(match[0].length).split('\n').map(squeeze).join('\n')}`;
}

describe('round trip through PDF: exported, converted by LibreOffice, imported from the PDF', function () {
  this.timeout(300000);
  const knowledge = loadKnowledge();
  const golden = readGolden();

  before(function () {
    if (!findSoffice()) {
      console.log('    LibreOffice (soffice) is not installed: the PDF round trip is skipped (test/e2e/setup.sh installs libreoffice-writer).');
      this.skip();
    }
  });

  it('the golden file lists every notice of the export tests, each difference with its reason', () => {
    assert.deepEqual(Object.keys(golden.pdf).sort(), [...NOTICES].sort());
    for (const hunk of Object.values(golden.pdf).flat()) assert.ok(hunk.reason.length > 40, `a reason for ${hunk.where}`);
  });

  for (const file of NOTICES) {
    it(file, async () => {
      const result = await importFile(await docxToPdf(await exportDocx(file)), 'notice.pdf', knowledge);
      const expected = (golden.pdf[file] ?? []).map(({ reason: _reason, ...hunk }) => hunk);
      assert.deepEqual(roundTripHunks(withoutSpaces(readNotice(file)), withoutSpaces(result.text)), expected);
    });
  }
});
