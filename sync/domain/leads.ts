/**
 * Lead rules shared by every screen that shows or edits leads: the names stages and sources go by,
 * the quick stats, the list's order, the lead and activity forms (zod, with the messages people
 * see), and the documents a create, edit or stage change writes.
 *
 * Definitions (the leads page shows them in plain words):
 * - Active leads are those not yet closed: stage new, contacted, qualified or proposal.
 * - In progress are active leads past "new": contacted, qualified or proposal.
 * - Converted leads are those won.
 * - Potential value is the sum of the active leads' estimated values, per currency (values in
 *   different currencies are never added together). A value without a currency is summed under
 *   `null`.
 * - Days in current stage are whole days since stage_changed_at (or created_at if never changed).
 */
import { z } from 'zod';
import { activitySchema, type ActivityDoc, type ActivityKind } from '../schema/activities.schema';
import { LEAD_SOURCES, LEAD_STAGES, leadSchema, type LeadDoc, type LeadSource, type LeadStage } from '../schema/leads.schema';

export { LEAD_SOURCES, LEAD_STAGES, type LeadSource, type LeadStage };

export const ACTIVE_STAGES: readonly LeadStage[] = ['new', 'contacted', 'qualified', 'proposal'];
export const IN_PROGRESS_STAGES: readonly LeadStage[] = ['contacted', 'qualified', 'proposal'];
export const CONVERTED_STAGE: LeadStage = 'won';

// Names ------------------------------------------------------------------------------------------

/** The one name each stage goes by: on screen, on the timeline, in reminders and in CSV files. */
export const STAGE_LABELS: Readonly<Record<LeadStage, string>> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
};

export function stageLabel(stage: LeadStage): string {
  return STAGE_LABELS[stage];
}

export const SOURCE_LABELS: Readonly<Record<LeadSource, string>> = {
  referral_link: 'Referral link',
  website: 'Website',
  event: 'Event',
  cold_outreach: 'Cold outreach',
  partner_network: 'Partner network',
  other: 'Other',
};

export function sourceLabel(source: LeadSource): string {
  return SOURCE_LABELS[source];
}

/** The lead columns these rules read; PlainDoc<'leads'> and LeadDoc both fit. */
export interface LeadLike {
  readonly id: string;
  readonly company: string;
  readonly contact_name?: string | null;
  readonly email?: string | null;
  readonly stage: LeadStage;
  readonly estimated_value?: number | null;
  readonly currency?: string | null;
  readonly created_at: string;
  readonly updated_at?: string | null;
  readonly stage_changed_at?: string | null;
}

// Stats ------------------------------------------------------------------------------------------

export interface CurrencyTotal {
  /** ISO 4217 code, or null for values stored without a currency. */
  currency: string | null;
  amount: number;
}

export interface LeadStats {
  active: number;
  inProgress: number;
  converted: number;
  /** Potential value of active leads per currency, largest first, then by code. */
  potential: CurrencyTotal[];
}

export function computeLeadStats(leads: readonly LeadLike[]): LeadStats {
  let active = 0;
  let inProgress = 0;
  let converted = 0;
  const totals = new Map<string | null, number>();
  for (const lead of leads) {
    if (lead.stage === CONVERTED_STAGE) converted += 1;
    if (IN_PROGRESS_STAGES.includes(lead.stage)) inProgress += 1;
    if (!ACTIVE_STAGES.includes(lead.stage)) continue;
    active += 1;
    const value = lead.estimated_value;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      const currency = lead.currency ?? null;
      // Sum in hundredths so 0.1 + 0.2 style drift never shows in a total.
      totals.set(currency, (totals.get(currency) ?? 0) + Math.round(value * 100));
    }
  }
  const potential = [...totals.entries()]
    .map(([currency, cents]) => ({ currency, amount: cents / 100 }))
    .sort((a, b) => b.amount - a.amount || (a.currency ?? '~').localeCompare(b.currency ?? '~'));
  return { active, inProgress, converted, potential };
}

// Search folding and order ---------------------------------------------------------------------

// Letters NFD does not split into base + mark, folded by hand so "lodz" finds "Łódź".
const EXTRA_FOLDS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** Lower case, without accents or diacritics, whitespace collapsed: the form text is compared in. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıþð]/g, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** When a lead last changed: updated_at, or created_at for a row never updated. */
export function lastChangedAt(lead: LeadLike): string {
  return lead.updated_at ?? lead.created_at;
}

