import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareNotices, type Difference } from '../import/compare.js';
import { root } from './fixtures.js';

/**
 * The round trip import(export(notice)) compared with the notice: front
 * matter field by field, the rest line by line (test/import/compare.ts), with
 * neighbouring line differences joined into one hunk, so that a block the
 * export leaves out by design (an HTML comment) is one listed difference.
 */
export interface Hunk {
  where: string;
  fixture: string;
  imported: string;
}

export interface ExpectedHunk extends Hunk {
  reason: string;
}

export type Route = 'docx' | 'pdf';

export const goldenFile = path.join(root, 'test/fixtures/export/round-trip.json');

export function readGolden(): { about: string } & Record<Route, Record<string, ExpectedHunk[]>> {
  return JSON.parse(readFileSync(goldenFile, 'utf8')) as { about: string } & Record<Route, Record<string, ExpectedHunk[]>>;
}

const BODY_LINE = /^body line (\d+)( \(imported\))?$/u;

export function roundTripHunks(notice: string, imported: string): Hunk[] {
  const { differences } = compareNotices(notice, imported);
  const hunks: Hunk[] = [];
  let open: { fixture: number[]; imported: number[]; hunk: Difference } | undefined;
  const close = () => {
    if (!open) return;
    const [side, numbers] = open.fixture.length > 0 ? ['', open.fixture] : [' (imported)', open.imported];
    const span = numbers.length > 1 ? `s ${numbers[0]}–${numbers.at(-1)}` : ` ${numbers[0]}`;
    hunks.push({ ...open.hunk, where: `body line${span}${side}` });
    open = undefined;
  };
  for (const difference of differences) {
    const line = BODY_LINE.exec(difference.where);
    if (!line) {
      close();
      hunks.push(difference);
      continue;
    }
    const number = Number(line[1]);
    const inserted = line[2] !== undefined;
    const numbers = open && (inserted ? open.imported : open.fixture);
    if (!open || (numbers!.length > 0 && numbers!.at(-1)! + 1 !== number)) {
      close();
      open = { fixture: [], imported: [], hunk: { where: '', fixture: '', imported: '' } };
    }
    const target = open!;
    if (inserted) {
      target.imported.push(number);
      target.hunk.imported += (target.imported.length > 1 ? '\n' : '') + difference.imported;
    } else {
      target.fixture.push(number);
      target.hunk.fixture += (target.fixture.length > 1 ? '\n' : '') + difference.fixture;
    }
  }
  close();
  return hunks;
}
