/**
 * The program cohort seed: five more Active partners (active2..active6@siso.test, demo password)
 * with modest, realistic pipelines this month and last, so the Active tier group reaches the 5
 * partners program aggregates need and active@siso.test sees a program comparison. None of them
 * opts in to the leaderboard.
 */
import { hashPassword } from '../auth/passwords';
import { seedPassword, seedUsers } from './seed-accounts';

type Row = Record<string, unknown>;

const day = 24 * 3600 * 1000;
const activeRate = 22;

export interface CohortPartner {
  key: string;
  id: string;
  email: string;
  displayName: string;
  company: string;
  /** Leads created this month and last month, and how many of each month's leads were won. */
  leads: { thisMonth: number; lastMonth: number; wonThisMonth: number; wonLastMonth: number };
}

export const cohortPartners: readonly CohortPartner[] = [
  { key: 'active2', id: '00000000-0000-4000-8000-0000000000a2', email: 'active2@siso.test', displayName: 'Grace Adeyemi', company: 'Adeyemi Advisory', leads: { thisMonth: 3, lastMonth: 5, wonThisMonth: 1, wonLastMonth: 1 } },
  { key: 'active3', id: '00000000-0000-4000-8000-0000000000a3', email: 'active3@siso.test', displayName: 'Henrik Dahl', company: 'Dahl Digital', leads: { thisMonth: 2, lastMonth: 4, wonThisMonth: 1, wonLastMonth: 2 } },
  { key: 'active4', id: '00000000-0000-4000-8000-0000000000a4', email: 'active4@siso.test', displayName: 'Chiara Conti', company: 'Conti & Co', leads: { thisMonth: 4, lastMonth: 6, wonThisMonth: 1, wonLastMonth: 1 } },
  { key: 'active5', id: '00000000-0000-4000-8000-0000000000a5', email: 'active5@siso.test', displayName: 'Declan Byrne', company: 'Byrne Growth', leads: { thisMonth: 1, lastMonth: 3, wonThisMonth: 1, wonLastMonth: 1 } },
  { key: 'active6', id: '00000000-0000-4000-8000-0000000000a6', email: 'active6@siso.test', displayName: 'Aiko Tanaka', company: 'Tanaka Partners', leads: { thisMonth: 5, lastMonth: 7, wonThisMonth: 2, wonLastMonth: 2 } },
];

const prospects = [
  'Brookfield Veterinary', 'Cedar Lane Dental', 'Harbour Yoga Studios', 'Kilnworth Ceramics', 'Larchmont Lettings', 'Mistral Sailing School',
  'Oakhurst Pharmacy', 'Pembroke Print Shop', 'Riverbend Nurseries', 'Stonegate Builders', 'Tamarind Kitchens', 'Wexford Tutors',
];

export interface CohortSeedInput {
  now: number;
  monthStart: number;
  seedId(name: string): string;
}

/** A row with the same columns as `like` (the seed inserts a table's rows with its first row's columns), all null but `values`. */
function rowLike(like: Row | undefined, values: Row): Row {
  return { ...Object.fromEntries(Object.keys(like ?? {}).map((key) => [key, null])), ...values };
}

/** auth.users rows for the cohort, in the shape seed.ts's buildUsers makes. */
export async function cohortUserRows(now: number): Promise<Row[]> {
  const iso = (ms: number) => new Date(ms).toISOString();
  return Promise.all(
    cohortPartners.map(async (partner, index) => ({
      id: partner.id,
      email: partner.email,
      encrypted_password: await hashPassword(seedPassword),
      raw_app_meta_data: JSON.stringify({ provider: 'email', providers: ['email'], role: 'partner' }),
      raw_user_meta_data: JSON.stringify({ display_name: partner.displayName }),
      created_at: iso(now - (200 - index * 10) * day),
      updated_at: iso(now - 3 * day),
    })),
  );
}

/**
 * Adds the cohort's profiles (agreement accepted as the demo partners did), statuses, leads and
 * their commissions (GBP, as the won-lead trigger would have made them) to `rows`, and their
 * agreement acceptances to `acceptances`.
 */
