import assert from 'node:assert/strict';
import { readSuppressions } from '../../server/src/core/suppression.js';
import { parseNotice } from '../../server/src/core/parse.js';
import { resolveConfig } from '../../server/src/core/config.js';
import { findings, notice, spanText } from '../helpers.js';

const SPACING = 'typo/spacing';
/** A paragraph with one doubled space: one typo/spacing finding. */
const DOUBLED = 'Bộ Công an  chủ trì.';

function spacing(body: string): string[] {
  const text = notice(body);
  return findings(text, SPACING).map((finding) => text.slice(text.lastIndexOf('\n', finding.start) + 1, text.indexOf('\n', finding.start)));
}

describe('suppression comments', () => {
  it('disable … enable switches one rule off for a range', () => {
    const body = [DOUBLED.replace('Bộ', 'A'), '<!-- thongbao-disable typo/spacing -->', DOUBLED.replace('Bộ', 'B'), '<!-- thongbao-enable typo/spacing -->', DOUBLED.replace('Bộ', 'C')].join('\n\n');
    assert.deepEqual(spacing(body), ['A Công an  chủ trì.', 'C Công an  chủ trì.']);
  });

  it('disable without ids switches every rule off; other rules stay off only inside', () => {
    const body = ['<!-- thongbao-disable -->', 'Nghị Quyết  số 28/NQ-CP.', '<!-- thongbao-enable -->', 'Nghị Quyết  số 28/NQ-CP.'].join('\n\n');
    const text = notice(body);
    const found = findings(text, SPACING).concat(findings(text, 'typo/capitalization'));
    assert.equal(found.length, 2);
    assert.ok(found.every((finding) => finding.start > text.indexOf('thongbao-enable')));
  });

  it('enable rule-id after a bare disable switches that rule back on', () => {
    const body = ['<!-- thongbao-disable -->', '<!-- thongbao-enable typo/spacing -->', 'Nghị Quyết  số 28/NQ-CP.'].join('\n\n');
    const text = notice(body);
    assert.equal(findings(text, SPACING).length, 1);
    assert.equal(findings(text, 'typo/capitalization').length, 0);
  });

  it('a disable without enable lasts to the end of the file', () => {
    assert.deepEqual(spacing(['<!-- thongbao-disable typo/spacing -->', DOUBLED, DOUBLED].join('\n\n')), []);
  });

  it('disable-next-line covers the next line only, and only the named rules', () => {
    const body = ['<!-- thongbao-disable-next-line typo/spacing -->', 'Nghị Quyết  số 28/NQ-CP;', 'Nghị Quyết  số 29/NQ-CP.'].join('\n');
    assert.deepEqual(spacing(body), ['Nghị Quyết  số 29/NQ-CP.']);
    assert.equal(findings(notice(body), 'typo/capitalization').length, 2);
  });

  it('disable-next-line takes several ids, separated by spaces or commas', () => {
    const body = ['<!-- thongbao-disable-next-line typo/spacing, typo/capitalization -->', 'Nghị Quyết  số 28/NQ-CP.'].join('\n');
    const text = notice(body);
    assert.equal(findings(text, SPACING).length + findings(text, 'typo/capitalization').length, 0);
  });

  it('disable-line covers its own line', () => {
    const text = notice(`${DOUBLED} <!-- thongbao-disable-line typo/spacing -->\n\n${DOUBLED}`);
    assert.equal(findings(text, SPACING).length, 1);
  });

  it('ignores comments that are not directives, and directives inside code', () => {
    const body = ['<!-- thongbao-disabled typo/spacing -->', '<!-- ghi chú: thongbao-disable -->', '```', '<!-- thongbao-disable -->', '```', DOUBLED].join('\n\n');
    assert.equal(spacing(body).length, 1);
  });

  it('works on comments as the model reads them, at any offset', () => {
    const text = 'A\n<!-- thongbao-disable x -->\nB\n<!-- thongbao-enable x -->\nC\n';
    const suppressions = readSuppressions(text, parseNotice(text).comments);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('A')), false);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('B')), true);
    assert.equal(suppressions.isSuppressed('y', text.indexOf('B')), false);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('C')), false);
  });
});

describe('per-rule severity from configuration', () => {
  const text = notice('Bộ Công an  chủ trì; Nghị Quyết số 28/NQ-CP; xây dựng các Nghị định liên quan.');

  it('uses the rule’s default, or the finding’s own severity', () => {
    assert.deepEqual(findings(text, SPACING).map((finding) => finding.severity), ['error']);
    assert.deepEqual(findings(text, 'typo/capitalization').map((finding) => finding.severity), ['error', 'warning']);
  });

  it('"off" silences a rule, a level overrides every finding of it', () => {
    assert.deepEqual(findings(text, SPACING, { config: { rules: { [SPACING]: 'off' } } }), []);
    assert.deepEqual(findings(text, SPACING, { config: { rules: { [SPACING]: 'info' } } }).map((finding) => finding.severity), ['info']);
    assert.deepEqual(findings(text, 'typo/capitalization', { config: { rules: { 'typo/capitalization': 'warning' } } }).map((finding) => finding.severity), ['warning', 'warning']);
    assert.equal(spanText(text, findings(text, 'typo/capitalization', { config: { rules: { [SPACING]: 'off' } } })[0]!), 'Nghị Quyết');
  });

  it('a bad severity is a problem of the config and the defaults apply', () => {
    const { config, problems } = resolveConfig({ rules: { [SPACING]: 'loud' }, locale: 'en' });
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]!.path.slice(0, 2), ['rules', SPACING]);
    assert.deepEqual(config.rules, {});
    assert.equal(config.locale, 'en');
  });
});
