import assert from 'node:assert/strict';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { hasOldToneMark, matchKey } from '../../server/src/core/text.js';

/**
 * Integrity of the shipped knowledge: a dated fact base is only useful when
 * one name means one thing on any given day and every successor exists.
 */
const knowledge = loadKnowledge();

interface Dated {
  id: string;
  validFrom: string | null;
  validTo: string | null;
}

const overlaps = (a: Dated, b: Dated) => (a.validFrom ?? '0000-01-01') <= (b.validTo ?? '9999-12-31') && (b.validFrom ?? '0000-01-01') <= (a.validTo ?? '9999-12-31');

/** Pairs of entries that claim the same key on a common day. */
function overlappingPairs<T extends Dated>(entries: readonly T[], keys: (entry: T) => (string | null)[]): string[] {
  const byKey = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of new Set(keys(entry).filter((value): value is string => value !== null).map(matchKey))) {
      byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
  }
  const problems: string[] = [];
  for (const [key, group] of byKey) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) if (overlaps(group[i]!, group[j]!)) problems.push(`${key}: ${group[i]!.id} / ${group[j]!.id}`);
    }
  }
  return problems;
}

describe('knowledge base', () => {
  it('loads every section', () => {
    assert.ok(knowledge.agencies.length >= 55);
    assert.ok(knowledge.provinces.length >= 64);
    assert.ok(knowledge.abbreviations.length >= 50);
  });

  it('has unique ids', () => {
    for (const ids of [knowledge.agencies.map((agency) => agency.id), knowledge.provinces.map((province) => province.id)]) {
      assert.equal(new Set(ids).size, ids.length);
    }
  });

  it('never gives one agency name, short form or elliptical form two meanings on one day', () => {
    assert.deepEqual(
      overlappingPairs(knowledge.agencies, (agency) => [agency.name, agency.elliptical, ...agency.shortForms, ...agency.listCodes, ...agency.knownMisspellings]),
      [],
    );
  });

  it('never gives one symbol code to two agencies on one day', () => {
    assert.deepEqual(overlappingPairs(knowledge.agencies, (agency) => [agency.symbolCode]), []);
  });

  it('never gives one province name two units on one day', () => {
    assert.deepEqual(overlappingPairs(knowledge.provinces, (province) => [province.name, ...province.aliases]), []);
  });

  it('names successors that exist, and only for entries that end', () => {
    const agencyIds = new Set(knowledge.agencies.map((agency) => agency.id));
    for (const agency of knowledge.agencies) {
      for (const successor of agency.successors) assert.ok(agencyIds.has(successor), `${agency.id} → ${successor}`);
      if (agency.successors.length) assert.ok(agency.validTo, `${agency.id} has successors but no end`);
    }
    const provinceIds = new Set(knowledge.provinces.map((province) => province.id));
    for (const province of knowledge.provinces) {
      for (const successor of province.successors) assert.ok(provinceIds.has(successor), `${province.id} → ${successor}`);
      if (province.validTo) assert.equal(province.successors.length, 1, `${province.id} ends without a successor`);
    }
  });

  it('has valid date ranges', () => {
    for (const entry of [...knowledge.agencies, ...knowledge.provinces, ...knowledge.abbreviations]) {
      if (entry.validFrom && entry.validTo) assert.ok(entry.validFrom <= entry.validTo);
    }
  });

  it('counts 63 province-level units before 2025-07-01 and 34 after', () => {
    const inForce = (day: string) => knowledge.provinces.filter((province) => (province.validFrom ?? '0000') <= day && day <= (province.validTo ?? '9999')).length;
    assert.equal(inForce('2024-12-31'), 63);
    assert.equal(inForce('2025-01-01'), 63);
    assert.equal(inForce('2025-07-01'), 34);
    assert.equal(inForce('2026-05-01'), 34);
  });

  it('counts 18 ministries before 2025-03-01 and 14 after', () => {
    const ministries = (day: string) => knowledge.agencies.filter((agency) => agency.kind === 'bo' && (agency.validFrom ?? '0000') <= day && day <= (agency.validTo ?? '9999')).length;
    assert.equal(ministries('2024-11-22'), 18);
    assert.equal(ministries('2025-03-01'), 14);
  });

  it('writes names in NFC with the new tone placement ("Ủy", not "Uỷ")', () => {
    for (const agency of knowledge.agencies) {
      assert.equal(agency.name, agency.name.normalize('NFC'));
      assert.ok(!agency.name.split(' ').some(hasOldToneMark), agency.name);
    }
  });
});
