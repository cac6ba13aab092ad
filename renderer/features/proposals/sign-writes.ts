/**
 * The writes of an in-person signature: the version the client accepts (a new one first when the
 * selection changed or the shown file was a watermarked draft), the signed PDF kept on this device
 * and queued for upload, and the proposal_signed row on the lead's timeline. Works offline.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ProposalTemplate } from '../../../sync/domain/proposals';
import { signProposalPdf } from '../../../sync/domain/proposals/sign';
import {
  buildProposalSignedActivity,
  proposalStoragePath,
  signedFileName,
  type ProposalHistory,
  type ProposalVersion,
  type VersionInputs,
} from '../../../sync/domain/proposals/version';
import type { QuoteSelection } from '../../../sync/domain/proposals/quote';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import { loadPdfFonts } from '../../platform/pdf-fonts';
import { sha256Hex } from '../../platform/sha256';
import { forgetProposalFile, keepProposalFile, openProposalFile } from './proposal-files';
import { DEFAULT_PROPOSAL_DESTINATION } from './proposal-data';
import { ensureProposalLink, quoteForVersion, saveProposalVersion } from './proposal-writes';

/** Whether two selections choose the same lines in the same quantities at the same discount. */
export function sameSelection(a: QuoteSelection | null, b: QuoteSelection | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.discountPercent !== b.discountPercent) return false;
  const ids = new Set([...Object.keys(a.items), ...Object.keys(b.items)]);
  for (const id of ids) {
    const left = a.items[id];
    const right = b.items[id];
    if (!left || !right || left.included !== right.included || left.quantity !== right.quantity) return false;
  }
  return true;
}

/**
 * Whether signing must first save a new version: the signed file is final, so it must be exactly
 * what the client chose, and never a draft that carried the pending-approval watermark.
 */
export function needsNewVersion(latest: ProposalVersion, selection: QuoteSelection | null): boolean {
  if (latest.watermarked || latest.legacy || !latest.inputs) return true;
  return !sameSelection(latest.inputs.quote, selection);
}

export interface SignProposalInput {
  db: WorkstationDatabase;
  partnerId: string;
  history: ProposalHistory;
  lead: LeadDoc;
  template: ProposalTemplate;
  /** The inputs as presented now (the latest version's, with the client's selection). */
  inputs: VersionInputs;
  /** Renders these inputs without a watermark; used when a new version is needed. */
  renderFinal(): Promise<Uint8Array>;
  link: { linkId: string | null; trackedUrl: string };
  source: { client: SupabaseClient | null; online: boolean };
  /** False in a workspace without a server (the demo): files stay on this device. */
  upload: boolean;
  signer: { name: string; email: string };
  method: 'drawn' | 'typed';
  signaturePng: Uint8Array;
  partnerName: string;
  title: string;
  now?: Date;
}

export interface SignedProposal {
  activityId: string;
  versionId: string;
  version: number;
  fileName: string;
  bytes: Uint8Array;
  signerName: string;
  signedAt: Date;
  /** Whether a new version was saved before signing. */
  savedNewVersion: boolean;
}

/** A proposal saved without a tracked link gets its own now; if the rules refuse one, it keeps the URL it showed. */
async function proposalLink(input: SignProposalInput): Promise<{ linkId: string | null; trackedUrl: string }> {
  try {
    return await ensureProposalLink(input.db, input.partnerId, { proposalId: input.history.proposalId, company: input.lead.company, destination: DEFAULT_PROPOSAL_DESTINATION });
  } catch {
    return input.link;
  }
}

/** The version the client signs and its bytes: the latest as it is, or a new one saved now. */
async function versionToSign(input: SignProposalInput): Promise<{ versionId: string; version: number; bytes: Uint8Array; saved: boolean }> {
  const { history } = input;
  const latest = history.latest;
  if (!needsNewVersion(latest, input.inputs.quote)) {
    const opened = await openProposalFile({ activityId: latest.activityId, filePath: latest.filePath, sha256: latest.sha256 }, input.source);
    if (opened.ok) return { versionId: latest.activityId, version: latest.version, bytes: opened.bytes, saved: false };
    // The file is on another device and cannot be fetched now: the same inputs render the same proposal, kept as a new version.
  }
  const link = input.link.linkId ? input.link : await proposalLink(input);
  const pdf = await input.renderFinal();
  const quote = quoteForVersion(input.template, input.lead, input.inputs);
  const saved = await saveProposalVersion(input.db, input.partnerId, {
    lead: input.lead,
    template: input.template,
    inputs: input.inputs,
    pdf,
    watermarked: false,
    discountPercent: latest.discountPercent,
    history,
    trackedUrl: link.trackedUrl,
    linkId: link.linkId,
    quoteTotals: quote
      ? { currency: quote.currency, subtotal_minor: quote.subtotalMinor, discount_minor: quote.discountMinor, tax_minor: quote.tax?.amountMinor ?? 0, total_minor: quote.totalMinor }
      : null,
    upload: input.upload,
  });
  return { versionId: saved.activityId, version: saved.version, bytes: pdf, saved: true };
}

/**
 * Signs the proposal in person: hashes the version's PDF, appends the acceptance and audit page,
 * keeps the signed file (queued for upload) and records the signature on the lead's timeline.
 */
export async function signProposal(input: SignProposalInput): Promise<SignedProposal> {
  // Fonts first: if they cannot load, nothing (not even a new version) is written.
  const fonts = await loadPdfFonts('signed proposal');
  const target = await versionToSign(input);
  const signedAt = input.now ?? new Date();
  const sha256Before = await sha256Hex(target.bytes);
  const signed = await signProposalPdf({
    pdf: target.bytes,
    fonts,
    evidence: {
      signerName: input.signer.name,
      signerEmail: input.signer.email,
      signedAt,
      method: input.method,
      signaturePng: input.signaturePng,
      sha256Before,
      proposal: {
        title: input.title,
        proposalId: input.history.proposalId,
        version: target.version,
        partnerName: input.partnerName,
        leadCompany: input.lead.company,
      },
    },
  });
  const activityId = crypto.randomUUID();
  const filePath = proposalStoragePath(input.partnerId, input.history.proposalId, activityId);
  const sha256 = await sha256Hex(signed);
  const fileName = signedFileName(input.lead.company, target.version);
  await keepProposalFile({ activityId, partnerId: input.partnerId, filePath, sha256, bytes: signed, upload: input.upload });
  const activity = buildProposalSignedActivity(
    {
      leadId: input.lead.id,
      proposalId: input.history.proposalId,
      versionId: target.versionId,
      fileName,
      filePath,
      sha256,
      size: signed.byteLength,
      sha256Before,
      signerName: input.signer.name,
      signerEmail: input.signer.email,
      signedAt,
      method: input.method,
    },
    { id: activityId, partnerId: input.partnerId, now: signedAt },
  );
  try {
    await input.db.activities.insert(activity);
  } catch (error) {
    // A signed file without its row would upload as an orphan.
    await forgetProposalFile(activityId).catch(() => undefined);
    throw error;
  }
  const lead = await input.db.leads.findOne(input.lead.id).exec();
  if (lead) await lead.incrementalPatch({ updated_at: signedAt.toISOString() });
  return { activityId, versionId: target.versionId, version: target.version, fileName, bytes: signed, signerName: input.signer.name, signedAt, savedNewVersion: target.saved };
}
