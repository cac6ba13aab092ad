/**
 * Building blocks shared by the collection schemas: each column kind has a zod validator (the
 * source of the TypeScript type) and the matching RxDB JSON-schema property, side by side, so a
 * collection file pairs them column by column.
 */
import { z } from 'zod';

export const TIERS = ['starter', 'active', 'performer', 'elite'] as const;
export type Tier = (typeof TIERS)[number];

export const ID_MAX_LENGTH = 64;
// Postgres renders timestamptz as e.g. 2026-03-01T09:00:00.123456+00:00 (32 chars).
const TIMESTAMP_MAX_LENGTH = 40;

export const recordId = z.string().min(1).max(ID_MAX_LENGTH);
export const partnerId = z.uuid();
export const isoTimestamp = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code, e.g. EUR.');
export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour such as #1A2B3C.');
export const tier = z.enum(TIERS);

/** Structured values in two-way tables travel as JSON text (see sync/supabase/README.md). */
export const jsonText = z.string().refine(isJsonText, 'Must be valid JSON text.');

function isJsonText(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

export const idProperty = { type: 'string', maxLength: ID_MAX_LENGTH } as const;
export const uuidProperty = { type: 'string', maxLength: 36 } as const;
export const timestampProperty = { type: 'string', maxLength: TIMESTAMP_MAX_LENGTH } as const;
export const nullableTimestampProperty = { type: ['string', 'null'], maxLength: TIMESTAMP_MAX_LENGTH } as const;
export const dateProperty = { type: 'string', maxLength: 10 } as const;
export const stringProperty = { type: 'string' } as const;
export const nullableStringProperty = { type: ['string', 'null'] } as const;
export const nullableIdProperty = { type: ['string', 'null'], maxLength: ID_MAX_LENGTH } as const;
export const currencyProperty = { type: 'string', maxLength: 3, minLength: 3 } as const;
export const nullableCurrencyProperty = { type: ['string', 'null'], maxLength: 3, minLength: 3 } as const;
export const booleanProperty = { type: 'boolean' } as const;
export const integerProperty = { type: 'integer' } as const;
export const numberProperty = { type: 'number' } as const;
export const nullableNumberProperty = { type: ['number', 'null'] } as const;

/** A string column restricted to `values` (a SQL check constraint); indexable as-is. */
export function enumProperty<const V extends readonly string[]>(values: V) {
  return { type: 'string', enum: values, maxLength: longest(values) } as const;
}

/** The nullable variant: JSON-schema `enum` must list null for ajv to accept it. */
export function nullableEnumProperty<const V extends readonly string[]>(values: V) {
  return { type: ['string', 'null'], enum: [...values, null], maxLength: longest(values) } as const;
}

function longest(values: readonly string[]): number {
  return Math.max(...values.map((value) => value.length));
}

/** Columns every synced table has besides `_modified`/`_deleted` (see sync/supabase/README.md). */
export const syncedRowShape = {
  id: recordId,
  created_at: isoTimestamp,
  updated_at: isoTimestamp.nullish(),
};

export const syncedRowProperties = {
  id: idProperty,
  created_at: timestampProperty,
  updated_at: nullableTimestampProperty,
} as const;

/** Partner-owned rows carry the owner's user id; the client sets it so the local row equals the server's. */
export const partnerRowShape = { ...syncedRowShape, partner_id: partnerId };
export const partnerRowProperties = { ...syncedRowProperties, partner_id: uuidProperty } as const;
export const PARTNER_ROW_REQUIRED = ['id', 'partner_id', 'created_at'] as const;
