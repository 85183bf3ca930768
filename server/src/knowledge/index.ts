import { z } from 'zod';
import docTypesData from './data/doc-types.json';
import type { DocType, Knowledge } from './types.js';

/**
 * Loads the shipped knowledge once, validating every data file with zod, so a
 * broken data file fails loudly in tests rather than misleading a drafter.
 */
const docTypeSchema = z.object({
  name: z.string().min(1),
  code: z.string().min(1).nullable(),
  regime: z.enum(['hanh-chinh', 'quy-pham', 'ban-sao', 'dang', 'khac']),
  verified: z.boolean(),
  source: z.array(z.string()).optional(),
});

let cached: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  cached ??= {
    docTypes: z.object({ docTypes: z.array(docTypeSchema) }).parse(docTypesData).docTypes as DocType[],
    agencies: [],
    provinces: [],
    abbreviations: [],
    terms: [],
  };
  return cached;
}
