import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allRules } from '../../server/src/core/rules/index.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { exampleText, run } from '../helpers.js';

/** Letters that only Vietnamese writes (with diacritics, and đ). */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/**
 * English text without its quotations: official Vietnamese text quoted in
 * «», “”, "" or '', or given in parentheses after its English name ("a Friday
 * (thứ Sáu)"), is allowed in an English message: it names what is written.
 */
function unquoted(english: string): string {
  return english.replace(/«[^»]*»|“[^”]*”|"[^"]*"|‘[^’]*’|'[^'\n]*'|\([^()]*\)/gu, ' ');
}

/** Words of the notice dialect an English message may name unquoted: its section titles and the document types. */
const DIALECT_WORDS = new Set(['Nơi nhận', 'Chữ ký', ...loadKnowledge().docTypes.map((type) => type.name)].flatMap((name) => name.split(' ')));
/** A number and symbol ("30/2020/NĐ-CP", "21/CT-TTg"): a name, never to be translated. */
const SYMBOL = /^\d*\/[\p{L}\d/-]*$/u;

/**
 * The words of an English text that are Vietnamese although they neither
 * quote the notice (its own words, echoed), nor are a symbol or a word of the
 * dialect, nor stand in quotes.
 */
function untranslatedWords(english: string, noticeText: string): string[] {
  const words = unquoted(english).split(/[\s,.;:()!?]+/u);
  return words.filter((word) => VIETNAMESE_LETTER.test(word) && !SYMBOL.test(word) && !DIALECT_WORDS.has(word) && !noticeText.includes(word));
}

describe('messages in both languages', () => {
  it('every rule has a description in both languages', () => {
    for (const rule of allRules) {
      assert.ok(rule.description.vi.trim() && rule.description.en.trim(), rule.id);
      assert.deepEqual(untranslatedWords(rule.description.en, ''), [], `${rule.id}: ${rule.description.en}`);
    }
  });

  for (const rule of allRules) {
    it(`${rule.id}: every finding on its examples speaks Vietnamese and English`, () => {
      for (const example of rule.examples.notOk) {
        const text = exampleText(example);
        for (const finding of run(text).findings) {
          for (const message of [finding.message, ...(finding.fix ? [finding.fix.title] : []), ...(finding.related ?? []).map((related) => related.message)]) {
            const where = `${finding.rule} on ${JSON.stringify(example.slice(0, 60))}`;
            assert.ok(message.vi.trim(), `${where}: empty Vietnamese text`);
            assert.ok(message.en.trim(), `${where}: empty English text`);
            assert.notEqual(message.vi, message.en, `${where}: the Vietnamese text is the English one: ${message.en}`);
            assert.deepEqual(untranslatedWords(message.en, text), [], `${where}: Vietnamese words in English that quote nothing: ${message.en}`);
          }
        }
      }
    });
  }

  it('package.nls.json and package.nls.vi.json have the same keys, every text translated', () => {
    const en = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8')) as Record<string, string>;
    const vi = JSON.parse(readFileSync(new URL('../../package.nls.vi.json', import.meta.url), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) assert.ok(en[key]!.trim() && vi[key]!.trim(), key);
  });

  it('every %reference% in package.json has its texts', () => {
    const packageText = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const en = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8')) as Record<string, string>;
    const references = [...packageText.matchAll(/"%([^%"]+)%"/gu)].map((match) => match[1]!);
    assert.ok(references.length > 0);
    for (const reference of references) assert.ok(reference in en, `package.nls.json lacks ${reference}`);
  });
});
