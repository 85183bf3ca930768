import assert from 'node:assert/strict';
import { allRules } from '../../server/src/core/rules/index.js';
import { exampleText, findings } from '../helpers.js';

/** Every rule's own examples: each notOk text triggers it, each ok text does not. */
describe('rule examples', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      it('has at least one example of each kind', () => {
        assert.ok(rule.examples.ok.length > 0, 'no ok example');
        assert.ok(rule.examples.notOk.length > 0, 'no notOk example');
      });
      rule.examples.ok.forEach((example, index) => {
        it(`ok #${index + 1} does not trigger it`, () => {
          const found = findings(exampleText(example), rule.id);
          assert.deepEqual(found.map((finding) => finding.message.vi), [], `unexpected on: ${example}`);
        });
      });
      rule.examples.notOk.forEach((example, index) => {
        it(`notOk #${index + 1} triggers it`, () => {
          const found = findings(exampleText(example), rule.id);
          assert.ok(found.length > 0, `not triggered on: ${example}`);
          for (const finding of found) {
            assert.ok(finding.message.vi.trim() && finding.message.en.trim(), 'a message is empty');
            assert.ok(finding.end >= finding.start);
          }
        });
      });
    });
  }
});
