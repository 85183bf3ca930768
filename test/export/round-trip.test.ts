import assert from 'node:assert/strict';
import { importFile } from '../../server/src/import/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { exportDocx, NOTICES, readNotice } from './fixtures.js';
import { readGolden, roundTripHunks } from './roundTrip.js';

// import(export(notice)) through the real .docx writer and the real .docx reader and importer (issues 14 and 15):
// every example and seed comes back, except the differences listed with their reason in test/fixtures/export/round-trip.json.
describe('round trip: a notice exported to .docx and imported back is the same notice', function () {
  this.timeout(60000);
  const knowledge = loadKnowledge();
  const golden = readGolden();

  it('the golden file lists every notice of the export tests, and only those', () => {
    assert.deepEqual(Object.keys(golden.docx).sort(), [...NOTICES].sort());
    for (const hunk of Object.values(golden.docx).flat()) assert.ok(hunk.reason.length > 40, `a reason for ${hunk.where}`);
  });

  for (const file of NOTICES) {
    it(file, async () => {
      const notice = readNotice(file);
      const result = await importFile(await exportDocx(file), 'notice.docx', knowledge);
      const expected = (golden.docx[file] ?? []).map(({ reason: _reason, ...hunk }) => hunk);
      assert.deepEqual(roundTripHunks(notice, result.text), expected);
      // Nothing the exporter wrote is taken for an artefact or left unplaced.
      assert.deepEqual(
        result.report.filter((entry) => entry.kind === 'dropped' || entry.kind === 'unplaced').map((entry) => entry.message.en),
        [],
      );
    });
  }
});
