import { z } from 'zod';
import registryData from '../knowledge/data/registry.json';
import { registryFromEntries, type Registry, type RegistryEntry } from '../core/registry.js';
import { symbolKey } from '../core/extract/citations.js';
import { parseIsoDate } from '../core/frontmatter.js';
import { loadKnowledge } from '../knowledge/index.js';

const isoDate = z.iso.date().nullable();

const shippedSchema = z.object({
  documents: z.array(
    z.object({
      so: z.string().min(1),
      loai: z.string().min(1),
      ngay: isoDate,
      coQuan: z.string().min(1).nullable(),
      trichYeu: z.string().min(1).nullable(),
      normative: z.boolean(),
      status: z.enum(['in-force', 'replaced', 'expired', 'unknown', 'n/a', 'planned']),
      replacedBy: z.string().min(1).nullable(),
      endOfValidity: isoDate,
      verified: z.boolean(),
      source: z.array(z.string()),
    }),
  ),
});

/** URI shown as the origin of shipped entries (they have no file in the workspace). */
export const SHIPPED_REGISTRY_URI = 'thongbao:registry.json';

let cached: RegistryEntry[] | undefined;

/** The entries of the registry shipped with the extension, validated once. */
export function shippedEntries(): RegistryEntry[] {
  if (cached) return cached;
  const knowledge = loadKnowledge();
  cached = shippedSchema.parse(registryData).documents.map((document) => ({
    symbol: symbolKey(document.so, knowledge) ?? document.so,
    type: document.loai,
    date: document.ngay ? parseIsoDate(document.ngay) ?? null : null,
    issuer: document.coQuan,
    subject: document.trichYeu,
    inForce: document.status !== 'replaced' && document.status !== 'expired',
    endOfValidity: document.endOfValidity ? parseIsoDate(document.endOfValidity) ?? null : null,
    replacedBy: document.replacedBy,
    verified: document.verified,
    origin: 'shipped',
  }));
  return cached;
}

/** The registry shipped with the extension: documents cited in real notices whose facts are known. */
export function createShippedRegistry(): Registry {
  return registryFromEntries(shippedEntries());
}
