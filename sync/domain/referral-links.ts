/**
 * Referral links: which destinations a partner may link to, how UTM values are written and how
 * the final tracked URL is built (and read back). Pure; the form and the QR code both use it.
 */
import { z } from 'zod';
import type { NewRowContext } from './leads';
import { referralLinkSchema, type ReferralLinkDoc } from '../schema/referral-links.schema';
import { isSisoHost, SISO_DOMAINS } from './url-policy';

/** The domains a referral link may point to (and their subdomains): SISO's own, from the URL policy. */
export const SISO_LINK_DOMAINS = SISO_DOMAINS;

export const UTM_VALUE_MAX = 100;
export const LINK_NAME_MAX = 80;
const DESTINATION_MAX = 2000;
const UTM_VALUE_PATTERN = /^[a-z0-9._-]+$/;
const PARTNER_REF_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
/** The query parameters this module owns; a destination's own values for them are replaced. */
export const REF_PARAM = 'ref';
const utmParam = (key: UtmKey) => `utm_${key}`;

/** The URL policy's host rule, so a link the form accepts is one the app will open. */
export const isSisoLinkHost = isSisoHost;

/** "Spring Sale 2026 " → "spring-sale-2026": trimmed, lower case, runs of spaces as one hyphen. */
export function normaliseUtmValue(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

function utmValue(label: string) {
  return z
    .string()
    .transform(normaliseUtmValue)
    .pipe(
      z
        .string()
        .min(1, `Enter the ${label}.`)
        .max(UTM_VALUE_MAX, `Keep the ${label} to ${UTM_VALUE_MAX} characters or fewer.`)
        .regex(UTM_VALUE_PATTERN, `Use only lowercase letters, digits, hyphens, underscores and dots in the ${label}.`),
    );
}

function optionalUtmValue(label: string) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? '' : normaliseUtmValue(raw)))
    .pipe(
      z.union([
        z.literal('').transform(() => undefined),
        z
          .string()
          .max(UTM_VALUE_MAX, `Keep the ${label} to ${UTM_VALUE_MAX} characters or fewer.`)
          .regex(UTM_VALUE_PATTERN, `Use only lowercase letters, digits, hyphens, underscores and dots in the ${label}.`),
      ]),
    );
}

/** A SISO https page: checked on the parsed URL, so encoded or credential tricks see the real host. */
export const destinationSchema = z
  .string()
  .trim()
  .min(1, 'Enter the SISO page the link should open.')
  .max(DESTINATION_MAX, 'The destination address is too long.')
  .transform((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full address starting with https://, e.g. https://siso.agency/platform.' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'The destination must be a secure https:// address.' });
      return z.NEVER;
    }
    if (url.username !== '' || url.password !== '' || url.port !== '') {
      ctx.addIssue({ code: 'custom', message: 'The destination must not contain a user name, password or port.' });
      return z.NEVER;
    }
    if (!isSisoLinkHost(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `Referral links can only point to ${SISO_LINK_DOMAINS.join(', ')} or its subdomains, not ${url.hostname}.`,
      });
      return z.NEVER;
    }
    return url.href;
  });

export const utmSchema = z.object({
  source: utmValue('source'),
  medium: utmValue('medium'),
  campaign: utmValue('campaign'),
  term: optionalUtmValue('term'),
  content: optionalUtmValue('content'),
});
export type UtmInput = z.input<typeof utmSchema>;
export type UtmValues = z.output<typeof utmSchema>;

export const partnerRefSchema = z.string().regex(PARTNER_REF_PATTERN, 'The partner referral code is not valid.');

export const referralUrlInputSchema = z.object({
  destination: destinationSchema,
  utm: utmSchema,
  partnerRef: partnerRefSchema,
});
export type ReferralUrlInput = z.input<typeof referralUrlInputSchema>;

export type BuildReferralUrlResult =
  | { ok: true; url: string }
  | { ok: false; errors: Partial<Record<'destination' | UtmKey | 'partnerRef', string>> };

function firstErrors(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'destination');
    errors[key] ??= issue.message;
  }
  return errors;
}

function composeUrl(destination: string, utm: UtmValues, partnerRef: string): string {
  const url = new URL(destination);
  for (const key of UTM_KEYS) {
    const value = utm[key];
    if (value === undefined) url.searchParams.delete(utmParam(key));
    else url.searchParams.set(utmParam(key), value);
  }
  url.searchParams.set(REF_PARAM, partnerRef);
  return url.href;
}

