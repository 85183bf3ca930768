import type { Rule } from '../../rule.js';
import { typoSplitWord } from './splitWord.js';
import { typoSpacing } from './spacing.js';
import { typoCapitalization } from './capitalization.js';
import { typoNumberFormat } from './numberFormat.js';
import { typoUnicode } from './unicode.js';
import { typoDoubledWord } from './doubledWord.js';
import { typoSpelling } from './spelling.js';

/** The typo/* rules of the catalog, listed explicitly. */
export const typoRules: Rule[] = [typoSplitWord, typoSpacing, typoCapitalization, typoNumberFormat, typoUnicode, typoDoubledWord, typoSpelling];
