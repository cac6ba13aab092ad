/**
 * Clients: won leads seen as the partner's clients — their contact details, registration status,
 * the projects SISO delivers for them (admin-written JSON on the lead), the commissions earned from
 * them per currency and their last activity — plus the tier gates of the Clients screen.
 */
import { z } from 'zod';
import type { ActivityDoc } from '../schema/activities.schema';
import type { EarningDoc } from '../schema/earnings.schema';
import { REGISTRATION_STATUSES, type LeadDoc, type RegistrationStatus } from '../schema/leads.schema';
import { leadFeature, LEAD_FEATURES, type FeatureRef } from './entitlements';
import { foldForSearch } from './leads';

export const CLIENT_PROJECT_STATUSES = ['planned', 'in_progress', 'delivered', 'on_hold'] as const;
export type ClientProjectStatus = (typeof CLIENT_PROJECT_STATUSES)[number];

export const CLIENT_PROJECT_STATUS_LABELS: Readonly<Record<ClientProjectStatus, string>> = {
  planned: 'Planned',
  in_progress: 'In progress',
  delivered: 'Delivered',
  on_hold: 'On hold',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'Expected an ISO date (YYYY-MM-DD).');

export const clientProjectSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  status: z.enum(CLIENT_PROJECT_STATUSES),
  value: z.number().nonnegative().nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  started_at: isoDate.nullable(),
  delivered_at: isoDate.nullable(),
});
export type ClientProject = z.infer<typeof clientProjectSchema>;

/** The shape of leads.client_projects (JSON text written by admins only). */
export const clientProjectsSchema = z.array(clientProjectSchema).max(100);

export type ClientProjectsRead = { ok: true; projects: ClientProject[] } | { ok: false; projects: []; problem: string };

/**
 * The projects stored on a lead. Absent or empty means none; text that is not the agreed shape is
 * reported rather than thrown, so one bad row cannot take the whole list down.
 */
export function parseClientProjects(raw: unknown): ClientProjectsRead {
  if (raw === null || raw === undefined || raw === '') return { ok: true, projects: [] };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, projects: [], problem: 'The project list SISO stored for this client could not be read. Sync again, or contact support if it persists.' };
    }
  }
  const parsed = clientProjectsSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, projects: [], problem: 'The project list SISO stored for this client is not in a shape this app understands. Update the app, or contact support if it persists.' };
  }
  return { ok: true, projects: parsed.data };
}

/** The Clients screen's gates, mapped onto the lead features the tier rules already name. */
export const CLIENT_FEATURES = {
  /** Starter: the list and contact details. */
  list: leadFeature(LEAD_FEATURES.leadList),
  /** Active: pipeline tracking, deal stages and notes. */
  pipeline: leadFeature(LEAD_FEATURES.pipeline),
  /** Performer: automated follow-ups. */
  followUps: leadFeature(LEAD_FEATURES.automation),
  /** Elite: the white-label client status report. */
  statusReport: leadFeature(LEAD_FEATURES.whiteLabel),
} as const satisfies Record<string, FeatureRef>;

export const REGISTRATION_STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  pending: 'Registration pending',
  approved: 'Registered',
  rejected: 'Registration rejected',
  conflict: 'Registration conflict',
  expired: 'Registration expired',
};

/** Where the referral stands: the deal registration when there is one, else won without one. */
export type ReferralStatus = { kind: 'registration'; status: RegistrationStatus; label: string } | { kind: 'won'; label: string };

/** The lead fields clients read; the schema-v1 fields are optional so older rows still fit. */
export type ClientLead = Pick<
  LeadDoc,
  'id' | 'company' | 'contact_name' | 'email' | 'phone' | 'stage' | 'estimated_value' | 'currency' | 'notes' | 'next_action' | 'next_action_at' | 'stage_changed_at' | 'created_at' | 'updated_at' | 'source'
> & {
  website?: string | null;
  registration_status?: string | null;
  client_projects?: string | null;
};

export type ClientEarning = Pick<EarningDoc, 'kind' | 'lead_id' | 'amount' | 'currency' | 'status' | 'created_at'>;
export type ClientActivity = Pick<ActivityDoc, 'lead_id' | 'kind' | 'body' | 'occurred_at'>;

export interface CurrencyAmount {
  currency: string;
  amount: number;
}

export interface Client {
  id: string;
  company: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** When the lead was won (its last stage change). */
  wonAt: string | null;
  dealValue: CurrencyAmount | null;
  referralStatus: ReferralStatus;
  projects: ClientProject[];
  /** Set when the stored project list could not be read. */
  projectsProblem: string | null;
  /** Commission lines for this client summed per currency (clawbacks included), largest first; reversed lines left out. */
  commissions: CurrencyAmount[];
  /** Commission lines for this client that are paid, per currency. */
  commissionsPaid: CurrencyAmount[];
  lastActivityAt: string | null;
  lastActivity: ClientActivity | null;
  nextAction: string | null;
  nextActionAt: string | null;
}

