import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../server/src/core/import/index.js';
import { readText } from '../../server/src/import/text.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';

const seed003 = readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '003_11eb2751877afa08.txt'), 'utf8');

/** Seed 003's closing laid out as `pdftotext -layout` prints a page: "Nơi nhận" on the left, the signature beside it. */
const LAID_OUT_CLOSING = [
  'Nơi nhận:                                                        KT. BỘ TRƯỞNG, CHỦ NHIỆM',
  '- Thủ tướng Chính phủ;                                              PHÓ CHỦ NHIỆM',
  '- PTTg Thường trực Nguyễn Hòa Bình;',
  '- Thành viên Tổ Công tác triển khai Đề án 06;',
  '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính',
  'phủ;',
  '- VPCP: BTCN, các PCN, các Vụ, Cục, đơn vị trực                      Cao Huy',
  'thuộc;',
  '- Lưu: VT, KSTT (2).',
].join('\n');

describe('import: text laid out in columns (pdftotext -layout)', () => {
  const knowledge = loadKnowledge();
  const body = seed003.slice(0, seed003.indexOf('**Nơi nhận:**'));

  it('reads the recipients, then the signature beside them, as the PDF reader does', () => {
    const result = importDocument(readText(body + LAID_OUT_CLOSING + '\n'), knowledge);
    const recipients = result.text.slice(result.text.indexOf('## Nơi nhận'), result.text.indexOf('## Chữ ký'));
    assert.deepEqual(recipients.split('\n').filter((line) => line.startsWith('- ')), [
      '- Thủ tướng Chính phủ;',
      '- PTTg Thường trực Nguyễn Hòa Bình;',
      '- Thành viên Tổ Công tác triển khai Đề án 06;',
      '- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;',
      '- VPCP: BTCN, các PCN, các Vụ, Cục, đơn vị trực thuộc;',
      '- Lưu: VT, KSTT (2).',
    ]);
    assert.match(result.text.slice(result.text.indexOf('## Chữ ký')), /^## Chữ ký\n\nKT\. BỘ TRƯỞNG, CHỦ NHIỆM\\\nPHÓ CHỦ NHIỆM\n\nCao Huy\n/u);
  });

  it('leaves text that is not laid out in columns as it was (the seeds)', () => {
    const seeds = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
    for (const name of ['000_857d7fd2e91db640.txt', '001_175d61d472f3ec3b.txt', '003_11eb2751877afa08.txt', '004_1586ec4983b9b901.txt']) {
      const text = readFileSync(path.join(seeds, name), 'utf8');
      const lines = readText(text).blocks.map((block) => block.source.line);
      assert.deepEqual(lines, text.split(/\r?\n/u).map((_, index) => index + 1), name);
    }
  });
});
