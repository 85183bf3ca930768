import type { Rule } from '../../rule.js';
import { metaMissingField } from './missingField.js';
import { metaUnknownField } from './unknownField.js';
import { metaInvalidValue } from './invalidValue.js';
import { metaNumberFormat } from './numberFormat.js';
import { metaNumberType } from './numberType.js';
import { metaNumberIssuer } from './numberIssuer.js';
import { metaPlace } from './place.js';

/** The meta/* rules of the catalog, listed explicitly. */
export const metaRules: Rule[] = [metaMissingField, metaUnknownField, metaInvalidValue, metaNumberFormat, metaNumberType, metaNumberIssuer, metaPlace];