/** Most recently updated first; ties (and unreadable times) by id so the order is stable. */
export function sortLeadsByRecentChange<T extends LeadLike>(leads: readonly T[]): T[] {
  // Each timestamp is parsed once, not once per comparison: lists hold tens of thousands of leads.
  const keyed = leads.map((lead) => ({ lead, at: Date.parse(lastChangedAt(lead)) }));
  keyed.sort((a, b) => {
    const diff = b.at - a.at;
    return diff !== 0 && !Number.isNaN(diff) ? diff : a.lead.id.localeCompare(b.lead.id);
  });
  return keyed.map((entry) => entry.lead);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the lead entered its current stage (0 on the day it did; never negative). */
export function daysInCurrentStage(lead: LeadLike, now: Date): number {
  const since = Date.parse(lead.stage_changed_at ?? lead.created_at);
  if (Number.isNaN(since)) return 0;
  return Math.max(0, Math.floor((now.getTime() - since) / DAY_MS));
}

// The lead form ----------------------------------------------------------------------------------

export const LEAD_TEXT_MAX = 200;
export const LEAD_NOTES_MAX = 5000;
export const DEFAULT_CURRENCY = 'EUR';

/** What the form holds: strings exactly as typed, so nothing typed is lost to a failed parse. */
export interface LeadFormInput {
  company: string;
  contact_name: string;
  email: string;
  phone: string;
  /** The company's website; its domain is what deal registration checks. */
  website: string;
  source: string;
  estimated_value: string;
  currency: string;
  notes: string;
}

const COMPANY_OR_CONTACT_MESSAGE = 'Enter a company or a contact name.';

const VALUE_PATTERN = /^(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$/;

/** Parses "4800", "4,800.50" or "4 800"; null for blank. Throws nothing: NaN means unreadable. */
export function parseMoneyInput(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!VALUE_PATTERN.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/[,\s]/g, ''));
}

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((value) => (value === '' ? null : value));

export const leadFormSchema = z
  .object({
    company: optionalText('Company', LEAD_TEXT_MAX),
    contact_name: optionalText('Contact name', LEAD_TEXT_MAX),
    email: optionalText('Email', 320).refine(
      (value) => value === null || z.email().safeParse(value).success,
      'Enter an email address such as name@example.com, or leave it empty.',
    ),
    phone: optionalText('Phone', 40).refine(
      (value) => value === null || /^[+()\d\s./-]{3,40}$/.test(value),
      'Use digits, spaces and + ( ) - . only, e.g. +44 20 7946 0958.',
    ),
    website: optionalText('Website', 300).refine(
      (value) => value === null || /^([a-z][a-z0-9+.-]*:\/\/)?[^\s/?#:@]+\.[^\s/?#:@]+([:/?#]\S*)?$/i.test(value),
      'Enter the company’s website, e.g. northwind.example or https://northwind.example, or leave it empty.',
    ),
    source: z.enum(LEAD_SOURCES, 'Choose where the lead came from.'),
    estimated_value: z.string().transform((text, ctx) => {
      const trimmed = text.trim();
      if (/^-\s*\d/.test(trimmed)) {
        ctx.addIssue({ code: 'custom', message: 'The estimated value cannot be negative.' });
        return z.NEVER;
      }
      const value = parseMoneyInput(trimmed);
      if (value !== null && !Number.isFinite(value)) {
        ctx.addIssue({ code: 'custom', message: 'Enter the estimated value as a number, e.g. 4800 or 4,800.50.' });
        return z.NEVER;
      }
      return value;
    }),
    currency: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => /^[A-Z]{3}$/.test(value), 'Use a three-letter currency code, e.g. EUR.'),
    notes: optionalText('Notes', LEAD_NOTES_MAX),
  })
  .superRefine((values, ctx) => {
    if (values.company === null && values.contact_name === null) {
      ctx.addIssue({ code: 'custom', path: ['company'], message: COMPANY_OR_CONTACT_MESSAGE });
    }
  });
export type LeadFormValues = z.output<typeof leadFormSchema>;

export type LeadFormField = keyof LeadFormInput;
export type LeadFormErrors = Partial<Record<LeadFormField, string>>;

export type LeadFormResult = { ok: true; values: LeadFormValues } | { ok: false; errors: LeadFormErrors };

/** Validates the form; errors hold the first message per field. */
export function validateLeadForm(input: LeadFormInput): LeadFormResult {
  const result = leadFormSchema.safeParse(input);
  if (result.success) return { ok: true, values: result.data };
  const errors = firstMessagePerField<LeadFormField>(result.error);
  // zod skips the object-level rule when a field already failed; report it anyway, all at once.
  if (!errors.company && input.company.trim() === '' && input.contact_name.trim() === '') {
    errors.company = COMPANY_OR_CONTACT_MESSAGE;
  }
  return { ok: false, errors };
}

export function emptyLeadForm(currency: string = DEFAULT_CURRENCY): LeadFormInput {
  return { company: '', contact_name: '', email: '', phone: '', website: '', source: 'referral_link', estimated_value: '', currency, notes: '' };
}

