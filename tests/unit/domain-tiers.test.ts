import { describe, expect, it } from 'vitest';
import {
  computeTierProgress,
  newlyMetRequirements,
  parseTierRules,
  tierTimeline,
  type CatalogRowInput,
  type LeadInput,
  type PartnerStatusInput,
  type TierProgress,
  type TierProgressInput,
  type TrainingInput,
} from '../../sync/domain/tiers';
import { zonedMonth } from '../../sync/domain/zoned-time';

type Requirements = {
  referred_leads_per_month: number;
  training_modules_completed: number;
  satisfaction_rating: number;
  support_calls_attended: number;
  min_days_in_previous_tier: number;
};

const ZERO: Requirements = {
  referred_leads_per_month: 0,
  training_modules_completed: 0,
  satisfaction_rating: 0,
  support_calls_attended: 0,
  min_days_in_previous_tier: 0,
};

function ruleRow(tier: string, rank: number, requirements: Requirements, overrides: Partial<CatalogRowInput> = {}): CatalogRowInput {
  return {
    id: `rule-${tier}`,
    kind: 'tier_rule',
    title: `${tier} tier`,
    published: true,
    body: {
      tier,
      rank,
      commission_rate: [20, 22, 25, 30][rank] ?? 20,
      requirements,
      benefits: {
        marketing_categories: [],
        training_courses: [],
        support_channels: [],
        payout_frequency: 'monthly',
        lead_features: [],
      },
    },
    ...overrides,
  };
}

const PERFORMER: Requirements = {
  referred_leads_per_month: 5,
  training_modules_completed: 24,
  satisfaction_rating: 4.5,
  support_calls_attended: 2,
  min_days_in_previous_tier: 30,
};

function standardRows(performer: Requirements = PERFORMER): CatalogRowInput[] {
  return [
    ruleRow('starter', 0, ZERO),
    ruleRow('active', 1, { ...ZERO, referred_leads_per_month: 3, training_modules_completed: 8, satisfaction_rating: 4, support_calls_attended: 1, min_days_in_previous_tier: 30 }),
    ruleRow('performer', 2, performer),
    ruleRow('elite', 3, { referred_leads_per_month: 10, training_modules_completed: 41, satisfaction_rating: 4.8, support_calls_attended: 4, min_days_in_previous_tier: 90 }),
  ];
}

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;

function daysAgo(days: number, now = NOW): string {
  return new Date(now.getTime() - days * DAY).toISOString();
}

function status(overrides: Partial<PartnerStatusInput> = {}): PartnerStatusInput {
  return {
    tier: 'active',
    tier_since: daysAgo(45),
    satisfaction_rating: 4.6,
    support_calls_attended: 2,
    history: [
      { tier: 'starter', from: daysAgo(200), to: daysAgo(45) },
      { tier: 'active', from: daysAgo(45), to: null },
    ],
    ...overrides,
  };
}

function leadsAt(...instants: string[]): LeadInput[] {
  return instants.map((created_at) => ({ created_at, stage: 'new' }));
}

function modules(count: number, completedDaysAgo: (index: number) => number = () => 100): TrainingInput[] {
  return Array.from({ length: count }, (_, index) => ({
    course_id: `course-${Math.floor(index / 10)}`,
    module_index: index % 10,
    completed_at: daysAgo(completedDaysAgo(index)),
  }));
}

function progress(overrides: Partial<TierProgressInput> = {}): TierProgress {
  return computeTierProgress({
    rules: parseTierRules(standardRows()).rules,
    status: status(),
    leads: leadsAt(daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(4), daysAgo(5)),
    training: modules(24),
    now: NOW,
    timeZone: 'Europe/London',
    ...overrides,
  });
}

function progressing(result: TierProgress) {
  if (result.state !== 'progressing') throw new Error(`expected progressing, got ${result.state}`);
  return result;
}

describe('parseTierRules', () => {
  it('orders valid published rules by rank and reports invalid ones instead of throwing', () => {
    const rows = [
      ruleRow('elite', 3, ZERO),
      ruleRow('starter', 0, ZERO),
      ruleRow('active', 1, ZERO, { body: { tier: 'active', rank: 'one' } }),
      ruleRow('performer', 2, ZERO, { published: false }),
      { id: 'asset-1', kind: 'asset', title: 'Brochure', published: true, body: {} },
    ];
    const { rules, problems } = parseTierRules(rows);
    expect(rules.map((rule) => rule.tier)).toEqual(['starter', 'elite']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.id).toBe('rule-active');
  });

  it('keeps the first rule when two are published for the same tier', () => {
    const { rules, problems } = parseTierRules([ruleRow('starter', 0, ZERO), ruleRow('starter', 0, ZERO, { id: 'dup' })]);
    expect(rules).toHaveLength(1);
    expect(problems[0]?.id).toBe('dup');
  });
});

