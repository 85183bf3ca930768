import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { LineIndex } from '../server/src/core/positions.js';
import { createShippedRegistry } from '../server/src/workspace/shippedRegistry.js';
import { goldenSections } from './golden-sections.js';
import { run } from './helpers.js';
import type { CalendarDate } from '../server/src/core/types.js';

/**
 * Golden files of the seed notices: every finding and every extracted fact,
 * one line each. `UPDATE_GOLDEN=1 npx mocha test/golden.test.ts` rewrites
 * them; review the diff line by line against shared/knowledge/seed-errors.md.
 */
const folder = path.join(import.meta.dirname, 'fixtures', 'seeds');

/** Two seeds lost their date of issue; check them as of shortly after their meeting, not today. */
const TODAY_FOR: Record<string, CalendarDate> = {
  '2024-03-06-hop-de-an-06.tb.md': { year: 2024, month: 3, day: 8 },
  '2023-07-12-hoi-nghi-chuyen-doi-so.tb.md': { year: 2023, month: 7, day: 20 },
};

export function renderGolden(file: string): string {
  const text = readFileSync(path.join(folder, file), 'utf8');
  const result = run(text, { today: TODAY_FOR[file] ?? { year: 2026, month: 11, day: 25 }, registry: createShippedRegistry(), uri: `file:///seeds/${file}` });
  const lines = new LineIndex(text);
  const out = [`# ${file}`, '', '## Findings', ''];
  for (const finding of result.findings) {
    const position = lines.positionAt(finding.start);
    out.push(`- ${position.line + 1}:${position.character + 1} ${finding.rule} (${finding.severity}) “${text.slice(finding.start, finding.end).replace(/\s+/gu, ' ')}” — ${finding.message.vi}${finding.fix ? ' [fix]' : ''}`);
  }
  for (const section of goldenSections) {
    out.push('', `## ${section.title}`, '', ...section.lines(result, lines).map((line) => `- ${line}`));
  }
  return `${out.join('\n')}\n`;
}

describe('golden files of the seed notices', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.tb.md'));
  it('has the four seeds', () => assert.equal(files.length, 4));
  for (const file of files) {
    it(file, () => {
      const goldenPath = path.join(folder, file.replace(/\.tb\.md$/u, '.golden.md'));
      const actual = renderGolden(file);
      if (process.env.UPDATE_GOLDEN || !existsSync(goldenPath)) writeFileSync(goldenPath, actual);
      assert.equal(actual, readFileSync(goldenPath, 'utf8'));
    });
  }
});
