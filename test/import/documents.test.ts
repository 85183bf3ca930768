import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../server/src/core/import/index.js';
import { readHtml } from '../../server/src/import/html.js';
import { importFile } from '../../server/src/import/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { corpusRoot } from './corpus.js';
import { FIXTURE_NOTICES } from './make-fixtures.mjs';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');

describe('import: .docx and .pdf made from corpus notices (LibreOffice) give the notice their HTML gives', function () {
  this.timeout(60000);
  const knowledge = loadKnowledge();
  for (const name of FIXTURE_NOTICES) {
    const { htmlContent, id } = JSON.parse(readFileSync(path.join(corpusRoot, 'pre2020', `${name}.json`), 'utf8')) as { htmlContent: string; id: string };
    const expected = importDocument(readHtml(htmlContent), knowledge);
    for (const extension of ['.docx', '.pdf']) {
      it(`${name}${extension}`, async () => {
        const result = await importFile(readFileSync(path.join(fixtures, name + extension)), name + extension, knowledge);
        assert.equal(result.text, expected.text);
        assert.equal(result.fields.so, id);
        assert.deepEqual(result.stats, expected.stats);
        const dropped = result.report.filter((entry) => entry.kind === 'dropped' && entry.text?.startsWith('---'));
        assert.ok(dropped.length >= 2 && dropped.every((entry) => (extension === '.pdf' ? entry.source?.page === 1 && entry.source.line !== undefined : entry.source?.paragraph !== undefined)), 'rules dropped with their position');
      });
    }
  }
});
