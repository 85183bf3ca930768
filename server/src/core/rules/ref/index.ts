import type { Rule } from '../../rule.js';
import { refSymbolFormat } from './symbolFormat.js';
import { refTypeMismatch } from './typeMismatch.js';
import { refYearMismatch } from './yearMismatch.js';
import { refIncompleteFirst } from './incompleteFirst.js';
import { refConflict } from './conflict.js';
import { refUnknown } from './unknown.js';
import { refSuperseded } from './superseded.js';
import { refMissingSo } from './missingSo.js';

/** The ref/* rules of the catalog, listed explicitly. */
export const refRules: Rule[] = [refSymbolFormat, refTypeMismatch, refYearMismatch, refIncompleteFirst, refConflict, refUnknown, refSuperseded, refMissingSo];
