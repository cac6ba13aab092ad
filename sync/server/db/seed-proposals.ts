/**
 * Proposals v2 in the demo database: one past proposal version of elite@siso.test, rendered here
 * and stored in the `proposals` bucket, with its tracked link and a few views. (The "Priced
 * proposal" catalog template is the bundled resources/templates/priced-proposal.json, in seed-catalog.ts.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProposal } from '../../domain/proposals/render';
import { bundledTemplates } from '../../domain/proposals/templates';
import {
  buildProposalVersionActivity, describeChanges, proposalStoragePath, proposalTrackedLink, versionFileName, type VersionInputs,
} from '../../domain/proposals/version';
import { sha256Hex } from './seed-asset-files';
import { seedUsers } from './seed-accounts';

type Row = Record<string, unknown>;

const here = path.dirname(fileURLToPath(import.meta.url));
const fontsDir = path.resolve(here, '../../../resources/fonts');
const day = 24 * 3600 * 1000;

/** The lead of elite's past proposal: its sixth-stage slot is always in the `proposal` stage. */
export const SEEDED_PROPOSAL_LEAD_INDEX = 3;
const PROPOSAL_TEMPLATE_ID = 'four-page-proposal';
const PROPOSAL_DESTINATION = 'https://siso.agency/partners/start';
/** A fixed render time, so the seeded PDF has the same bytes (and SHA-256) whenever the seed runs. */
const RENDERED_AT = new Date('2026-11-20T10:00:00.000Z');

export interface ProposalSeedContext {
  now: number;
  seedId(name: string): string;
}

/** The `proposals` bucket object of the seeded version; seed.ts stores it like the asset files. */
export interface ProposalSeedObject {
  id: string;
  bucket: 'proposals';
  name: string;
  mimeType: 'application/pdf';
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Adds elite's past proposal (one v2 version, discount 0, no approval needed) in place of the
 * legacy proposal row of the same lead, and returns its PDF for the bucket.
 */
export async function addProposalSeed(context: ProposalSeedContext, rows: Map<string, Row[]>): Promise<ProposalSeedObject[]> {
  const partner = seedUsers.elite;
  const leadId = context.seedId(`${partner.key}:lead:${SEEDED_PROPOSAL_LEAD_INDEX}`);
  const lead = rows.get('leads')?.find((row) => row.id === leadId);
  if (!lead) throw new Error('The seed has no lead for elite\'s past proposal');
  const profile = rows.get('profiles')?.find((row) => row.partner_id === partner.id);
  const company = String(lead.company);
  const proposalId = context.seedId(`${partner.key}:proposal:${SEEDED_PROPOSAL_LEAD_INDEX}`);
  const activityId = context.seedId(`${partner.key}:proposal:${SEEDED_PROPOSAL_LEAD_INDEX}:version:1`);
  const linkId = context.seedId(`${partner.key}:proposal:${SEEDED_PROPOSAL_LEAD_INDEX}:link`);
  const createdAt = context.now - 6 * day;
  const iso = (ms: number) => new Date(ms).toISOString();

  const link = proposalTrackedLink({ proposalId, company, destination: PROPOSAL_DESTINATION });
  const trackedUrl = new URL(link.destination);
  for (const key of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const) trackedUrl.searchParams.set(key, link[key]);
  trackedUrl.searchParams.set('ref', partner.id);

  const brand = { primary: String(profile?.brand_primary ?? '#C0392B'), secondary: String(profile?.brand_secondary ?? '#F5F5F0') };
  const template = bundledTemplates().find((candidate) => candidate.id === PROPOSAL_TEMPLATE_ID);
  if (!template) throw new Error(`The app bundles no ${PROPOSAL_TEMPLATE_ID} template for the seed's proposal`);
  const fonts = {
    regular: new Uint8Array(await readFile(path.join(fontsDir, 'NotoSans-Regular.ttf'))),
    bold: new Uint8Array(await readFile(path.join(fontsDir, 'NotoSans-Bold.ttf'))),
  };
  const bytes = await renderProposal({
    template,
    data: {
      partner: { name: partner.displayName, company: partner.company, email: partner.email, website: typeof profile?.website === 'string' ? profile.website : null },
      lead: {
        company, contact: typeof lead.contact_name === 'string' ? lead.contact_name : null,
        estimatedValue: typeof lead.estimated_value === 'number' ? lead.estimated_value : null, currency: typeof lead.currency === 'string' ? lead.currency : null,
      },
      brand: { ...brand, logo: null },
      referralUrl: trackedUrl.href,
      intro: null,
      sectionsOff: [],
      whiteLabel: false,
    },
    fonts,
    now: RENDERED_AT,
    timeZone: 'Europe/London',
  });
  const sha256 = sha256Hex(bytes);
  const filePath = proposalStoragePath(partner.id, proposalId, activityId);
  const inputs: VersionInputs = { templateId: template.id, templateName: template.name, brand, intro: null, sectionsOff: [], whiteLabel: false, quote: null };
  const version = buildProposalVersionActivity(
    {
      leadId, proposalId, version: 1, fileName: versionFileName(company, 1), filePath, sha256, size: bytes.length, inputs, renderedAt: RENDERED_AT,
      quote: null, watermarked: false, changes: describeChanges(null, inputs), linkId, trackedUrl: trackedUrl.href, approvalStatus: 'not_needed',
    },
    { id: activityId, partnerId: partner.id, now: new Date(createdAt) },
  );

  const add = (table: string, row: Row) => rows.get(table)?.push(row) ?? rows.set(table, [row]);
  add('referral_links', {
    id: linkId, partner_id: partner.id, name: link.name, destination: link.destination, utm_source: link.utm_source, utm_medium: link.utm_medium,
    utm_campaign: link.utm_campaign, utm_term: null, utm_content: link.utm_content,
    created_at: iso(createdAt), updated_at: iso(createdAt),
  });
  for (const [back, clicks] of [[4, 1], [2, 2]] as const) {
    const date = iso(context.now - back * day).slice(0, 10);
    add('link_clicks', {
      id: context.seedId(`${partner.key}:proposal:${SEEDED_PROPOSAL_LEAD_INDEX}:clicks:${date}`), partner_id: partner.id, referral_link_id: linkId, day: date,
      clicks, conversions: 0, created_at: iso(context.now - back * day), updated_at: iso(context.now - back * day),
    });
  }

  const activities = rows.get('activities') ?? [];
  const legacyId = context.seedId(`${partner.key}:lead:${SEEDED_PROPOSAL_LEAD_INDEX}:proposal`);
  // First: insertRows takes its column list from a table's first row, and only this row has the v2 columns.
  rows.set('activities', [{
    id: version.id, partner_id: version.partner_id, lead_id: version.lead_id, kind: version.kind, body: version.body, occurred_at: version.occurred_at,
    meta: version.meta, proposal_id: version.proposal_id, discount_percent: version.discount_percent, approval_status: version.approval_status,
    decided_at: null, decision_note: null, created_at: version.created_at, updated_at: version.updated_at,
  }, ...activities.filter((row) => row.id !== legacyId)]);
  return [{ id: context.seedId(`proposal-object:${filePath}`), bucket: 'proposals', name: filePath, mimeType: 'application/pdf', bytes, sha256 }];
}
