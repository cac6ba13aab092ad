/**
 * The brand kit form: company name, contact details, tagline and the two brand colours, validated
 * with zod. Inputs are the strings typed; outputs are what the profile stores (null for empty).
 */
import { z } from 'zod';

export const TAGLINE_MAX = 120;
export const COMPANY_MAX = 120;

export interface BrandKitFormInput {
  company: string;
  email: string;
  phone: string;
  website: string;
  tagline: string;
  brand_primary: string;
  brand_secondary: string;
}
export type BrandKitField = keyof BrandKitFormInput;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((value) => (value === '' ? null : value));

const brandColour = (label: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value.startsWith('#') ? value : `#${value}`).toUpperCase())
    .refine((value) => /^#[0-9A-F]{6}$/.test(value), `Enter the ${label} as a six-digit hex code such as #1F4E79.`);

/** Adds https:// to a bare domain; refuses anything that is not an http(s) address with a host name. */
function normaliseWebsite(value: string, ctx: z.RefinementCtx): string | null {
  if (value === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Enter the website as an address such as https://example.com, or leave it empty.' });
    return z.NEVER;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.') || /\s/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'Enter the website as an address such as https://example.com, or leave it empty.' });
    return z.NEVER;
  }
  return candidate;
}

export const brandKitFormSchema = z.object({
  company: optionalText('Company name', COMPANY_MAX),
  email: optionalText('Email', 320).refine(
    (value) => value === null || z.email().safeParse(value).success,
    'Enter an email address such as name@example.com, or leave it empty.',
  ),
  phone: optionalText('Phone', 40).refine(
    (value) => value === null || (/^[+()\d\s./-]{3,40}$/.test(value) && /\d/.test(value)),
    'Use digits, spaces and + ( ) - . only, e.g. +44 20 7946 0958.',
  ),
  website: z.string().trim().max(200, 'The website address can be at most 200 characters.').transform(normaliseWebsite),
  tagline: optionalText('The tagline', TAGLINE_MAX),
  brand_primary: brandColour('primary colour'),
  brand_secondary: brandColour('accent colour'),
});
export type BrandKitValues = z.output<typeof brandKitFormSchema>;
export type BrandKitErrors = Partial<Record<BrandKitField, string>>;
export type BrandKitResult = { ok: true; values: BrandKitValues } | { ok: false; errors: BrandKitErrors };

export const DEFAULT_BRAND_PRIMARY = '#1F4E79';
export const DEFAULT_BRAND_SECONDARY = '#F2A900';

/** Validates the form; errors hold the first message per field. */
export function validateBrandKitForm(input: BrandKitFormInput): BrandKitResult {
  const result = brandKitFormSchema.safeParse(input);
  if (result.success) return { ok: true, values: result.data };
  const errors: BrandKitErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in input) errors[field as BrandKitField] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface BrandKitProfileFields {
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  tagline?: string | null;
  brand_primary?: string | null;
  brand_secondary?: string | null;
}

/** The form prefilled from the stored profile, with SISO's default colours where none are set. */
export function brandKitFormFromProfile(profile: BrandKitProfileFields | null): BrandKitFormInput {
  return {
    company: profile?.company ?? '',
    email: profile?.email ?? '',
    phone: profile?.phone ?? '',
    website: profile?.website ?? '',
    tagline: profile?.tagline ?? '',
    brand_primary: (profile?.brand_primary ?? DEFAULT_BRAND_PRIMARY).toUpperCase(),
    brand_secondary: (profile?.brand_secondary ?? DEFAULT_BRAND_SECONDARY).toUpperCase(),
  };
}
