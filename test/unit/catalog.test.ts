import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/src/core/rules/index.js';

/**
 * The ids of the rule catalog (shared/design/rules.md), copied here on purpose:
 * ids are stable, so a rule renamed or dropped in code must fail this test.
 */
const CATALOG = [
  'meta/missing-field',
  'meta/unknown-field',
  'meta/invalid-value',
  'meta/number-format',
  'meta/number-type',
  'meta/number-issuer',
  'meta/place',
  'date/padding',
  'date/invalid',
  'date/numeric',
  'date/after-issue',
  'date/deadline-passed',
  'date/weekday',
  'agency/unknown',
  'agency/spelling',
  'agency/not-in-force',
  'agency/place',
  'abbr/undefined',
  'abbr/redefined',
  'ref/symbol-format',
  'ref/type-mismatch',
  'ref/year-mismatch',
  'ref/incomplete-first',
  'ref/conflict',
  'ref/unknown',
  'ref/superseded',
  'ref/missing-so',
  'structure/numbering',
  'structure/closing',
  'structure/recipients',
  'structure/signature',
  'structure/footnote',
  'typo/split-word',
  'typo/spacing',
  'typo/capitalization',
  'typo/number-format',
  'typo/unicode',
  'typo/doubled-word',
  'typo/spelling',
  'task/no-agency',
  'task/agency-not-in-force',
  'task/vague-deadline',
];

const docs = path.join(import.meta.dirname, '..', '..', 'docs', 'rules');
const indexPath = path.join(docs, 'README.md');
const indexPage = () => (existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : '');

describe('rule catalog', () => {
  it('lists every id once', () => assert.equal(new Set(CATALOG).size, CATALOG.length));

  for (const id of CATALOG) {
    describe(id, () => {
      const rule = allRules.find((candidate) => candidate.id === id);
      it('has a rule in allRules', () => assert.ok(rule, `no rule ${id} in core/rules/index.ts`));
      it('has an example that triggers it and one that must not', () => {
        assert.ok(rule, `no rule ${id}`);
        assert.ok(rule.examples.notOk.length > 0 && rule.examples.ok.length > 0);
      });
      it('has a doc page', () => assert.ok(existsSync(path.join(docs, `${id}.md`)), `missing docs/rules/${id}.md`));
      it('is linked from docs/rules/README.md', () => assert.ok(indexPage().includes(`](${id}.md)`), `docs/rules/README.md has no link to ${id}.md`));
    });
  }

  it('has no rule outside the catalog', () => {
    const extra = allRules.map((rule) => rule.id).filter((id) => !CATALOG.includes(id));
    assert.deepEqual(extra, []);
  });

  it('has no rule twice', () => {
    const ids = allRules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
