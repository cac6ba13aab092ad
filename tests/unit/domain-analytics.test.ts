import { describe, expect, it } from 'vitest';
import {
  ANALYTICS_LEVEL_FEATURES,
  LocalCalendar,
  cohorts,
  compareWithProgram,
  createAnalyticsEngine,
  dateToDay,
  forecast,
  indexEarnings,
  indexLeads,
  indexStageHistory,
  latestAggregate,
  monthFigures,
  relativeChange,
  resolvePeriod,
  stageChangeTarget,
  type AnalyticsActivity,
  type AnalyticsEarning,
  type AnalyticsInput,
  type AnalyticsLead,
  type ProgramAggregate,
} from '../../sync/domain/analytics';
import { entitlement } from '../../sync/domain/entitlements';
import type { TierRule } from '../../sync/domain/tiers';

const UTC = new LocalCalendar('UTC');
const NOW = new Date('2026-06-15T12:00:00Z');

function lead(id: string, created: string, stage: AnalyticsLead['stage'], extra: Partial<AnalyticsLead> = {}): AnalyticsLead {
  return { id, created_at: created, stage, source: 'website', ...extra };
}

function earning(id: string, created: string, amount: number, currency = 'GBP', status = 'approved'): AnalyticsEarning {
  return { id, kind: 'commission', amount, currency, status, created_at: created };
}

function input(overrides: Partial<AnalyticsInput> = {}): AnalyticsInput {
  return { leads: [], earnings: [], clicks: [], links: [], activities: [], period: { kind: 'this-month' }, now: NOW, timeZone: 'UTC', commissionRate: 20, ...overrides };
}

describe('periods', () => {
  const today = dateToDay('2026-06-15');
  it('pairs each calendar period with the one before it', () => {
    expect(resolvePeriod({ kind: 'this-month' }, today)?.label).toBe('2026-06-01 to 2026-06-30');
    expect(resolvePeriod({ kind: 'this-month' }, today)?.previousLabel).toBe('2026-05-01 to 2026-05-31');
    expect(resolvePeriod({ kind: 'last-month' }, today)?.label).toBe('2026-05-01 to 2026-05-31');
    expect(resolvePeriod({ kind: 'quarter' }, today)?.label).toBe('2026-04-01 to 2026-06-30');
    expect(resolvePeriod({ kind: 'quarter' }, today)?.previousLabel).toBe('2026-01-01 to 2026-03-31');
    expect(resolvePeriod({ kind: 'year' }, today)?.previousLabel).toBe('2025-01-01 to 2025-12-31');
  });

  it('gives a custom range a previous range of the same length, and refuses a reversed one', () => {
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-11', to: '2026-03-20' }, today)?.previousLabel).toBe('2026-03-01 to 2026-03-10');
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-20', to: '2026-03-11' }, today)).toBeNull();
  });

  it('counts days on the partner’s wall clock', () => {
    const athens = new LocalCalendar('Europe/Athens');
    // 23:30 UTC on 31 May is 02:30 on 1 June in Athens.
    expect(athens.day('2026-05-31T23:30:00Z')).toBe(dateToDay('2026-06-01'));
    expect(UTC.day('2026-05-31T23:30:00Z')).toBe(dateToDay('2026-05-31'));
  });
});

