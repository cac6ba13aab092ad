/**
 * Proposal versions and signatures as activity rows: the meta JSON each carries, grouping rows into
 * per-proposal histories (legacy one-off proposals included), what changed between versions in
 * words a partner reads, and the file names, storage paths and tracked link a version uses.
 */
import { z } from 'zod';
import { activitySchema, type ActivityDoc } from '../../schema/activities.schema';
import { isoTimestamp } from '../../schema/fields';
import { LINK_NAME_MAX, UTM_VALUE_MAX } from '../referral-links';
import { proposalFileName, readProposalMeta } from './activity';
import type { ApprovalStatus } from './discount';
import { quoteSelectionSchema, type Quote, type QuoteSelection } from './quote';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lower-case hex digits.');
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** The JSON in `meta` of a v2 proposal_created row. */
export const proposalVersionMetaSchema = z.object({
  file_name: z.string().min(1),
  template: z.string().min(1),
  sha256: sha256Hex,
  version: z.int().min(1),
  file_path: z.string().min(1),
  size: z.int().min(0),
  watermarked: z.boolean(),
  changes: z.array(z.string()),
  link_id: z.string().min(1).nullable(),
  tracked_url: z.string().min(1).nullable(),
  quote: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      selection: quoteSelectionSchema,
      subtotal_minor: z.int(),
      discount_minor: z.int(),
      tax_minor: z.int(),
      total_minor: z.int(),
    })
    .nullable(),
  inputs: z.object({
    template_id: z.string().min(1),
    brand: z.object({ primary: hexColour, secondary: hexColour }),
    intro: z.string().nullable(),
    sections_off: z.array(z.string()),
    white_label: z.boolean(),
    rendered_at: isoTimestamp,
    // Beyond the contract's minimum, optional so rows written without them still parse: they let
    // a later version describe its changes by name after the template itself has changed.
    template_name: z.string().min(1).optional(),
    line_labels: z.record(z.string(), z.string()).optional(),
    section_labels: z.record(z.string(), z.string()).optional(),
  }),
});
export type ProposalVersionMeta = z.infer<typeof proposalVersionMetaSchema>;

/** The JSON in `meta` of a proposal_signed row. */
export const proposalSignatureMetaSchema = z.object({
  version_id: z.string().min(1),
  file_name: z.string().min(1),
  file_path: z.string().min(1),
  sha256: sha256Hex,
  size: z.int().min(0),
  sha256_before: sha256Hex,
  signer_name: z.string().min(1),
  signer_email: z.string().min(1),
  signed_at: isoTimestamp,
  method: z.enum(['drawn', 'typed']),
});
export type ProposalSignatureMeta = z.infer<typeof proposalSignatureMetaSchema>;

export interface VersionInputs {
  templateId: string;
  templateName: string;
  brand: { primary: string; secondary: string };
  intro: string | null;
  sectionsOff: string[];
  whiteLabel: boolean;
  quote: QuoteSelection | null;
  /** Price list item id → label, so changes name the line. */
  lineLabels?: Record<string, string>;
  /** Section id → label, so changes name the section (optional; ids are shown without it). */
  sectionLabels?: Record<string, string>;
}