export function addCohortSeed(input: CohortSeedInput, rows: Map<string, Row[]>, acceptances: Row[]): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  const table = (name: string): Row[] => rows.get(name) ?? [];
  const template = table('profiles').find((row) => row.partner_id === seedUsers.active.id);
  const acceptance = acceptances[0];
  if (!template || !acceptance) throw new Error('The cohort seed needs the Active demo partner\'s profile and an agreement acceptance');
  const lastMonthStart = Date.UTC(new Date(input.monthStart).getUTCFullYear(), new Date(input.monthStart).getUTCMonth() - 1, 1);
  // Spread within each month without ever passing now (early in a month, "this month" is short).
  const inMonth = (start: number, end: number, fraction: number) => start + Math.floor((end - start) * fraction);

  cohortPartners.forEach((partner, index) => {
    const joinedAt = input.now - (200 - index * 10) * day;
    const tierSince = input.now - (60 + index * 7) * day;
    const acceptedAt = iso(joinedAt + day);
    table('profiles').push(rowLike(template, {
      id: partner.id, partner_id: partner.id, display_name: partner.displayName, company: partner.company, email: partner.email,
      onboarding_step: 5, leaderboard_opt_in: false, timezone: 'Europe/London', currency: 'GBP',
      agreement_version: template.agreement_version, agreement_accepted_at: acceptedAt, agreement_sha256: template.agreement_sha256,
      onboarding_completed_at: acceptedAt, created_at: iso(joinedAt), updated_at: iso(input.now - 5 * day),
    }));
    acceptances.push({ ...acceptance, partner_id: partner.id, accepted_at: acceptedAt });
    const statuses = table('partner_status');
    statuses.push(rowLike(statuses[0], {
      id: input.seedId(`${partner.key}:status`), partner_id: partner.id, tier: 'active', tier_since: iso(tierSince), commission_rate: activeRate,
      satisfaction_rating: null, support_calls_attended: index % 3,
      history: JSON.stringify([
        { tier: 'starter', from: iso(joinedAt), to: iso(tierSince) },
        { tier: 'active', from: iso(tierSince), to: null },
      ]),
      metrics: JSON.stringify({ leads_this_month: partner.leads.thisMonth, training_modules: 10 + index, days_in_tier: Math.floor((input.now - tierSince) / day) }),
      created_at: iso(joinedAt), updated_at: iso(tierSince),
    }));

    const months = [
      { label: 'this', start: input.monthStart, end: input.now, count: partner.leads.thisMonth, won: partner.leads.wonThisMonth },
      { label: 'last', start: lastMonthStart, end: input.monthStart - 1, count: partner.leads.lastMonth, won: partner.leads.wonLastMonth },
    ];
    for (const month of months) {
      for (let n = 0; n < month.count; n += 1) {
        const id = input.seedId(`${partner.key}:lead:${month.label}:${n}`);
        const company = prospects[(index * 5 + n + (month.label === 'last' ? 6 : 0)) % prospects.length] ?? 'Acme Ltd';
        const won = n < month.won;
        const createdAt = inMonth(month.start, month.end, (n + 0.5) / (month.count + 1) / 2);
        const stageChangedAt = won ? inMonth(createdAt, month.end, 0.6) : inMonth(createdAt, month.end, 0.3);
        const stage = won ? 'won' : (['contacted', 'qualified', 'proposal', 'lost', 'new'] as const)[(n + index) % 5];
        const value = (8 + ((index * 7 + n * 3) % 20)) * 500;
        if (won) {
          const commission = input.seedId(`${partner.key}:lead:${month.label}:${n}:commission`);
          const earnings = table('earnings');
          earnings.push(rowLike(earnings[0], {
            id: commission, partner_id: partner.id, kind: 'commission', lead_id: id, deal_name: `${company} — annual plan`,
            commission_type: 'referral', amount: Math.round(value * activeRate) / 100, currency: 'GBP', rate: activeRate, tier: 'active',
            deal_value: value, status: month.label === 'last' ? 'approved' : 'pending', period: iso(stageChangedAt).slice(0, 7),
            lead_win: 1, history: '[]', created_at: iso(stageChangedAt), updated_at: iso(stageChangedAt),
          }));
        }
        const leads = table('leads');
        leads.push(rowLike(leads[0], {
          id, partner_id: partner.id, company, contact_name: `Contact at ${company}`,
          email: `hello@${company.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`, source: n % 2 === 0 ? 'website' : 'partner_network',
          stage, lost_reason: stage === 'lost' ? 'No budget this year' : null, estimated_value: value, currency: 'GBP',
          notes: `${company} asked about a client portal.`, stage_changed_at: iso(stageChangedAt),
          created_at: iso(createdAt), updated_at: iso(stageChangedAt),
        }));
      }
    }
  });
}
