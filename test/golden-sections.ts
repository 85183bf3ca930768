import type { AnalysisResult } from '../server/src/core/analyze.js';
import type { LineIndex } from '../server/src/core/positions.js';

/**
 * Sections of a golden file besides the findings: the located facts that
 * extraction found, one line each, so a regression in recognition shows up
 * even when no rule reports it. Add a section per extractor.
 */
export interface GoldenSection {
  title: string;
  lines(result: AnalysisResult, lines: LineIndex): string[];
}

const where = (lines: LineIndex, offset: number) => {
  const position = lines.positionAt(offset);
  return `${position.line + 1}:${position.character + 1}`;
};

const quote = (text: string) => text.replace(/\s+/gu, ' ');

export const goldenSections: GoldenSection[] = [
  {
    title: 'Dates',
    lines: (result, lines) =>
      result.facts.dates.map((date) => {
        const flags = [date.deadline ? 'deadline' : '', date.meeting ? 'meeting' : '', date.where === 'subject' ? 'subject' : ''].filter(Boolean);
        return `${where(lines, date.start)} ${date.form} “${quote(result.model.text.slice(date.start, date.end))}”${flags.length ? ` [${flags.join(', ')}]` : ''}`;
      }),
  },
];
