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
    title: 'Agencies',
    lines: (result, lines) =>
      result.facts.agencies.map((mention) => {
        const flags = [mention.section, mention.list !== undefined ? `list ${mention.list + 1}` : '', mention.differs ? `official “${mention.expected}”` : '', mention.citedOn ? 'cited issuer' : ''].filter(Boolean);
        return `${where(lines, mention.start)} ${mention.form} “${quote(mention.written)}” → ${mention.agency?.id ?? mention.province?.id} [${flags.join(', ')}]`;
      }),
  },
  {
    title: 'Abbreviations',
    lines: (result, lines) => [
      ...result.facts.abbreviations.definitions.map((definition) => `${where(lines, definition.start)} introduced ${definition.abbr} = “${definition.expansion ?? '?'}”`),
      ...result.facts.abbreviations.uses.map((use) => `${where(lines, use.start)} used ${use.abbr}`),
    ],
  },
  {
    title: 'Numbering',
    lines: (result, lines) =>
      result.facts.numbering.sequences.map(
        (sequence) => `${where(lines, sequence.markers[0]!.start)} ${sequence.level}: ${sequence.markers.map((marker) => marker.value).join(' ')}${sequence.continuesFrom !== undefined ? ` [may continue from ${sequence.continuesFrom + 1}]` : ''}`,
      ),
  },
  {
    title: 'Official terms',
    lines: (result, lines) => {
      const written = (mention: { start: number; end: number }) => quote(result.model.text.slice(mention.start, mention.end));
      const asOfficial = result.facts.terms.filter((mention) => written(mention) === mention.official);
      return [
        `${asOfficial.length} written exactly in the official form`,
        ...result.facts.terms.filter((mention) => written(mention) !== mention.official).map((mention) => `${where(lines, mention.start)} ${mention.kind} “${written(mention)}” → “${mention.official}”`),
      ];
    },
  },
  {
    title: 'Dates',
    lines: (result, lines) =>
      result.facts.dates.map((date) => {
        const flags = [date.deadline ? 'deadline' : '', date.meeting ? 'meeting' : '', date.where === 'subject' ? 'subject' : ''].filter(Boolean);
        return `${where(lines, date.start)} ${date.form} “${quote(result.model.text.slice(date.start, date.end))}”${flags.length ? ` [${flags.join(', ')}]` : ''}`;
      }),
  },
];
