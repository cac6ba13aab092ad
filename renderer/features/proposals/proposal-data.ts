/**
 * The ProposalData a version renders from, shared by /proposals/new and present mode: what it is
 * assembled from (profile, logo, links, the partner's rate and discount limit, read live) and the
 * assembly itself.
 */
import { useMemo } from 'react';
import type { ProposalData, ProposalLogo } from '../../../sync/domain/proposals';
import { PENDING_WATERMARK, discountLimit as tierDiscountLimit, type ApprovalStatus } from '../../../sync/domain/proposals/discount';
import type { VersionInputs } from '../../../sync/domain/proposals/version';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import type { ProfileDoc } from '../../../sync/schema/profiles.schema';
import type { ReferralLinkDoc } from '../../../sync/schema/referral-links.schema';
import { useQuery } from '../../data/use-query';
import { usePartnerStatus } from '../../data/workstation-hooks';
import { useTierAccess } from '../../session/use-entitlement';
import { useBrandLogo } from '../brand-kit';

export const DEFAULT_PRIMARY = '#1F4E79';
export const DEFAULT_SECONDARY = '#F2A900';
/** The currency a quote is priced in when the lead names none (the renderer's default too). */
export const DEFAULT_QUOTE_CURRENCY = 'GBP';
/** Where a proposal's tracked link points unless the partner picks one of their links' pages. */
export const DEFAULT_PROPOSAL_DESTINATION = 'https://siso.agency';

export interface ProposalSources {
  profile: ProfileDoc | null;
  logo: ProposalLogo | null;
  /** Changes whenever the logo does; stands in for its bytes in preview keys. */
  logoVersion: unknown;
  links: ReferralLinkDoc[];
  /** The partner's commission rate (percent) from their status; null until it syncs. */
  partnerRatePercent: number | null;
  /** The largest discount (percent) the tier allows without SISO's approval. */
  discountLimit: number;
  loading: boolean;
}

export function useProposalSources(): ProposalSources {
  const profiles = useQuery('profiles', { limit: 1 });
  const links = useQuery('referral_links', { sort: [{ created_at: 'asc' }] });
  const status = usePartnerStatus();
  const access = useTierAccess();
  const brandLogo = useBrandLogo();
  const logo = useMemo<ProposalLogo | null>(() => (brandLogo.logo ? { type: brandLogo.logo.type, bytes: brandLogo.logo.bytes } : null), [brandLogo.logo]);
  return {
    profile: profiles.data[0] ?? null,
    logo,
    logoVersion: brandLogo.version,
    links: links.data,
    partnerRatePercent: status.data?.commission_rate ?? null,
    discountLimit: access ? tierDiscountLimit(access.rules, access.tier) : 0,
    loading: profiles.loading || links.loading || status.loading || access === null || brandLogo.loading,
  };
}

const hexColour = (value: string | null | undefined, fallback: string) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : fallback);

/** The brand colours a new proposal starts with: the profile's, else SISO's defaults. */
export function defaultBrand(profile: ProfileDoc | null): { primary: string; secondary: string } {
  return { primary: hexColour(profile?.brand_primary, DEFAULT_PRIMARY), secondary: hexColour(profile?.brand_secondary, DEFAULT_SECONDARY) };
}

/** The introduction a proposal has until the partner edits it. */
export function defaultIntro(lead: Pick<LeadDoc, 'company' | 'contact_name'>): string {
  return `Dear ${lead.contact_name?.trim() || 'team'}, thank you for your time. Here is how SISO can help ${lead.company} run every client project in one place.`;
}

/** The currency a lead's quote is priced in. */
export function quoteCurrency(lead: Pick<LeadDoc, 'currency'>): string {
  return lead.currency ?? DEFAULT_QUOTE_CURRENCY;
}

export function buildProposalData(input: {
  profile: ProfileDoc | null;
  lead: LeadDoc;
  inputs: VersionInputs;
  referralUrl: string;
  logo: ProposalLogo | null;
  watermark: string | null;
}): ProposalData {
  const { profile, lead, inputs } = input;
  return {
    partner: {
      name: profile?.display_name?.trim() || 'SISO partner',
      company: profile?.company ?? null,
      email: profile?.email ?? null,
      phone: profile?.phone ?? null,
      website: profile?.website ?? null,
      tagline: profile?.tagline ?? null,
    },
    lead: { company: lead.company, contact: lead.contact_name ?? null, estimatedValue: lead.estimated_value ?? null, currency: lead.currency ?? null },
    brand: { primary: inputs.brand.primary, secondary: inputs.brand.secondary, logo: input.logo },
    referralUrl: input.referralUrl,
    intro: inputs.intro ?? defaultIntro(lead),
    sectionsOff: [...inputs.sectionsOff],
    whiteLabel: inputs.whiteLabel,
    quote: inputs.quote,
    watermark: input.watermark,
  };
}

/** The watermark a version carries: pending and declined discounts are drafts until SISO approves. */
export function versionWatermark(approval: ApprovalStatus | null): string | null {
  return approval === 'pending' || approval === 'declined' ? PENDING_WATERMARK : null;
}
