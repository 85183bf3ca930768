import { z } from 'zod';
import docTypesData from './data/doc-types.json';
import agenciesData from './data/agencies.json';
import provincesData from './data/provinces.json';
import abbreviationsData from './data/abbreviations.json';
import termsData from './data/terms.json';
import type { Abbreviation, Agency, DocType, Knowledge, Province, Term } from './types.js';
import { lazySpellChecker } from './spelling.js';

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

const isoDate = z.iso.date().nullable();

const agencySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  name: z.string().min(1),
  kind: z.string().min(1),
  elliptical: z.string().min(1).nullable(),
  shortForms: z.array(z.string().min(1)),
  listCodes: z.array(z.string().min(1)).default([]),
  symbolCode: z.string().min(1).nullable(),
  validFrom: isoDate,
  validTo: isoDate,
  successors: z.array(z.string()),
  knownMisspellings: z.array(z.string().min(1)),
  verified: z.boolean(),
  source: z.array(z.string()).optional(),
});

const provinceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  name: z.string().min(1),
  formalName: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  type: z.enum(['tinh', 'thanh-pho-truc-thuoc-trung-uong']),
  validFrom: isoDate,
  validTo: isoDate,
  successors: z.array(z.string()),
  verified: z.boolean(),
  source: z.array(z.string()).optional(),
});

const abbreviationSchema = z.object({
  abbr: z.string().min(1),
  expansion: z.string().min(1),
  category: z.string().min(1),
  bare: z.boolean(),
  validFrom: isoDate,
  validTo: isoDate,
  verified: z.boolean(),
  source: z.array(z.string()).optional(),
});

const typeWordsSchema = z.object({ words: z.array(z.object({ word: z.string().min(1), accepts: z.array(z.string().min(1)).min(1) })) });
const citationIssuersSchema = z.object({
  issuers: z.array(z.object({ name: z.string().min(1), code: z.string().min(1) })),
  acting: z.object({ names: z.array(z.object({ name: z.string().min(1), codes: z.array(z.string().min(1)).min(1) })) }),
});

const termSchema = z
  .object({
    text: z.string().min(1),
    kind: z.enum(['doc-type', 'law', 'title', 'place']),
    always: z.boolean().default(false),
    source: z.string().min(1),
  })
  .transform(({ text, kind, always }): Term => ({ text, kind, always }));

const nationalAssemblyTermsSchema = z.object({ terms: z.array(z.object({ term: z.number().int().positive(), from: z.number().int(), to: z.number().int() })) });

let cached: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  cached ??= {
    docTypes: z.object({ docTypes: z.array(docTypeSchema) }).parse(docTypesData).docTypes as DocType[],
    agencies: z.object({ agencies: z.array(agencySchema) }).parse(agenciesData).agencies as Agency[],
    provinces: z.object({ provinces: z.array(provinceSchema) }).parse(provincesData).provinces as Province[],
    abbreviations: z.object({ abbreviations: z.array(abbreviationSchema) }).parse(abbreviationsData).abbreviations as Abbreviation[],
    typeWords: typeWordsSchema.parse(docTypesData.typeWords).words,
    citationIssuers: citationIssuersSchema.parse(docTypesData.citationIssuers).issuers,
    actingIssuers: citationIssuersSchema.parse(docTypesData.citationIssuers).acting.names,
    nationalAssemblyTerms: nationalAssemblyTermsSchema.parse(docTypesData.nationalAssemblyTerms).terms,
    terms: z.object({ terms: z.array(termSchema) }).parse(termsData).terms,
    spelling: lazySpellChecker(),
  };
  return cached;
}
