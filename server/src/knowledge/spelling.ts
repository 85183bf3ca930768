import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';
import type { SpellChecker } from './types.js';

/**
 * The Vietnamese Hunspell dictionary of `dictionary-vi`, read through `nspell`,
 * once and only when a word is first checked (typo/spelling is the only reader):
 * no cost at start-up, none per keystroke after the first check.
 * The bundles find the files copied beside them (scripts/build.mjs); tests and
 * the sources find them in the package.
 */
function dictionaryFile(name: 'index.aff' | 'index.dic'): Buffer {
  const beside = fileURLToPath(new URL(`dictionary-vi/${name}`, import.meta.url));
  // The package exports its entry only: its files sit beside it.
  return readFileSync(existsSync(beside) ? beside : path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-vi')), name));
}

export function lazySpellChecker(): SpellChecker {
  let spell: ReturnType<typeof nspell> | undefined;
  return {
    correct(word) {
      spell ??= nspell(dictionaryFile('index.aff'), dictionaryFile('index.dic'));
      return spell.correct(word);
    },
  };
}
