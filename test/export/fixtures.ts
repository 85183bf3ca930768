import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNotice } from '../../server/src/core/parse.js';
import { layoutNotice } from '../../server/src/core/layout/index.js';
import type { NoticeLayout } from '../../server/src/core/layout/index.js';
import { writeDocx } from '../../server/src/export/docx.js';

export const root = path.resolve(import.meta.dirname, '..', '..');

/** The notices every export test runs on: the examples and the four real seeds. */
export const NOTICES = [
  'examples/thong-bao-mau.tb.md',
  'examples/thong-bao-co-loi.tb.md',
  'test/fixtures/seeds/2023-07-12-hoi-nghi-chuyen-doi-so.tb.md',
  'test/fixtures/seeds/2024-01-10-so-ket-de-an-06.tb.md',
  'test/fixtures/seeds/2024-03-06-hop-de-an-06.tb.md',
  'test/fixtures/seeds/2024-11-22-530-TB-VPCP.tb.md',
];

export function readNotice(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

export function layoutOf(text: string): NoticeLayout {
  const result = layoutNotice(parseNotice(text));
  if (!result.ok) throw new Error(`cannot lay out: ${result.problems.map((problem) => problem.en).join('; ')}`);
  return result.layout;
}

export async function exportDocx(file: string): Promise<Buffer> {
  return writeDocx(layoutOf(readNotice(file)));
}
