import type { Rule } from '../../rule.js';
import { structureNumbering } from './numbering.js';
import { structureClosing } from './closing.js';
import { structureRecipients } from './recipients.js';
import { structureSignature } from './signature.js';
import { structureFootnote } from './footnote.js';

/** The structure/* rules of the catalog, listed explicitly. */
export const structureRules: Rule[] = [structureNumbering, structureClosing, structureRecipients, structureSignature, structureFootnote];