/** The form pre-filled from a stored lead, for editing. */
export function leadToFormInput(lead: LeadDoc | LeadLike & Partial<LeadDoc>, fallbackCurrency: string = DEFAULT_CURRENCY): LeadFormInput {
  return {
    company: lead.company,
    contact_name: lead.contact_name ?? '',
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    website: lead.website ?? '',
    source: lead.source ?? 'other',
    estimated_value: typeof lead.estimated_value === 'number' ? String(lead.estimated_value) : '',
    currency: lead.currency ?? fallbackCurrency,
    notes: lead.notes ?? '',
  };
}

/**
 * The lead columns the form sets. The table requires a company, so a lead entered with only a
 * contact name (a private person) is filed under that name.
 */
export function leadFieldsFromForm(values: LeadFormValues) {
  return {
    company: values.company ?? values.contact_name ?? '',
    contact_name: values.contact_name,
    email: values.email,
    phone: values.phone,
    website: values.website,
    source: values.source,
    estimated_value: values.estimated_value,
    currency: values.currency,
    notes: values.notes,
  };
}

export interface NewRowContext {
  id: string;
  partnerId: string;
  now: Date;
}

/** A new lead in stage "new", validated against the stored schema. */
export function buildNewLead(values: LeadFormValues, context: NewRowContext): LeadDoc {
  const now = context.now.toISOString();
  return leadSchema.parse({
    ...leadFieldsFromForm(values),
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    stage: 'new',
    stage_changed_at: now,
  });
}

/** The patch an edit writes, validated as a whole lead so a bad value never reaches the store. */
export function buildLeadEdit(current: LeadDoc, values: LeadFormValues, now: Date): Partial<LeadDoc> {
  const patch = { ...leadFieldsFromForm(values), updated_at: now.toISOString() };
  leadSchema.parse({ ...current, ...patch });
  return patch;
}

// Stage changes ----------------------------------------------------------------------------------

export interface StageChange {
  patch: Pick<LeadDoc, 'stage' | 'stage_changed_at' | 'updated_at'>;
  activity: ActivityDoc;
}

/** The lead patch and the timeline entry a stage change writes; null when the stage is unchanged. */
export function buildStageChange(
  lead: LeadDoc,
  to: LeadStage,
  context: NewRowContext,
): StageChange | null {
  if (lead.stage === to) return null;
  const now = context.now.toISOString();
  const activity = activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: lead.id,
    kind: 'stage_change',
    body: `Stage changed from ${stageLabel(lead.stage)} to ${stageLabel(to)}.`,
    occurred_at: now,
    meta: JSON.stringify({ from: lead.stage, to }),
  });
  return { patch: { stage: to, stage_changed_at: now, updated_at: now }, activity };
}

// Activities -------------------------------------------------------------------------------------

/** What a partner logs by hand; the other kinds are written by the app. */
export const LOGGABLE_ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting'] as const satisfies readonly ActivityKind[];
export type LoggableActivityKind = (typeof LOGGABLE_ACTIVITY_KINDS)[number];

export const ACTIVITY_BODY_MAX = 5000;

export interface ActivityFormInput {
  kind: string;
  body: string;
}

export const activityFormSchema = z.object({
  kind: z.enum(LOGGABLE_ACTIVITY_KINDS, 'Choose note, call, email or meeting.'),
  body: z
    .string()
    .trim()
    .min(1, 'Write what happened, e.g. "Called Anna: she wants a proposal by Friday."')
    .max(ACTIVITY_BODY_MAX, `Keep it under ${ACTIVITY_BODY_MAX} characters.`),
});
export type ActivityFormValues = z.output<typeof activityFormSchema>;
export type ActivityFormErrors = Partial<Record<keyof ActivityFormInput, string>>;

export function validateActivityForm(
  input: ActivityFormInput,
): { ok: true; values: ActivityFormValues } | { ok: false; errors: ActivityFormErrors } {
  const result = activityFormSchema.safeParse(input);
  if (result.success) return { ok: true, values: result.data };
  return { ok: false, errors: firstMessagePerField<keyof ActivityFormInput>(result.error) };
}

export function buildActivity(values: ActivityFormValues, leadId: string, context: NewRowContext): ActivityDoc {
  const now = context.now.toISOString();
  return activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: leadId,
    kind: values.kind,
    body: values.body,
    occurred_at: now,
    meta: null,
  });
}

/** The lead's patch when an activity is logged: the lead counts as just updated. */
export function touchLead(now: Date): Pick<LeadDoc, 'updated_at'> {
  return { updated_at: now.toISOString() };
}

// Shared -----------------------------------------------------------------------------------------

function firstMessagePerField<F extends string>(error: z.ZodError): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string') continue;
    const key = field as F;
    errors[key] ??= issue.message;
  }
  return errors;
}