export interface QuoteTotals {
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface ProposalVersion {
  activityId: string;
  proposalId: string;
  leadId: string | null;
  version: number;
  createdAt: string;
  fileName: string;
  filePath: string | null;
  sha256: string | null;
  size: number | null;
  templateId: string;
  inputs: (VersionInputs & { renderedAt: string }) | null;
  quoteTotals: QuoteTotals | null;
  discountPercent: number;
  approvalStatus: ApprovalStatus | null;
  decidedAt: string | null;
  decisionNote: string | null;
  watermarked: boolean;
  changes: string[];
  trackedUrl: string | null;
  linkId: string | null;
  /** Saved before versions existed: no proposal_id, no stored inputs. */
  legacy: boolean;
}

export interface ProposalSignature {
  activityId: string;
  proposalId: string;
  versionId: string;
  fileName: string;
  filePath: string;
  sha256: string;
  size: number;
  sha256Before: string;
  signerName: string;
  signerEmail: string;
  signedAt: string;
  method: 'drawn' | 'typed';
}

export interface ProposalHistory {
  proposalId: string;
  leadId: string | null;
  /** Ascending by version. */
  versions: ProposalVersion[];
  signatures: ProposalSignature[];
  latest: ProposalVersion;
  /** The most recent signature, if the client has signed. */
  signed: ProposalSignature | null;
}

function parseJson(meta: string | null | undefined): unknown {
  if (!meta) return null;
  try {
    return JSON.parse(meta);
  } catch {
    return null;
  }
}

function versionFromRow(row: ActivityDoc): ProposalVersion | null {
  const base = {
    activityId: row.id,
    leadId: row.lead_id ?? null,
    createdAt: row.occurred_at,
    discountPercent: row.discount_percent ?? 0,
    approvalStatus: row.approval_status ?? null,
    decidedAt: row.decided_at ?? null,
    decisionNote: row.decision_note ?? null,
  };
  const parsed = row.proposal_id ? proposalVersionMetaSchema.safeParse(parseJson(row.meta)) : null;
  if (row.proposal_id && parsed?.success) {
    const meta = parsed.data;
    const { inputs, quote } = meta;
    return {
      ...base,
      proposalId: row.proposal_id,
      version: meta.version,
      fileName: meta.file_name,
      filePath: meta.file_path,
      sha256: meta.sha256,
      size: meta.size,
      templateId: meta.template,
      inputs: {
        templateId: inputs.template_id,
        templateName: inputs.template_name ?? inputs.template_id,
        brand: inputs.brand,
        intro: inputs.intro,
        sectionsOff: inputs.sections_off,
        whiteLabel: inputs.white_label,
        quote: quote?.selection ?? null,
        ...(inputs.line_labels ? { lineLabels: inputs.line_labels } : {}),
        ...(inputs.section_labels ? { sectionLabels: inputs.section_labels } : {}),
        renderedAt: inputs.rendered_at,
      },
      quoteTotals: quote
        ? { currency: quote.currency, subtotalMinor: quote.subtotal_minor, discountMinor: quote.discount_minor, taxMinor: quote.tax_minor, totalMinor: quote.total_minor }
        : null,
      watermarked: meta.watermarked,
      changes: meta.changes,
      trackedUrl: meta.tracked_url,
      linkId: meta.link_id,
      legacy: false,
    };
  }
  // A row from before versions (or with meta this build cannot read): shown as what it was, one file.
  const legacy = readProposalMeta(row.meta);
  if (!legacy && !row.proposal_id) return null;
  return {
    ...base,
    proposalId: row.proposal_id ?? row.id,
    version: 1,
    fileName: legacy?.fileName ?? 'Proposal.pdf',
    filePath: null,
    sha256: legacy?.sha256 ?? null,
    size: null,
    templateId: legacy?.template ?? '',
    inputs: null,
    quoteTotals: null,
    watermarked: false,
    changes: [],
    trackedUrl: null,
    linkId: null,
    legacy: !row.proposal_id,
  };
}

function signatureFromRow(row: ActivityDoc): ProposalSignature | null {
  if (!row.proposal_id) return null;
  const parsed = proposalSignatureMetaSchema.safeParse(parseJson(row.meta));
  if (!parsed.success) return null;
  const meta = parsed.data;
  return {
    activityId: row.id,
    proposalId: row.proposal_id,
    versionId: meta.version_id,
    fileName: meta.file_name,
    filePath: meta.file_path,
    sha256: meta.sha256,
    size: meta.size,
    sha256Before: meta.sha256_before,
    signerName: meta.signer_name,
    signerEmail: meta.signer_email,
    signedAt: meta.signed_at,
    method: meta.method,
  };
}

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/**
 * Groups proposal_created and proposal_signed rows into one history per proposal, the proposal
 * with the newest activity first. A proposal_created row without proposal_id (saved before
 * versions) is its own one-version history, marked legacy, whose id is the activity's.
 */
export function proposalHistories(activities: readonly ActivityDoc[]): ProposalHistory[] {
  const groups = new Map<string, { versions: ProposalVersion[]; signatures: ProposalSignature[]; newest: string }>();
  const group = (id: string, at: string) => {
    let entry = groups.get(id);
    if (!entry) groups.set(id, (entry = { versions: [], signatures: [], newest: at }));
    if (byTime(at, entry.newest) > 0) entry.newest = at;
    return entry;
  };
  for (const row of activities) {
    if (row.kind === 'proposal_created') {
      const version = versionFromRow(row);
      if (version) group(version.proposalId, row.occurred_at).versions.push(version);
    } else if (row.kind === 'proposal_signed') {
      const signature = signatureFromRow(row);
      if (signature) group(signature.proposalId, row.occurred_at).signatures.push(signature);
    }
  }
  const histories: (ProposalHistory & { newest: string })[] = [];
  for (const [proposalId, entry] of groups) {
    // A signature can sync before the version it signs; the history appears once the version does.
    if (entry.versions.length === 0) continue;
    const versions = entry.versions.sort((a, b) => a.version - b.version || byTime(a.createdAt, b.createdAt));
    const signatures = entry.signatures.sort((a, b) => byTime(a.signedAt, b.signedAt));
    const latest = versions[versions.length - 1] as ProposalVersion;
    histories.push({
      proposalId,
      leadId: latest.leadId ?? versions.find((version) => version.leadId)?.leadId ?? null,
      versions,
      signatures,
      latest,
      signed: signatures[signatures.length - 1] ?? null,
      newest: entry.newest,
    });
  }
  return histories
    .sort((a, b) => byTime(b.newest, a.newest) || b.proposalId.localeCompare(a.proposalId))
    .map(({ newest: _newest, ...history }) => history);
}

function sameText(a: string | null, b: string | null): boolean {
  return (a ?? '').replace(/\r\n?/g, '\n').trim() === (b ?? '').replace(/\r\n?/g, '\n').trim();
}

function formatDiscount(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * What changed from `previous` to `next`, one sentence fragment per change, in the order a partner
 * reads a proposal (template, introduction, colours, sections, lines, discount). "First version"
 * without a previous; an empty list when nothing changed.
 */
export function describeChanges(previous: VersionInputs | null, next: VersionInputs): string[] {
  if (!previous) return ['First version'];
  const changes: string[] = [];
  if (previous.templateId !== next.templateId) changes.push(`Template changed to ${next.templateName}`);
  if (!sameText(previous.intro, next.intro)) changes.push('Introduction edited');
  if (previous.brand.primary.toLowerCase() !== next.brand.primary.toLowerCase() || previous.brand.secondary.toLowerCase() !== next.brand.secondary.toLowerCase()) {
    changes.push('Colours changed');
  }
  if (previous.whiteLabel !== next.whiteLabel) changes.push(next.whiteLabel ? 'SISO branding removed' : 'SISO branding added');
  const sectionName = (id: string) => next.sectionLabels?.[id] ?? previous.sectionLabels?.[id] ?? id;
  const wasOff = new Set(previous.sectionsOff);
  const isOff = new Set(next.sectionsOff);
  const hidden = next.sectionsOff.filter((id) => !wasOff.has(id));
  const shown = previous.sectionsOff.filter((id) => !isOff.has(id));
  if (hidden.length > 0) changes.push(`Sections hidden: ${hidden.map(sectionName).join(', ')}`);
  if (shown.length > 0) changes.push(`Sections shown again: ${shown.map(sectionName).join(', ')}`);

  const before = previous.quote?.items ?? {};
  const after = next.quote?.items ?? {};
  const lineName = (id: string) => next.lineLabels?.[id] ?? previous.lineLabels?.[id] ?? id;
  const added: string[] = [];
  const removed: string[] = [];
  const quantities: string[] = [];
  const ids = [...Object.keys(after), ...Object.keys(before).filter((id) => !Object.hasOwn(after, id))];
  for (const id of ids) {
    const was = before[id];
    const now = after[id];
    const wasIn = was?.included === true;
    const isIn = now?.included === true;
    if (isIn && !wasIn) added.push(lineName(id));
    else if (wasIn && !isIn) removed.push(lineName(id));
    else if (wasIn && isIn && was.quantity !== now.quantity) quantities.push(`Quantity of ${lineName(id)} ${was.quantity} → ${now.quantity}`);
  }
  if (added.length > 0) changes.push(`Added ${listNames(added)}`);
  if (removed.length > 0) changes.push(`Removed ${listNames(removed)}`);
  changes.push(...quantities);
  const discountBefore = previous.quote?.discountPercent ?? 0;
  const discountAfter = next.quote?.discountPercent ?? 0;
  if (discountBefore !== discountAfter) changes.push(`Discount ${formatDiscount(discountBefore)} → ${formatDiscount(discountAfter)}`);
  return changes;
}

/** Where a version's or signed copy's PDF lives in the private `proposals` bucket. */
export function proposalStoragePath(partnerId: string, proposalId: string, activityId: string): string {
  return `${partnerId}/${proposalId}/${activityId}.pdf`;
}

/** "Acme proposal.pdf" for the first version, "Acme proposal v2.pdf" after it. */
export function versionFileName(company: string, version: number): string {
  const first = proposalFileName(company);
  return version <= 1 ? first : first.replace(/\.pdf$/, ` v${version}.pdf`);
}

/** "Acme proposal v2 (signed).pdf" (no version number for the first). */
export function signedFileName(company: string, version: number): string {
  return versionFileName(company, version).replace(/\.pdf$/, ' (signed).pdf');
}

export interface ProposalVersionActivityInput {
  leadId: string;
  proposalId: string;
  version: number;
  fileName: string;
  filePath: string;
  sha256: string;
  size: number;
  inputs: VersionInputs;
  renderedAt: Date;
  /** The computed quote of a price-list template, null for templates without one. */
  quote: Quote | null;
  watermarked: boolean;
  changes: string[];
  linkId: string | null;
  trackedUrl: string | null;
  /**
   * What the app expects the server to decide (expectedApproval), shown until the row syncs; the
   * server's trigger sets the real value whatever is sent.
   */
  approvalStatus?: ApprovalStatus | null;
}

export function buildProposalVersionActivity(input: ProposalVersionActivityInput, context: { id: string; partnerId: string; now: Date }): ActivityDoc {
  const now = context.now.toISOString();
  const { inputs, quote } = input;
  const meta: ProposalVersionMeta = {
    file_name: input.fileName,
    template: inputs.templateId,
    sha256: input.sha256,
    version: input.version,
    file_path: input.filePath,
    size: input.size,
    watermarked: input.watermarked,
    changes: input.changes,
    link_id: input.linkId,
    tracked_url: input.trackedUrl,
    quote:
      quote && inputs.quote
        ? {
            currency: quote.currency,
            selection: inputs.quote,
            subtotal_minor: quote.subtotalMinor,
            discount_minor: quote.discountMinor,
            tax_minor: quote.tax?.amountMinor ?? 0,
            total_minor: quote.totalMinor,
          }
        : null,
    inputs: {
      template_id: inputs.templateId,
      brand: { primary: inputs.brand.primary, secondary: inputs.brand.secondary },
      intro: inputs.intro,
      sections_off: [...inputs.sectionsOff],
      white_label: inputs.whiteLabel,
      rendered_at: input.renderedAt.toISOString(),
      template_name: inputs.templateName,
      ...(inputs.lineLabels ? { line_labels: inputs.lineLabels } : {}),
      ...(inputs.sectionLabels ? { section_labels: inputs.sectionLabels } : {}),
    },
  };
  return activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: input.leadId,
    kind: 'proposal_created',
    body: `${inputs.templateName} v${input.version} saved as ${input.fileName}`,
    occurred_at: now,
    meta: JSON.stringify(proposalVersionMetaSchema.parse(meta)),
    proposal_id: input.proposalId,
    discount_percent: inputs.quote?.discountPercent ?? 0,
    approval_status: input.approvalStatus ?? null,
    decided_at: null,
    decision_note: null,
  });
}

