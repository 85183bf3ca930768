import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../server/src/core/import/index.js';
import { readText } from '../../server/src/import/text.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

const seed003 = readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '003_11eb2751877afa08.txt'), 'utf8');

describe('import: the date line of an unsigned draft', () => {
  const knowledge = loadKnowledge();
  const drafts = {
    'blanks, as the exporter prints an undated draft': 'Hà Nội, ngày      tháng      năm      ',
    'blanks collapsed to one space by a text extraction': 'Hà Nội, ngày tháng năm',
    'the dots of Mẫu 1.4': 'Hà Nội, ngày …… tháng …… năm ……',
    'blank day and month, year typed': 'Hà Nội, ngày      tháng      năm 2024',
  };
  for (const [name, line] of Object.entries(drafts)) {
    it(`${name}: the place is read, "ngay" stays empty and is reported`, () => {
      const result = importDocument(readText(seed003.replace('Hà Nội, ngày 22 tháng 11 năm 2024', line)), knowledge);
      assert.equal(result.fields['dia-danh'], 'Hà Nội');
      assert.equal(result.fields.ngay, undefined);
      assert.deepEqual(
        result.report.filter((entry) => entry.kind === 'missing').map((entry) => entry.message.en),
        ['The date of issue lacks a day, month or year: “ngay” is left empty.'],
      );
      assert.ok(!result.text.includes('Hà Nội, ngày'), 'the date line is not left in the body');
    });
  }
  it('a signed notice\'s date is still read whole (seed 003)', () => {
    assert.equal(importDocument(readText(seed003), knowledge).fields.ngay, '2024-11-22');
  });
});