/** The tracked URL: the destination's own query kept, UTM values and the partner's `ref` set. */
export function buildReferralUrl(input: ReferralUrlInput): BuildReferralUrlResult {
  const parsed = referralUrlInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) };
  const { destination, utm, partnerRef } = parsed.data;
  return { ok: true, url: composeUrl(destination, utm, partnerRef) };
}

export interface ParsedReferralUrl {
  destination: string;
  utm: UtmValues;
  partnerRef: string;
}

/** Reads a tracked URL back into its parts; null when it is not a valid SISO referral URL. */
export function parseReferralUrl(raw: string): ParsedReferralUrl | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const params = url.searchParams;
  const utm = utmSchema.safeParse({
    source: params.get('utm_source') ?? '',
    medium: params.get('utm_medium') ?? '',
    campaign: params.get('utm_campaign') ?? '',
    term: params.get('utm_term') ?? undefined,
    content: params.get('utm_content') ?? undefined,
  });
  const partnerRef = partnerRefSchema.safeParse(params.get(REF_PARAM) ?? '');
  for (const key of UTM_KEYS) params.delete(utmParam(key));
  params.delete(REF_PARAM);
  const destination = destinationSchema.safeParse(url.href);
  if (!utm.success || !partnerRef.success || !destination.success) return null;
  return { destination: destination.data, utm: utm.data, partnerRef: partnerRef.data };
}

/** The URL of a stored link; null when the stored values no longer pass the rules. */
export function referralUrlForLink(
  link: Pick<ReferralLinkDoc, 'destination' | 'utm_source' | 'utm_medium' | 'utm_campaign' | 'utm_term' | 'utm_content'>,
  partnerRef: string,
): string | null {
  const result = buildReferralUrl({
    destination: link.destination,
    utm: {
      source: link.utm_source ?? '',
      medium: link.utm_medium ?? '',
      campaign: link.utm_campaign ?? '',
      term: link.utm_term ?? undefined,
      content: link.utm_content ?? undefined,
    },
    partnerRef,
  });
  return result.ok ? result.url : null;
}

// ---- The creator form ----

export interface ReferralLinkFormInput {
  name: string;
  destination: string;
  source: string;
  medium: string;
  campaign: string;
  term: string;
  content: string;
}
export type ReferralLinkFormField = keyof ReferralLinkFormInput;
export type ReferralLinkFormErrors = Partial<Record<ReferralLinkFormField, string>>;

export const referralLinkFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name so you can recognise the link later.')
    .max(LINK_NAME_MAX, `Keep the name to ${LINK_NAME_MAX} characters or fewer.`),
  destination: destinationSchema,
  source: utmValue('source'),
  medium: utmValue('medium'),
  campaign: utmValue('campaign'),
  term: optionalUtmValue('term'),
  content: optionalUtmValue('content'),
});
export type ReferralLinkFormValues = z.output<typeof referralLinkFormSchema>;

export type ReferralLinkFormResult =
  | { ok: true; values: ReferralLinkFormValues }
  | { ok: false; errors: ReferralLinkFormErrors };

export function emptyReferralLinkForm(): ReferralLinkFormInput {
  return { name: '', destination: '', source: '', medium: '', campaign: '', term: '', content: '' };
}

export function validateReferralLinkForm(input: ReferralLinkFormInput): ReferralLinkFormResult {
  const parsed = referralLinkFormSchema.safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data };
  return { ok: false, errors: firstErrors(parsed.error) as ReferralLinkFormErrors };
}

/** The live preview: the URL when every field that shapes it is valid, otherwise null. */
export function previewReferralUrl(input: ReferralLinkFormInput, partnerRef: string): string | null {
  const result = buildReferralUrl({
    destination: input.destination,
    utm: { source: input.source, medium: input.medium, campaign: input.campaign, term: input.term, content: input.content },
    partnerRef,
  });
  return result.ok ? result.url : null;
}

export function buildNewReferralLink(values: ReferralLinkFormValues, context: NewRowContext): ReferralLinkDoc {
  const now = context.now.toISOString();
  return referralLinkSchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    name: values.name,
    destination: values.destination,
    utm_source: values.source,
    utm_medium: values.medium,
    utm_campaign: values.campaign,
    utm_term: values.term ?? null,
    utm_content: values.content ?? null,
  });
}