describe('computeTierProgress', () => {
  it('counts a requirement exactly at its threshold as met, and reaches 100% only when all are', () => {
    const result = progressing(progress());
    expect(result.next.tier).toBe('performer');
    expect(result.requirements.map((item) => [item.key, item.current, item.target, item.met])).toEqual([
      ['referred_leads', 5, 5, true],
      ['training_modules', 24, 24, true],
      ['satisfaction', 4.6, 4.5, true],
      ['support_calls', 2, 2, true],
      ['days_in_tier', 45, 30, true],
    ]);
    expect(result.allMet).toBe(true);
    expect(result.overallPercent).toBe(100);
    expect(result.estimate).toEqual({ kind: 'all-met' });
  });

  it('one short of a threshold is not met, and overall is the floored mean of capped completions', () => {
    const result = progressing(progress({ training: modules(23) }));
    const training = result.requirements.find((item) => item.key === 'training_modules');
    expect(training?.met).toBe(false);
    expect(training?.completion).toBeCloseTo(23 / 24);
    // (1 + 23/24 + 1 + 1 + 1) / 5 = 0.9916… → 99, never rounded up to 100 while a requirement is open.
    expect(result.overallPercent).toBe(99);
    expect(result.allMet).toBe(false);
  });

  it('caps over-achievement at 100% per requirement', () => {
    const result = progressing(
      progress({ status: status({ satisfaction_rating: 0, support_calls_attended: 50 }), training: modules(0), leads: [] }),
    );
    // leads 0, modules 0, satisfaction 0, calls capped 1, days 1 → 2/5
    expect(result.overallPercent).toBe(40);
  });

  it('counts a lead at 23:30 UTC on the last day of a month in the next month for Europe/Athens', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    const boundaryLead = '2026-10-31T23:30:00Z'; // 01:30 on 1 November in Athens (UTC+2)
    const base = { now, leads: leadsAt(boundaryLead), training: modules(24), status: status({ tier_since: daysAgo(45, now) }) };
    const athens = progressing(progress({ ...base, timeZone: 'Europe/Athens' }));
    const utc = progressing(progress({ ...base, timeZone: 'UTC' }));
    expect(athens.requirements[0]?.current).toBe(1);
    expect(utc.requirements[0]?.current).toBe(0);
  });

  it('starts the month at local midnight: 21:59 UTC on 31 Oct is still October in Athens (22:00 is November)', () => {
    const month = zonedMonth(new Date('2026-11-10T12:00:00Z'), 'Europe/Athens');
    expect(month.start.toISOString()).toBe('2026-10-31T22:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-11-30T22:00:00.000Z');
    const now = new Date('2026-11-10T12:00:00Z');
    const result = progressing(
      progress({ now, timeZone: 'Europe/Athens', leads: leadsAt('2026-10-31T21:59:59Z', '2026-10-31T22:00:00Z') }),
    );
    expect(result.requirements[0]?.current).toBe(1);
  });

  it('handles a DST month start (America/New_York, March)', () => {
    const month = zonedMonth(new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    expect(month.start.toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-04-01T04:00:00.000Z');
  });

  it('Elite has no next tier', () => {
    const result = progress({ status: status({ tier: 'elite', tier_since: daysAgo(10) }) });
    expect(result).toMatchObject({ state: 'top', overallPercent: 100, daysInTier: 10 });
    if (result.state === 'top') expect(result.current.tier).toBe('elite');
  });

  it('follows an admin changing the rules: a higher threshold gives a different result', () => {
    const before = progressing(progress());
    const raised = parseTierRules(standardRows({ ...PERFORMER, referred_leads_per_month: 10 })).rules;
    const after = progressing(progress({ rules: raised }));
    expect(before.allMet).toBe(true);
    expect(after.allMet).toBe(false);
    expect(after.requirements[0]).toMatchObject({ current: 5, target: 10, met: false, completion: 0.5 });
    expect(after.overallPercent).toBe(90);
  });

  it('follows an admin changing partner_status (promotion moves the target tier)', () => {
    const promoted = progressing(progress({ status: status({ tier: 'performer', tier_since: daysAgo(1) }) }));
    expect(promoted.next.tier).toBe('elite');
    expect(promoted.daysInTier).toBe(1);
  });

  it('reports unknown states instead of crashing when data is missing', () => {
    expect(progress({ status: null })).toMatchObject({ state: 'unknown', reason: 'no-status' });
    expect(progress({ rules: [] })).toMatchObject({ state: 'unknown', reason: 'no-rules' });
    const onlyStarter = parseTierRules([ruleRow('starter', 0, ZERO)]).rules;
    expect(progress({ rules: onlyStarter })).toMatchObject({ state: 'unknown', reason: 'tier-without-rule' });
  });

  it('treats a missing satisfaction rating as not met (0%), not as a crash', () => {
    const result = progressing(progress({ status: status({ satisfaction_rating: null }) }));
    expect(result.requirements[2]).toMatchObject({ key: 'satisfaction', current: null, met: false, completion: 0 });
  });

  it('ignores bad timestamps and counts each course module once', () => {
    const training: TrainingInput[] = [
      { course_id: 'a', module_index: 0, completed_at: daysAgo(3) },
      { course_id: 'a', module_index: 0, completed_at: daysAgo(2) },
      { course_id: 'a', module_index: 1, completed_at: null },
      { course_id: 'a', module_index: 2, completed_at: 'not a date' },
    ];
    const result = progressing(progress({ training, leads: [{ created_at: 'garbage', stage: 'new' }] }));
    expect(result.requirements[0]?.current).toBe(0);
    expect(result.requirements[1]?.current).toBe(1);
  });

  it('counts only module rows: graded attempts, certificates and bookings are not modules', () => {
    const training: TrainingInput[] = [
      { course_id: 'a', module_index: 0, completed_at: daysAgo(3), kind: 'module' },
      { course_id: 'assessment-a', module_index: 0, completed_at: daysAgo(2), kind: 'attempt' },
      { course_id: 'a', module_index: 0, completed_at: daysAgo(2), kind: 'certificate' },
      { course_id: 'webinar-1', module_index: 0, completed_at: daysAgo(1), kind: 'registration' },
    ];
    const result = progressing(progress({ training, leads: [] }));
    expect(result.requirements[1]?.current).toBe(1);
  });

  it('counts two modules that held the same place before and after an admin reordered them', () => {
    const training: TrainingInput[] = [
      { course_id: 'a', module_id: 'm-a', module_index: 0, completed_at: daysAgo(3) },
      { course_id: 'a', module_id: 'm-b', module_index: 0, completed_at: daysAgo(1) },
      { course_id: 'a', module_id: 'm-b', module_index: 0, completed_at: daysAgo(2) },
    ];
    expect(progressing(progress({ training, leads: [] })).requirements[1]?.current).toBe(2);
  });
});

describe('time-to-next-tier estimate', () => {
  it('projects modules from the last 60 days and takes the latest requirement date', () => {
    // 12 modules done in the last 60 days (0.2/day); 20 done → 4 to go → 20 days.
    const training = modules(20, (index) => (index < 12 ? 10 + index : 100));
    const result = progressing(progress({ training, status: status({ tier_since: daysAgo(5) }) }));
    expect(result.estimate.kind).toBe('date');
    if (result.estimate.kind !== 'date') return;
    // days in tier: 5 → needs 25 more days; modules need 20 → the later one wins.
    expect(result.estimate.daysFromNow).toBe(25);
    expect(result.estimate.date).toBe(new Date(NOW.getTime() + 25 * DAY).toISOString());
  });

  it('is unavailable, with a reason, when the pace is zero', () => {
    const result = progressing(progress({ training: modules(20, () => 200) }));
    expect(result.estimate).toMatchObject({ kind: 'unavailable' });
    if (result.estimate.kind === 'unavailable') expect(result.estimate.reason).toMatch(/no pace/i);
  });

  it('moves a monthly lead target into next month when this month cannot make it', () => {
    // 6 leads in the last 60 days = 0.1/day; 1 this month (25 Nov), 5 needed → 40 days: not this month.
    const leads = leadsAt(daysAgo(0.5), daysAgo(30), daysAgo(35), daysAgo(40), daysAgo(45), daysAgo(50));
    const lowTarget = progressing(progress({ leads, rules: parseTierRules(standardRows({ ...PERFORMER, referred_leads_per_month: 2 })).rules }));
    // 1 more needed at 0.1/day = 10 days → 5 Dec, after this month ends → next month: 2 / 0.1 = 20 days after 1 Dec.
    const estimate = lowTarget.estimate.kind === 'date' ? lowTarget.estimate.requirements[0] : null;
    expect(estimate).toEqual({ key: 'referred_leads', kind: 'date', date: '2026-12-21T00:00:00.000Z' });
    const tooHigh = progressing(progress({ leads }));
    expect(tooHigh.estimate).toMatchObject({ kind: 'unavailable' });
  });

  it('is unavailable when a SISO-recorded requirement is unmet', () => {
    const result = progressing(progress({ status: status({ support_calls_attended: 0 }) }));
    expect(result.estimate).toMatchObject({ kind: 'unavailable' });
  });
});

describe('tierTimeline and celebrations', () => {
  it('lists history oldest first with days per tier', () => {
    const rules = parseTierRules(standardRows()).rules;
    const timeline = tierTimeline(status(), rules, NOW);
    expect(timeline.map((entry) => [entry.tier, entry.days, entry.current])).toEqual([
      ['starter', 155, false],
      ['active', 45, true],
    ]);
    expect(tierTimeline(null, rules, NOW)).toEqual([]);
  });

  it('reports a requirement as newly met only against a recorded baseline', () => {
    const before = progress({ training: modules(23) });
    const after = progress();
    const first = newlyMetRequirements(null, before);
    expect(first.newlyMet).toEqual([]);
    const second = newlyMetRequirements(first.record, after);
    expect(second.newlyMet).toEqual(['training_modules']);
    expect(newlyMetRequirements(second.record, after).newlyMet).toEqual([]);
  });
});