function isRegistrationStatus(value: unknown): value is RegistrationStatus {
  return typeof value === 'string' && (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

export function referralStatusOf(lead: Pick<ClientLead, 'registration_status'>): ReferralStatus {
  const status = lead.registration_status;
  if (isRegistrationStatus(status)) return { kind: 'registration', status, label: REGISTRATION_STATUS_LABELS[status] };
  return { kind: 'won', label: 'Won, not registered' };
}

function addTo(totals: Map<string, number>, currency: string, amount: number) {
  totals.set(currency, (totals.get(currency) ?? 0) + amount);
}

function toAmounts(totals: Map<string, number>): CurrencyAmount[] {
  return [...totals]
    // Cents, so sums of many lines do not show floating-point dust.
    .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

/** Won leads as clients, newest win first. Commission lines link to their lead by lead_id. */
export function clientsFrom(leads: readonly ClientLead[], earnings: readonly ClientEarning[], activities: readonly ClientActivity[]): Client[] {
  const won = leads.filter((lead) => lead.stage === 'won');
  const ids = new Set(won.map((lead) => lead.id));
  const earned = new Map<string, Map<string, number>>();
  const paid = new Map<string, Map<string, number>>();
  for (const line of earnings) {
    if (line.kind !== 'commission' || !line.lead_id || !ids.has(line.lead_id) || line.status === 'reversed') continue;
    const totals = earned.get(line.lead_id) ?? new Map<string, number>();
    addTo(totals, line.currency, line.amount);
    earned.set(line.lead_id, totals);
    if (line.status === 'paid') {
      const paidTotals = paid.get(line.lead_id) ?? new Map<string, number>();
      addTo(paidTotals, line.currency, line.amount);
      paid.set(line.lead_id, paidTotals);
    }
  }
  const latest = new Map<string, ClientActivity>();
  for (const activity of activities) {
    if (!activity.lead_id || !ids.has(activity.lead_id)) continue;
    const current = latest.get(activity.lead_id);
    if (!current || activity.occurred_at > current.occurred_at) latest.set(activity.lead_id, activity);
  }
  const clients = won.map((lead): Client => {
    const projects = parseClientProjects(lead.client_projects);
    const last = latest.get(lead.id) ?? null;
    return {
      id: lead.id,
      company: lead.company,
      contactName: lead.contact_name ?? null,
      email: lead.email ?? null,
      phone: lead.phone ?? null,
      website: lead.website ?? null,
      wonAt: lead.stage_changed_at ?? null,
      dealValue: lead.estimated_value != null && lead.currency ? { amount: lead.estimated_value, currency: lead.currency } : null,
      referralStatus: referralStatusOf(lead),
      projects: projects.projects,
      projectsProblem: projects.ok ? null : projects.problem,
      commissions: toAmounts(earned.get(lead.id) ?? new Map()),
      commissionsPaid: toAmounts(paid.get(lead.id) ?? new Map()),
      lastActivityAt: last?.occurred_at ?? null,
      lastActivity: last,
      nextAction: lead.next_action ?? null,
      nextActionAt: lead.next_action_at ?? null,
    };
  });
  return sortClients(clients, 'recent');
}

export const CLIENT_SORTS = ['recent', 'company', 'commission', 'activity'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export const CLIENT_SORT_LABELS: Readonly<Record<ClientSort, string>> = {
  recent: 'Most recently won',
  company: 'Company (A–Z)',
  commission: 'Commission earned',
  activity: 'Latest activity',
};

/** The biggest single-currency commission: currencies are never added together. */
function largestCommission(client: Client): number {
  return client.commissions[0]?.amount ?? 0;
}

export function sortClients(clients: readonly Client[], sort: ClientSort): Client[] {
  const byCompany = (a: Client, b: Client) => a.company.localeCompare(b.company, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  const desc = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  const compare: Record<ClientSort, (a: Client, b: Client) => number> = {
    recent: (a, b) => desc(a.wonAt, b.wonAt) || byCompany(a, b),
    company: byCompany,
    commission: (a, b) => largestCommission(b) - largestCommission(a) || byCompany(a, b),
    activity: (a, b) => desc(a.lastActivityAt, b.lastActivityAt) || byCompany(a, b),
  };
  return [...clients].sort(compare[sort]);
}

export const CLIENT_PROJECT_FILTERS = ['all', 'active', 'delivered', 'none'] as const;
export type ClientProjectFilter = (typeof CLIENT_PROJECT_FILTERS)[number];
export const CLIENT_PROJECT_FILTER_LABELS: Readonly<Record<ClientProjectFilter, string>> = {
  all: 'All clients',
  active: 'With a project under way',
  delivered: 'With a delivered project',
  none: 'No project yet',
};

export interface ClientFilter {
  search?: string;
  projects?: ClientProjectFilter;
}

function matchesProjects(client: Client, filter: ClientProjectFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return client.projects.some((project) => project.status === 'in_progress' || project.status === 'planned');
    case 'delivered':
      return client.projects.some((project) => project.status === 'delivered');
    case 'none':
      return client.projects.length === 0;
  }
}

/** Clients whose company, contact, email or project names contain the search (accents and case ignored). */
export function filterClients(clients: readonly Client[], filter: ClientFilter): Client[] {
  const needle = foldForSearch(filter.search?.trim() ?? '');
  const projects = filter.projects ?? 'all';
  return clients.filter((client) => {
    if (!matchesProjects(client, projects)) return false;
    if (!needle) return true;
    const haystack = [client.company, client.contactName, client.email, ...client.projects.map((project) => project.name)]
      .filter((part): part is string => Boolean(part))
      .map(foldForSearch)
      .join('\n');
    return haystack.includes(needle);
  });
}

/** Validates an admin's edited project list before it is sent; the server checks it again. */
export function validateClientProjects(projects: unknown): { ok: true; projects: ClientProject[] } | { ok: false; message: string } {
  const parsed = clientProjectsSchema.safeParse(projects);
  if (parsed.success) {
    const bad = parsed.data.find((project) => project.value !== null && !project.currency);
    if (bad) return { ok: false, message: `"${bad.name}" has a value but no currency. Choose a currency or clear the value.` };
    return { ok: true, projects: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  return { ok: false, message: `The project list is not valid${where}: ${issue?.message ?? 'unknown problem'}. Fix it and save again.` };
}