export interface ProposalSignedActivityInput {
  leadId: string;
  proposalId: string;
  /** The activity id of the proposal_created row (version) that was signed. */
  versionId: string;
  fileName: string;
  filePath: string;
  sha256: string;
  size: number;
  sha256Before: string;
  signerName: string;
  signerEmail: string;
  signedAt: Date;
  method: 'drawn' | 'typed';
}

export function buildProposalSignedActivity(input: ProposalSignedActivityInput, context: { id: string; partnerId: string; now: Date }): ActivityDoc {
  const now = context.now.toISOString();
  const meta: ProposalSignatureMeta = {
    version_id: input.versionId,
    file_name: input.fileName,
    file_path: input.filePath,
    sha256: input.sha256,
    size: input.size,
    sha256_before: input.sha256Before,
    signer_name: input.signerName,
    signer_email: input.signerEmail,
    signed_at: input.signedAt.toISOString(),
    method: input.method,
  };
  return activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: input.leadId,
    kind: 'proposal_signed',
    body: `Signed by ${input.signerName} (${input.signerEmail})`,
    occurred_at: now,
    meta: JSON.stringify(proposalSignatureMetaSchema.parse(meta)),
    proposal_id: input.proposalId,
    discount_percent: null,
    approval_status: null,
    decided_at: null,
    decision_note: null,
  });
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The referral link a proposal's PDF and QR code carry, so SISO's site can count views of it:
 * one per proposal, told apart by utm_content.
 */
export function proposalTrackedLink(input: { proposalId: string; company: string; destination: string }): {
  name: string;
  destination: string;
  utm_source: 'proposal';
  utm_medium: 'pdf';
  utm_campaign: string;
  utm_content: string;
} {
  const company = input.company.trim() || 'Client';
  const name = `Proposal for ${company}`;
  const campaign = `proposal-${slug(company) || 'client'}`.slice(0, UTM_VALUE_MAX).replace(/-+$/, '');
  return {
    name: name.length > LINK_NAME_MAX ? `${name.slice(0, LINK_NAME_MAX - 1).trimEnd()}…` : name,
    destination: input.destination,
    utm_source: 'proposal',
    utm_medium: 'pdf',
    utm_campaign: campaign,
    utm_content: `proposal-${input.proposalId.slice(0, 8).toLowerCase()}`,
  };
}