describe('basic metrics', () => {
  it('counts clicks, leads, wins, close rate and earnings per currency, with the previous period', () => {
    const engine = createAnalyticsEngine();
    const result = engine.compute(
      input({
        leads: [
          lead('a', '2026-06-02T10:00:00Z', 'won', { stage_changed_at: '2026-06-10T10:00:00Z' }),
          lead('b', '2026-06-03T10:00:00Z', 'lost', { stage_changed_at: '2026-06-11T10:00:00Z' }),
          lead('c', '2026-06-04T10:00:00Z', 'new'),
          lead('d', '2026-05-04T10:00:00Z', 'won', { stage_changed_at: '2026-05-20T10:00:00Z' }),
        ],
        earnings: [
          earning('e1', '2026-06-10T10:00:00Z', 200),
          earning('e2', '2026-06-11T10:00:00Z', -50),
          earning('e3', '2026-06-11T10:00:00Z', 30, 'EUR'),
          earning('e4', '2026-06-11T10:00:00Z', 999, 'GBP', 'reversed'),
          earning('e5', '2026-05-20T10:00:00Z', 100),
        ],
        clicks: [
          { referral_link_id: 'l1', day: '2026-06-01', clicks: 7 },
          { referral_link_id: 'l1', day: '2026-05-31', clicks: 3 },
        ],
      }),
    );
    expect(result?.metrics).toEqual({
      referralsSent: 7,
      leads: 3,
      conversions: 1,
      closed: 2,
      conversionRate: 0.5,
      earnings: [
        { currency: 'EUR', amount: 30 },
        { currency: 'GBP', amount: 150 },
      ],
    });
    expect(result?.previousMetrics).toMatchObject({ referralsSent: 3, leads: 1, conversions: 1, conversionRate: 1, earnings: [{ currency: 'GBP', amount: 100 }] });
    expect(relativeChange(3, 1)).toBe(2);
    expect(relativeChange(3, 0)).toBeNull();
  });

  it('reuses the index of an unchanged input and re-indexes a changed one', () => {
    const engine = createAnalyticsEngine();
    const leads = [lead('a', '2026-06-02T10:00:00Z', 'new')];
    const earnings = [earning('e1', '2026-06-10T10:00:00Z', 200)];
    const first = engine.compute(input({ leads, earnings }));
    const second = engine.compute(input({ leads: [...leads, lead('b', '2026-06-03T10:00:00Z', 'new')], earnings }));
    expect(second?.indexes.earnings).toBe(first?.indexes.earnings);
    expect(second?.indexes.leads).not.toBe(first?.indexes.leads);
    expect(second?.metrics.leads).toBe(2);
  });
});

describe('trends, funnel and time in stage', () => {
  const leads = [
    lead('a', '2026-06-01T10:00:00Z', 'won', { stage_changed_at: '2026-06-09T10:00:00Z' }),
    lead('b', '2026-06-08T10:00:00Z', 'lost', { stage_changed_at: '2026-06-12T10:00:00Z' }),
    lead('c', '2026-06-09T10:00:00Z', 'contacted', { stage_changed_at: '2026-06-10T10:00:00Z' }),
  ];
  const activities: AnalyticsActivity[] = [
    { lead_id: 'a', kind: 'stage_change', occurred_at: '2026-06-03T10:00:00Z', meta: '{"from":"new","to":"qualified"}' },
    { lead_id: 'a', kind: 'stage_change', occurred_at: '2026-06-09T10:00:00Z', meta: '{"from":"qualified","to":"won"}' },
    { lead_id: 'b', kind: 'stage_change', occurred_at: '2026-06-10T10:00:00Z', meta: '{"to":"proposal"}' },
    { lead_id: 'b', kind: 'stage_change', occurred_at: '2026-06-12T10:00:00Z', meta: '{"to":"lost"}' },
    { lead_id: 'b', kind: 'note', occurred_at: '2026-06-12T10:00:00Z', meta: '{"to":"won"}' },
  ];
  const result = createAnalyticsEngine().compute(input({ leads, activities }));

  it('buckets leads and wins by Monday week and by month', () => {
    const weeks = result?.weekly ?? [];
    expect(weeks.at(-1)?.key).toBe('2026-06-15');
    expect(weeks.at(-2)).toMatchObject({ key: '2026-06-08', leads: 2, conversions: 1 });
    expect(weeks.at(-3)).toMatchObject({ key: '2026-06-01', leads: 1, conversions: 0 });
    expect(result?.monthly.at(-1)).toMatchObject({ key: '2026-06', leads: 3, conversions: 1 });
    expect(result?.monthly).toHaveLength(12);
  });

  it('counts a lost lead in the funnel up to the furthest stage it reached', () => {
    expect(result?.funnel.map((step) => step.leads)).toEqual([3, 3, 2, 2, 1]);
  });

  it('measures finished stays from stage changes', () => {
    const byStage = Object.fromEntries((result?.timeInStage ?? []).map((row) => [row.stage, row]));
    // new: a 2 days, b 2 days; c has no history and moved on after 1 day.
    expect(byStage.new).toMatchObject({ stays: 3, medianDays: 2 });
    expect(byStage.qualified).toMatchObject({ stays: 1, medianDays: 6 });
    expect(byStage.proposal).toMatchObject({ stays: 1, medianDays: 2 });
  });

  it('reads only known stages from stage_change meta', () => {
    expect(stageChangeTarget('{"to":"won"}')).toBe('won');
    expect(stageChangeTarget('{"to":"bogus"}')).toBeNull();
    expect(stageChangeTarget(null)).toBeNull();
  });
});

