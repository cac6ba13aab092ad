/**
 * Duplicate matching for an import and the writes it plans: rows that share an email (ignoring
 * case) or a company name (ignoring case, accents and legal-form endings such as "GmbH" or "Ltd"),
 * with each other or with stored leads, grouped; then, per group, skip, import anyway, or update
 * (fill empty fields and append notes, never overwrite).
 */
import { leadSchema, type LeadDoc } from '../schema/leads.schema';
import type { LeadDraft } from './csv-lead-import';
import { foldForSearch } from './leads';

const LEGAL_SUFFIXES = new Set(['gmbh', 'ltd', 'limited', 'inc', 'llc', 'plc', 'sa', 'sas', 'sarl', 'srl', 'bv', 'ag', 'co', 'corp', 'kg', 'oy', 'ab', 'as', 'spa', 'sl']);

/** Company as compared for duplicates: folded, punctuation and legal-form words removed. */
export function normaliseCompany(company: string): string {
  const words = foldForSearch(company).replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

export function normaliseEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

export interface DuplicateGroup {
  /** Stable id for the page's choice controls. */
  key: string;
  /** Plain words: "same email anna@example.com" or "same company Acme". */
  reason: string;
  /** File rows in the group, in file order. */
  drafts: LeadDraft[];
  /** Stored leads in the group. */
  existing: LeadDoc[];
}

/**
 * Groups drafts that share an email (ignoring case) or a normalised company with each other or
 * with stored leads. Links chain: A~B by email and B~C by company puts all three in one group.
 */
export function findDuplicates(drafts: readonly LeadDraft[], existingLeads: readonly LeadDoc[]): DuplicateGroup[] {
  const total = drafts.length + existingLeads.length;
  const parent = Array.from({ length: total }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const leadAt = (i: number): LeadDoc => (i < drafts.length ? drafts[i]!.lead : existingLeads[i - drafts.length]!);
  const firstByEmail = new Map<string, number>();
  const firstByCompany = new Map<string, number>();
  const reasons = new Map<number, string>();
  for (let i = 0; i < total; i += 1) {
    const lead = leadAt(i);
    const email = normaliseEmail(lead.email);
    if (email) {
      const seen = firstByEmail.get(email);
      if (seen === undefined) firstByEmail.set(email, i);
      else {
        union(seen, i);
        reasons.set(i, `same email ${email}`);
      }
    }
    const company = normaliseCompany(lead.company);
    if (company) {
      const seen = firstByCompany.get(company);
      if (seen === undefined) firstByCompany.set(company, i);
      else {
        union(seen, i);
        if (!reasons.has(i)) reasons.set(i, `same company ${lead.company}`);
      }
    }
  }
  const groups = new Map<number, { members: number[]; reasons: Set<string> }>();
  for (let i = 0; i < total; i += 1) {
    const root = find(i);
    const group = groups.get(root) ?? { members: [], reasons: new Set<string>() };
    group.members.push(i);
    const reason = reasons.get(i);
    if (reason) group.reasons.add(reason);
    groups.set(root, group);
  }
  const result: DuplicateGroup[] = [];
  for (const group of groups.values()) {
    if (group.members.length < 2) continue;
    const groupDrafts = group.members.filter((i) => i < drafts.length).map((i) => drafts[i]!);
    if (groupDrafts.length === 0) continue; // Stored leads duplicating each other are not this import's business.
    const existing = group.members.filter((i) => i >= drafts.length).map((i) => existingLeads[i - drafts.length]!);
    result.push({
      key: `dup-${groupDrafts[0]!.line}`,
      reason: [...group.reasons].join(', '),
      drafts: groupDrafts,
      existing,
    });
  }
  return result.sort((a, b) => a.drafts[0]!.line - b.drafts[0]!.line);
}

// Planning the write ------------------------------------------------------------------------------

export const DUPLICATE_CHOICES = ['skip', 'import', 'update'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

export interface LeadUpdate {
  id: string;
  patch: Partial<LeadDoc>;
  /** File lines merged into this lead. */
  lines: number[];
}

export interface ImportPlan {
  inserts: LeadDoc[];
  updates: LeadUpdate[];
  /** Rows left out because the person chose to skip their duplicate group. */
  skipped: LeadDraft[];
}

const MERGE_FIELDS = ['contact_name', 'email', 'phone', 'estimated_value'] as const;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function mergeNotes(current: string | null | undefined, incoming: string | null | undefined): string | null {
  const base = current?.trim() ?? '';
  const extra = incoming?.trim() ?? '';
  if (!extra || base.includes(extra)) return base || null;
  return base ? `${base}\n\n${extra}` : extra;
}

/** What merging `from` into `into` changes: empty fields filled, notes appended. */
export function mergeIntoLead(into: LeadDoc, from: readonly LeadDoc[], now: Date): Partial<LeadDoc> {
  const patch: Partial<LeadDoc> = {};
  const merged: LeadDoc = { ...into };
  for (const source of from) {
    for (const field of MERGE_FIELDS) {
      if (isEmpty(merged[field]) && !isEmpty(source[field])) {
        Object.assign(patch, { [field]: source[field] });
        Object.assign(merged, { [field]: source[field] });
        if (field === 'estimated_value') {
          patch.currency = source.currency ?? merged.currency ?? null;
          merged.currency = patch.currency;
        }
      }
    }
    const notes = mergeNotes(merged.notes, source.notes);
    if (notes !== (merged.notes ?? null)) {
      patch.notes = notes;
      merged.notes = notes;
    }
  }
  if (Object.keys(patch).length > 0) patch.updated_at = now.toISOString();
  leadSchema.parse({ ...into, ...patch });
  return patch;
}

/**
 * The writes an import makes. Per duplicate group:
 * - skip: with stored leads in the group, none of its rows are imported; within the file only,
 *   the first row is imported and the later ones skipped.
 * - import: every row is imported as a new lead.
 * - update: rows are merged into the first stored lead (or, within the file only, into the first
 *   row, which is then imported): empty fields filled, notes appended.
 */
export function planImport(
  drafts: readonly LeadDraft[],
  groups: readonly DuplicateGroup[],
  choices: Readonly<Record<string, DuplicateChoice>>,
  now: Date,
): ImportPlan {
  const handled = new Set<LeadDraft>();
  const inserts = new Map<LeadDraft, LeadDoc>();
  const updates: LeadUpdate[] = [];
  const skipped: LeadDraft[] = [];
  for (const group of groups) {
    const choice = choices[group.key] ?? 'skip';
    group.drafts.forEach((draft) => handled.add(draft));
    const [first, ...later] = group.drafts;
    if (!first) continue;
    const target = group.existing[0];
    if (choice === 'import') {
      group.drafts.forEach((draft) => inserts.set(draft, draft.lead));
    } else if (choice === 'skip') {
      if (target) skipped.push(...group.drafts);
      else {
        inserts.set(first, first.lead);
        skipped.push(...later);
      }
    } else if (target) {
      const patch = mergeIntoLead(target, group.drafts.map((d) => d.lead), now);
      updates.push({ id: target.id, patch, lines: group.drafts.map((d) => d.line) });
    } else {
      inserts.set(first, { ...first.lead, ...mergeIntoLead(first.lead, later.map((d) => d.lead), now) });
    }
  }
  const ordered: LeadDoc[] = [];
  for (const draft of drafts) {
    if (!handled.has(draft)) ordered.push(draft.lead);
    else {
      const lead = inserts.get(draft);
      if (lead) ordered.push(lead);
    }
  }
  return { inserts: ordered, updates, skipped: skipped.sort((a, b) => a.line - b.line) };
}

