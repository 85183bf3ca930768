import assert from 'node:assert/strict';
import { analyzeNotice, PARSE_ERROR_RULE } from '../../server/src/core/analyze.js';
import { allRules } from '../../server/src/core/rules/index.js';
import type { Rule } from '../../server/src/core/rule.js';
import { msg } from '../../server/src/core/types.js';
import { notice } from '../helpers.js';
import { analyzeOptions } from './invariants.js';

const throwingRule: Rule = {
  id: 'test/throws',
  defaultSeverity: 'warning',
  fixable: false,
  description: msg('Luôn ném lỗi.', 'Always throws.'),
  check() {
    throw new TypeError('boom');
  },
  examples: { ok: [], notOk: [] },
};

describe('failures inside the core become findings, never exceptions', () => {
  it('a rule that throws becomes one internal error finding of that rule; the other rules still run', () => {
    const text = notice('Hoàn thành trước ngày 5 tháng 12 năm 2024.');
    const { findings } = analyzeNotice(text, { ...analyzeOptions, rules: [throwingRule, ...allRules] });
    const internal = findings.filter((finding) => finding.rule === 'test/throws');
    assert.equal(internal.length, 1);
    assert.equal(internal[0]!.severity, 'error');
    assert.match(internal[0]!.message.vi, /^Lỗi nội bộ của quy tắc test\/throws: boom/u);
    assert.match(internal[0]!.message.en, /^Internal error in rule test\/throws: boom/u);
    assert.ok(findings.some((finding) => finding.rule === 'date/padding'), 'the other rules still report');
  });

  it('a Markdown parser failure (thousands of nested quotes or lists overflow its stack) becomes one finding', () => {
    // Nested quotes overflow the parser as nested lists do, and parse faster (lists take seconds: see docs/reliability.md).
    // Once the parser's code is optimized (the whole suite warms it up) its frames are smaller and it reads 8,000 levels: 16,000 overflow either way.
    for (const marker of ['> ']) {
      const text = `${marker.repeat(16000)}x\n`;
      const { findings, model } = analyzeNotice(text, analyzeOptions);
      assert.equal(findings.length, 1, marker);
      assert.equal(findings[0]!.rule, PARSE_ERROR_RULE);
      assert.match(findings[0]!.message.en, /^Internal error: the Markdown structure of the notice could not be read/u);
      assert.equal(model.prose.length, text.length, 'the fallback model keeps offsets aligned');
    }
  });
});
