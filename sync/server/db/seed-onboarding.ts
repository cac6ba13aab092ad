/**
 * Onboarding seed: the partner agreement v1 (catalog kind 'agreement', its sha256 computed from
 * the text here), accepted by every demo partner (profile columns and agreement_acceptances, as
 * the server would have written them through accept_agreement), and new@siso.test — a Starter
 * partner with only a display name, who has not onboarded or accepted anything yet.
 */
import { createHash } from 'node:crypto';
import { seedPartners, seedUsers } from './seed-accounts';

type Row = Record<string, unknown>;

const day = 24 * 3600 * 1000;

/** Plain text, paragraphs split by blank lines (agreementBodySchema). */
export const partnerAgreementV1Text = [
  'SISO Partner Programme Agreement — version 1',
  'This agreement is between SISO Agency Ltd ("SISO") and you, the partner named on your SISO account. It sets out how you refer clients to SISO for software development work and how SISO pays you for them. By accepting it in the Partner Workstation you agree to these terms for as long as you take part in the programme.',
  '1. Referrals. You introduce organisations that may need custom software, apps, websites or automation ("referrals"). Record each referral in the Partner Workstation, or through your referral link, before SISO first speaks to the organisation. A referral counts as yours when SISO has no open conversation with that organisation and no other partner registered it first. Give SISO accurate contact details and tell the organisation that you are introducing them to SISO.',
  '2. Commissions by tier. For every referred client who signs and pays for a project, SISO pays you a commission on the project value SISO invoices and receives, at the rate of your tier when the deal is won: Starter 20%, Active 22%, Performer 25% and Elite 30%. Tiers and their requirements are shown on the Tier progress screen; SISO reviews tier changes and may update the tier rules with 30 days\' notice. Bonuses and promotions are paid as announced in the Commission center.',
  '3. Payment terms. A commission becomes approved when the client has paid SISO the invoice it relates to, and is paid out within 30 days of the end of the month in which it was approved, to the payout method on your account, once your approved balance reaches the payout minimum for your currency. If a client is refunded or does not pay, the matching commission is reversed (a clawback line in your statement). You are responsible for your own taxes; keep your tax details up to date under Payment management.',
  '4. Conduct. Represent SISO honestly: make no promises about prices, deadlines or features that SISO has not confirmed in writing, and do not offer clients payments or gifts to win work. Use SISO\'s name, logos and marketing materials only as shown in the Marketing center and the brand guidelines. Do not send unsolicited bulk messages in SISO\'s name.',
  '5. Data protection. You share a referral\'s personal data with SISO only when you are allowed to and the person expects it. Each of us handles personal data under the data protection law that applies (including the UK GDPR), keeps it secure, uses it only for the referral and deletes it when it is no longer needed. Tell SISO at once if you learn of a breach affecting referral data.',
  '6. Termination. Either of us may end this agreement at any time with 30 days\' written notice, or at once if the other seriously breaks it. Commissions approved before the end date are still paid; referrals registered before it stay yours for their protection period. Sections 3, 5 and 6 continue after the agreement ends.',
  '7. Changes. SISO may publish a new version of this agreement. You will be asked to read and accept it in the Partner Workstation, with a summary of what changed; the new version applies from its effective date.',
].join('\n\n');

const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface OnboardingSeedInput {
  now: number;
  seedId(name: string): string;
  firstSortOrder: number;
}

export interface OnboardingSeed {
  catalog: Row[];
  /** agreement_acceptances rows for the demo partners. */
  acceptances: Row[];
}

/** A row with the same columns as `like` (the seed inserts a table's rows with its first row's columns), all null but `values`. */
function rowLike(like: Row | undefined, values: Row): Row {
  return { ...Object.fromEntries(Object.keys(like ?? {}).map((key) => [key, null])), ...values };
}

/**
 * Builds the agreement rows, marks the demo partners' profiles (already in `rows`) as having
 * accepted v1, and adds new@siso.test's profile and status to `rows`.
 */
export function addOnboardingSeed(input: OnboardingSeedInput, rows: Map<string, Row[]>): OnboardingSeed {
  const iso = (ms: number) => new Date(ms).toISOString();
  const publishedAt = input.now - 200 * day;
  const agreementId = input.seedId('catalog:partner-agreement-v1');
  const sha256 = sha256Text(partnerAgreementV1Text);
  const catalog: Row[] = [{
    id: agreementId, kind: 'agreement', title: 'Partner agreement', slug: 'partner-agreement-v1',
    body: JSON.stringify({ version: 1, text: partnerAgreementV1Text, sha256, changes: '', effective_from: iso(publishedAt).slice(0, 10) }),
    tier_required: 'starter', category: 'agreements', tags: ['agreement'], file_path: null, file_sha256: null, file_size: null, mime_type: null,
    version: 1, published: true, sort_order: input.firstSortOrder, created_at: iso(publishedAt), updated_at: iso(publishedAt),
  }];
  const acceptances: Row[] = [];
  seedPartners.forEach((partner, index) => {
    const acceptedAt = iso(publishedAt + (index + 1) * day);
    const profile = (rows.get('profiles') ?? []).find((row) => row.partner_id === partner.id);
    if (!profile) throw new Error(`The seed has no profile for ${partner.email} to record its agreement on`);
    Object.assign(profile, { agreement_version: 1, agreement_accepted_at: acceptedAt, agreement_sha256: sha256, onboarding_completed_at: acceptedAt });
    acceptances.push({ partner_id: partner.id, agreement_id: agreementId, version: 1, text_sha256: sha256, accepted_at: acceptedAt });
  });
  const joined = iso(input.now - day);
  const newcomer = seedUsers.new;
  const profiles = rows.get('profiles') ?? [];
  profiles.push(rowLike(profiles[0], {
    id: newcomer.id, partner_id: newcomer.id, display_name: newcomer.displayName, email: newcomer.email,
    onboarding_step: 0, leaderboard_opt_in: false, currency: 'GBP', created_at: joined, updated_at: joined,
  }));
  const statuses = rows.get('partner_status') ?? [];
  statuses.push(rowLike(statuses[0], {
    id: input.seedId('new:status'), partner_id: newcomer.id, tier: 'starter', tier_since: joined, commission_rate: 20, support_calls_attended: 0,
    history: JSON.stringify([{ tier: 'starter', from: joined, to: null }]), metrics: JSON.stringify({ leads_this_month: 0, training_modules: 0, days_in_tier: 1 }),
    created_at: joined, updated_at: joined,
  }));
  return { catalog, acceptances };
}
