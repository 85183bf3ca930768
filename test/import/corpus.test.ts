import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusTable, loadCorpus, type CorpusNotice } from './corpus.js';

const REQUIRED = ['co-quan', 'so', 'dia-danh', 'ngay', 'loai', 'trich-yeu'] as const;

describe('import: every notice of the development corpus', () => {
  let notices: CorpusNotice[] = [];
  before(() => {
    notices = loadCorpus();
  });

  it('has 43 Word-exported HTML notices and 2 transcriptions', () => {
    assert.equal(notices.length, 45);
  });

  it('fills every required field from the document itself, and they agree with the source metadata', () => {
    for (const { file, so, ngay, result } of notices) {
      assert.deepEqual(REQUIRED.filter((key) => !result.fields[key]), [], file);
      assert.equal(result.fields.so, so, file);
      assert.equal(result.fields.ngay, ngay, file);
      assert.equal(result.fields['co-quan'], 'Văn phòng Chính phủ', file);
      assert.equal(result.fields['dia-danh'], 'Hà Nội', file);
      assert.equal(result.fields.loai, 'Thông báo', file);
      assert.ok(result.recognized, file);
    }
  });

  it('has as many body paragraphs as the source', () => {
    for (const { file, sourceParagraphs, result } of notices) assert.equal(result.stats.bodyParagraphs, sourceParagraphs, file);
  });

  it('finds Nơi nhận, its Lưu line last, and the signature with the signer the site names', () => {
    for (const { file, signer, result } of notices) {
      assert.ok(result.stats.closing && result.stats.recipients >= 2, file);
      assert.match(result.text, /\n- Lưu\b[^\n]*\n\n## Chữ ký\n/u, file);
      assert.ok(result.stats.signature, file);
      if (signer) assert.ok(result.text.trimEnd().endsWith(`\n${signer}`), `${file}: ${signer}`);
    }
  });

  it('keeps every word of the body: the HTML text minus the header, tables and dropped links', () => {
    for (const { file, result } of notices) {
      assert.doesNotMatch(result.text, /<\/?[a-z][^>]*>/u, `${file}: no HTML tag survives`);
      assert.doesNotMatch(result.text, /thuvienphapluat\.vn/u, `${file}: no injected link target`);
    }
  });

  it('docs/import.md holds the current table (regenerate: npx tsx test/import/write-corpus-table.ts)', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'docs', 'import.md'), 'utf8');
    assert.ok(doc.includes(corpusTable(notices)), 'docs/import.md is stale');
  });
});
