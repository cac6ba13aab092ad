/** What checking an admin form's draft gives: the value to save, or the sentence to show beside each field. */
import type { z } from 'zod';
import { fieldErrors } from '../../../../sync/domain/admin/catalog-forms';

/** A message per field, keyed by the draft's field name (or a key the form knows, e.g. `block.<key>`). */
export type FormErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** The input parsed by a form schema whose messages are the sentences shown beside the fields. */
export function checkWith<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
