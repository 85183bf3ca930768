import { z } from 'zod';
import type { FrontMatterField, NoticeMeta } from './model.js';
import type { CalendarDate } from './types.js';
import { utcDate } from './dates.js';

/** The keys of the dialect's front matter (dialect §1), in their canonical order. */
export const FRONT_MATTER_KEYS = ['co-quan', 'so', 'dia-danh', 'ngay', 'loai', 'trich-yeu'] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

export const REQUIRED_KEYS: readonly FrontMatterKey[] = FRONT_MATTER_KEYS;

/** `ngay` may stay empty in an early draft (date rules then use today). */
export const MAY_BE_EMPTY: ReadonlySet<FrontMatterKey> = new Set(['ngay']);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

const text = z.string().trim().min(1);

/** One schema per key: what a valid value looks like. */
export const FIELD_SCHEMAS: Record<FrontMatterKey, z.ZodType> = {
  'co-quan': text,
  so: text,
  'dia-danh': text,
  ngay: z.union([z.string(), z.date()]).transform((value, ctx) => {
    const date = value instanceof Date ? { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() } : parseIsoDate(value);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'not an ISO date' });
      return z.NEVER;
    }
    return date;
  }),
  loai: text,
  'trich-yeu': text,
};

/** The schema of a dialect key; undefined for any other key ("constructor" and "__proto__" included: only own entries count). */
export function fieldSchemaOf(key: string): z.ZodType | undefined {
  return Object.hasOwn(FIELD_SCHEMAS, key) ? FIELD_SCHEMAS[key as FrontMatterKey] : undefined;
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The typed header: every field whose value passes its schema. */
export function readMeta(fields: FrontMatterField[]): NoticeMeta {
  const meta: NoticeMeta = {};
  for (const field of fields) {
    const schema = fieldSchemaOf(field.key);
    if (!schema || isEmptyValue(field.value)) continue;
    const parsed = schema.safeParse(field.value);
    if (!parsed.success) continue;
    switch (field.key as FrontMatterKey) {
      case 'co-quan': meta.issuer = parsed.data as string; break;
      case 'so': meta.number = parsed.data as string; break;
      case 'dia-danh': meta.place = parsed.data as string; break;
      case 'ngay': meta.date = parsed.data as CalendarDate; break;
      case 'loai': meta.type = parsed.data as string; break;
      case 'trich-yeu': meta.subject = parsed.data as string; break;
    }
  }
  return meta;
}
