/**
 * What the admin area's forms accept, as zod schemas whose messages are the sentences shown next
 * to the fields, and how a form becomes catalog columns.
 */
import { z } from 'zod';
import { assetBodySchema, type AssetBody } from '../../schema/catalog-bodies';
import { TIERS } from '../../schema/fields';
import { slugWords } from './asset-files';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const TAGS_MAX = 12;

/** "Social, LinkedIn,  social" → ["social", "linkedin"]: trimmed, lower-case, unique, in order. */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export const assetFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the asset a title partners will recognise.').max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  description: z.string().trim().min(1, 'Describe the asset in a sentence, so partners know when to use it.').max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX} characters.`),
  /** One of ASSET_CATEGORIES, or an existing entry's own category (seeded assets use others, listed under "Other"). */
  category: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Choose the category the asset is listed under.'),
  tier_required: z.enum(TIERS, { error: 'Choose the lowest tier that may download the asset.' }),
  tags: z
    .string()
    .transform(parseTagList)
    .pipe(
      z
        .array(z.string().max(32, 'Each tag must be at most 32 characters.').regex(/^[a-z0-9][a-z0-9_-]*$/, 'Tags may use letters, digits, hyphens and underscores.'))
        .max(TAGS_MAX, `Use at most ${TAGS_MAX} tags.`),
    ),
  customize_template: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value)),
});
export type AssetFormInput = z.input<typeof assetFormSchema>;
export type AssetFormValues = z.output<typeof assetFormSchema>;

/** Field name → first message, for showing next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A URL-safe slug from a title plus a short unique suffix (slugs are unique in the catalog). */
export function catalogSlug(title: string, uniqueSuffix: string): string {
  const base = slugWords(title, 60);
  const suffix = uniqueSuffix.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8);
  return [base || 'entry', suffix].filter(Boolean).join('-');
}

/** The file columns of an asset row, once its file is uploaded. */
export interface AssetFileColumns {
  file_path: string;
  file_sha256: string;
  file_size: number;
  mime_type: string;
}

/** The body of an asset row from the form and an optional thumbnail, validated as partners will read it. */
export function assetBody(values: AssetFormValues, thumbnail: string | null): AssetBody {
  return assetBodySchema.parse({ description: values.description, thumbnail, customize_template: values.customize_template });
}

/**
 * JSON text typed by an admin, parsed with a sentence on failure: "Line 3, column 5: …" where the
 * engine gives a position.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset).split('\n');
      return { ok: false, message: `The JSON is not valid at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${detail}. Fix it and save again.` };
    }
    return { ok: false, message: `The JSON is not valid: ${detail}. Fix it and save again.` };
  }
}