describe('cohorts', () => {
  it('shows the cumulative share of each creation month won by each later month, blank where not reached', () => {
    const index = indexLeads(
      [
        lead('a', '2026-05-02T10:00:00Z', 'won', { stage_changed_at: '2026-05-20T10:00:00Z' }),
        lead('b', '2026-05-03T10:00:00Z', 'won', { stage_changed_at: '2026-06-02T10:00:00Z' }),
        lead('c', '2026-05-04T10:00:00Z', 'new'),
        lead('d', '2026-05-05T10:00:00Z', 'lost'),
      ],
      UTC,
    );
    const rows = cohorts(index, dateToDay('2026-06-15'), 3);
    expect(rows.map((row) => row.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(rows[1]).toEqual({ month: '2026-05', leads: 4, wonShare: [0.25, 0.5, null] });
    expect(rows[2]?.wonShare).toEqual([0, null, null]);
  });
});

describe('forecast', () => {
  const history = indexStageHistory([]);
  it('says so when there is not enough closed history', () => {
    const index = indexLeads([lead('a', '2026-01-01T00:00:00Z', 'won', { stage_changed_at: '2026-01-11T00:00:00Z' })], UTC);
    expect(forecast(index, history, 20)).toEqual({ kind: 'not-enough-history', closedLeads: 1, needed: 5 });
  });

  it('learns win rates and timing, and gives a range around the expected closes and commission', () => {
    const closed = [
      ...Array.from({ length: 4 }, (_, i) => lead(`w${i}`, '2026-01-01T00:00:00Z', 'won', { stage_changed_at: '2026-01-21T00:00:00Z' })),
      ...Array.from({ length: 4 }, (_, i) => lead(`l${i}`, '2026-01-01T00:00:00Z', 'lost', { stage_changed_at: '2026-01-21T00:00:00Z' })),
    ];
    const open = Array.from({ length: 10 }, (_, i) => lead(`o${i}`, '2026-06-01T00:00:00Z', 'new', { estimated_value: 1000, currency: 'GBP' }));
    const result = forecast(indexLeads([...closed, ...open], UTC), history, 20);
    expect(result.kind).toBe('ready');
    if (result.kind !== 'ready') return;
    expect(result.rates[0]).toMatchObject({ stage: 'new', closed: 8, won: 4, winRate: 0.5 });
    // Four of four won from Proposal is smoothed to 5 ÷ 6, not a certain win.
    expect(result.rates[3]).toMatchObject({ stage: 'proposal', closed: 4, won: 4 });
    expect(result.rates[3]?.winRate).toBeCloseTo(5 / 6);
    // Every win took 20 days, so within 30 days each open lead has its full 50% chance.
    const h30 = result.horizons[0];
    expect(h30?.closes.expected).toBeCloseTo(5);
    expect(h30?.closes.low).toBeLessThan(5);
    expect(h30?.closes.high).toBeGreaterThan(5);
    expect(h30?.commission[0]).toMatchObject({ currency: 'GBP' });
    expect(h30?.commission[0]?.expected).toBeCloseTo(1000);
    expect(h30?.commission[0]?.high).toBeLessThanOrEqual(2000);
  });
});

describe('program comparison', () => {
  const aggregate = (tier: ProgramAggregate['tier'], month: string, partners = 6): ProgramAggregate => ({
    tier,
    month,
    partners,
    metrics: { leads: { median: 4, p25: 2, p75: 6 }, conversion_rate: { median: 0.3, p25: 0.2, p75: 0.4 } },
  });

  it('picks the latest aggregate of the partner’s tier with enough partners', () => {
    const rows = [aggregate('active', '2026-04'), aggregate('active', '2026-05'), aggregate('performer', '2026-06'), aggregate('active', '2026-06', 3)];
    expect(latestAggregate(rows, 'active')?.month).toBe('2026-05');
    expect(latestAggregate(rows, 'elite')).toBeNull();
  });

  it('places the partner below, within or above the middle half', () => {
    const leads = indexLeads([lead('a', '2026-05-02T10:00:00Z', 'new')], UTC);
    const you = monthFigures(leads, indexEarnings([], UTC), '2026-05');
    expect(you).toEqual({ leads: 1, conversions: 0, conversion_rate: 0, earnings_gbp: 0, avg_days_to_close: null });
    const rows = compareWithProgram(aggregate('active', '2026-05'), you);
    expect(rows.map((row) => [row.metric, row.position])).toEqual([
      ['leads', 'below'],
      ['conversion_rate', 'below'],
    ]);
    expect(compareWithProgram(aggregate('active', '2026-05'), { ...you, leads: 4, conversion_rate: null }).map((row) => row.position)).toEqual(['middle', 'unknown']);
  });

  it('counts the month as the server does: UTC months, the share of new leads won, GBP only', () => {
    const leads = indexLeads(
      [
        lead('a', '2026-05-02T10:00:00Z', 'won', { stage_changed_at: '2026-06-01T10:00:00Z' }),
        lead('b', '2026-05-03T10:00:00Z', 'lost', { stage_changed_at: '2026-05-04T10:00:00Z' }),
        lead('c', '2026-04-30T10:00:00Z', 'won', { stage_changed_at: '2026-05-02T10:00:00Z' }),
      ],
      new LocalCalendar('Europe/Athens'),
    );
    const earnings = indexEarnings([earning('g', '2026-05-31T23:30:00Z', 100), earning('e', '2026-05-10T00:00:00Z', 50, 'EUR')], UTC);
    expect(monthFigures(leads, earnings, '2026-05')).toEqual({ leads: 2, conversions: 1, conversion_rate: 0.5, earnings_gbp: 100, avg_days_to_close: 2 });
  });

  it('compares with the median alone when the group is too small for quartiles', () => {
    const small: ProgramAggregate = { tier: 'active', month: '2026-05', partners: 6, metrics: { leads: { median: 4, p25: null, p75: null } } };
    const you = { leads: 5, conversions: null, conversion_rate: null, earnings_gbp: null, avg_days_to_close: null };
    expect(compareWithProgram(small, you)[0]?.position).toBe('above-median');
  });
});

describe('gating', () => {
  const rule = (tier: TierRule['tier'], rank: number, lead_features: string[]): TierRule =>
    ({ id: tier, title: tier, tier, rank, benefits: { marketing_categories: [], training_courses: [], support_channels: [], lead_features } }) as unknown as TierRule;
  const rules = [
    rule('starter', 0, ['lead_list']),
    rule('active', 1, ['lead_list', 'attribution']),
    rule('performer', 2, ['lead_list', 'attribution', 'analytics']),
    rule('elite', 3, ['lead_list', 'attribution', 'analytics', 'white_label_tracking']),
  ];
  it('unlocks charts at Active, advanced at Performer and custom at Elite', () => {
    expect(entitlement(rules, 'starter', ANALYTICS_LEVEL_FEATURES.basic)).toEqual({ allowed: true });
    expect(entitlement(rules, 'starter', ANALYTICS_LEVEL_FEATURES.charts)).toMatchObject({ allowed: false, unlockTier: 'active' });
    expect(entitlement(rules, 'active', ANALYTICS_LEVEL_FEATURES.advanced)).toMatchObject({ allowed: false, unlockTier: 'performer' });
    expect(entitlement(rules, 'performer', ANALYTICS_LEVEL_FEATURES.custom)).toMatchObject({ allowed: false, unlockTier: 'elite' });
  });
});
