import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeNotice } from '../../server/src/core/analyze.js';
import { configSchema } from '../../server/src/core/config.js';
import { EMPTY_REGISTRY, registryFromEntries, type Registry } from '../../server/src/core/registry.js';
import { severityOnBasis } from '../../server/src/core/rule.js';
import { allRules } from '../../server/src/core/rules/index.js';
import type { CalendarDate, Finding } from '../../server/src/core/types.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import type { Knowledge } from '../../server/src/knowledge/types.js';
import { shippedEntries } from '../../server/src/workspace/shippedRegistry.js';
import { exampleText } from '../helpers.js';

/**
 * “A fact marked verified: false may justify a warning, never an error” (shared/knowledge/README.md),
 * for every rule at once. The knowledge and the registry are checked with every fact marked unverified;
 * an error found then must rest on no fact at all: the same error is found with none of those facts
 * (no agency, province, abbreviation, document type or registry entry). A rule that reads a fact and
 * forgets to name it in its finding's `basis` fails here on the real notices, the seeds or its examples.
 */
const shipped = loadKnowledge();

const unverified = <T extends { verified: boolean }>(facts: readonly T[]): T[] => facts.map((fact) => ({ ...fact, verified: false }));

const allUnverified: Knowledge = {
  ...shipped,
  docTypes: unverified(shipped.docTypes),
  agencies: unverified(shipped.agencies),
  provinces: unverified(shipped.provinces),
  abbreviations: unverified(shipped.abbreviations),
};
const unverifiedRegistry: Registry = registryFromEntries(unverified(shippedEntries()));

const withoutFacts: Knowledge = { ...shipped, docTypes: [], agencies: [], provinces: [], abbreviations: [] };

const config = configSchema.parse({});

function errors(text: string, knowledge: Knowledge, registry: Registry, today: CalendarDate): Finding[] {
  return analyzeNotice(text, { knowledge, registry, config, today, uri: 'file:///unverified.tb.md' }).findings.filter((finding) => finding.severity === 'error');
}

const key = (finding: Finding) => `${finding.rule}@${finding.start}-${finding.end}`;

function errorsFromUnverifiedFacts(text: string, today: CalendarDate): string[] {
  const factFree = new Set(errors(text, withoutFacts, EMPTY_REGISTRY, today).map(key));
  return errors(text, allUnverified, unverifiedRegistry, today)
    .filter((finding) => !factFree.has(key(finding)))
    .map((finding) => `${key(finding)} “${text.slice(finding.start, finding.end)}”: ${finding.message.vi}`);
}

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const dateOf = (text: string): CalendarDate => {
  const issued = /^ngay: (\d{4})-(\d{2})-(\d{2})$/mu.exec(text);
  return issued ? { year: Number(issued[1]), month: Number(issued[2]), day: Number(issued[3]) } : { year: 2026, month: 11, day: 25 };
};

describe('no error from an unverified fact', function () {
  // Each notice is checked twice (all facts unverified, then none): about a second a notice on a loaded machine.
  this.timeout(180_000);

  it('caps an error resting on an unverified fact at a warning, and only then', () => {
    assert.equal(severityOnBasis('error', [{ verified: true }, { verified: false }]), 'warning');
    assert.equal(severityOnBasis('error', [{ verified: true }]), 'error');
    assert.equal(severityOnBasis('error', undefined), 'error');
    assert.equal(severityOnBasis('info', [{ verified: false }]), 'info');
  });

  it('caps it even where the configuration asks for an error', () => {
    const text = exampleText('Bộ Công An chủ trì, phối hợp với Bộ Tài chính.');
    const strict = configSchema.parse({ rules: { 'agency/spelling': 'error' } });
    const found = analyzeNotice(text, { knowledge: allUnverified, registry: unverifiedRegistry, config: strict, today: dateOf(text) }).findings.filter((finding) => finding.rule === 'agency/spelling');
    assert.deepEqual(found.map((finding) => finding.severity), ['warning']);
    const verified = analyzeNotice(text, { knowledge: shipped, registry: unverifiedRegistry, config: strict, today: dateOf(text) }).findings.filter((finding) => finding.rule === 'agency/spelling');
    assert.deepEqual(verified.map((finding) => finding.severity), ['error']);
  });

  it("caps the rules that state the registry's facts too, where the configuration makes them errors", () => {
    // 27-TB-VPCP-2012: the registry (the corpus metadata, unverified) dates Nghị định 14/2008/NĐ-CP 04/02/2008.
    const sentence = 'Sửa đổi Nghị định số 14/2008/NĐ-CP ngày 02 tháng 02 năm 2008 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh.';
    const strict = configSchema.parse({ rules: { 'ref/conflict': 'error' } });
    const conflicts = (body: string) =>
      analyzeNotice(exampleText(body), { knowledge: shipped, registry: registryFromEntries(shippedEntries()), config: strict, today: { year: 2012, month: 2, day: 10 } })
        .findings.filter((finding) => finding.rule === 'ref/conflict')
        .map((finding) => finding.severity);
    assert.deepEqual(conflicts(sentence), ['warning']);
    // Two citations of the notice that disagree rest on the text, not on the registry.
    assert.deepEqual(conflicts(`${sentence} Nghị định số 14/2008/NĐ-CP ngày 05 tháng 02 năm 2008 được sửa đổi.`), ['error', 'error']);
  });

  for (const folder of ['real', 'seeds', path.join('tasks', 'corpus')]) {
    const files = readdirSync(path.join(fixtures, folder)).filter((file) => file.endsWith('.tb.md')).sort();
    it(`on the ${files.length} notices of ${folder}`, () => {
      const problems = files.flatMap((file) => {
        const text = readFileSync(path.join(fixtures, folder, file), 'utf8');
        return errorsFromUnverifiedFacts(text, dateOf(text)).map((problem) => `${file} ${problem}`);
      });
      assert.deepEqual(problems, []);
    });
  }

  it('on the real notices dated after the 2025 reorganisation (old bodies and provinces named in a new notice)', () => {
    const files = readdirSync(path.join(fixtures, 'real')).filter((file) => file.endsWith('.tb.md')).sort();
    const problems = files.flatMap((file) => {
      const text = readFileSync(path.join(fixtures, 'real', file), 'utf8').replace(/^ngay: .*$/mu, 'ngay: 2026-01-15');
      return errorsFromUnverifiedFacts(text, dateOf(text)).map((problem) => `${file} as of 2026-01-15: ${problem}`);
    });
    assert.deepEqual(problems, []);
  });

  it("on every rule's examples", () => {
    const problems = allRules.flatMap((rule) =>
      [...rule.examples.ok, ...rule.examples.notOk].flatMap((example) => {
        const text = exampleText(example);
        return errorsFromUnverifiedFacts(text, dateOf(text)).map((problem) => `${rule.id} example: ${problem}`);
      }),
    );
    assert.deepEqual(problems, []);
  });
});
