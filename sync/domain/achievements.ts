/**
 * Achievements derived from the partner's own data — nothing is stored or awarded separately, so
 * an achievement can never disagree with the leads, earnings, training and tier history it is
 * based on.
 */
import { courseBodySchema } from '../schema/catalog-bodies';
import type { Tier } from '../schema/fields';
import {
  tierLabel,
  type CatalogRowInput,
  type LeadInput,
  type PartnerStatusInput,
  type TrainingInput,
} from './tiers';
import { parseInstant } from './zoned-time';

export interface EarningInput {
  readonly kind: string;
  readonly status: string;
  readonly created_at: string;
  readonly paid_at?: string | null;
}

export interface AchievementsInput {
  leads: readonly LeadInput[];
  earnings: readonly EarningInput[];
  training: readonly TrainingInput[];
  /** Catalog rows; those of kind `course` with a valid body define what "course completed" means. */
  catalog: readonly CatalogRowInput[];
  status: Pick<PartnerStatusInput, 'history'> | null;
  now: Date;
}

export interface Achievement {
  id: string;
  title: string;
  description: string;
  earned: boolean;
  /** ISO instant it was earned; null while not earned. */
  earnedAt: string | null;
  progress: { current: number; target: number } | null;
}

export const LEAD_MILESTONE = 10;

export function computeAchievements(input: AchievementsInput): Achievement[] {
  const { now } = input;
  const leadTimes = sortedInstants(input.leads.map((lead) => lead.created_at), now);
  const wonTimes = sortedInstants(
    input.leads.filter((lead) => lead.stage === 'won').map((lead) => lead.stage_changed_at ?? lead.created_at),
    now,
  );
  const paidTimes = sortedInstants(
    input.earnings
      .filter((row) => row.kind === 'commission' && row.status === 'paid')
      .map((row) => row.paid_at ?? row.created_at),
    now,
  );

  const achievements: Achievement[] = [
    milestone('first-lead', 'First lead', 'Referred your first lead.', leadTimes, 1),
    milestone('ten-leads', `${LEAD_MILESTONE} leads`, `Referred ${LEAD_MILESTONE} leads in total.`, leadTimes, LEAD_MILESTONE),
    milestone('first-won-deal', 'First won deal', 'A lead you referred became a customer.', wonTimes, 1),
    milestone('first-commission-paid', 'First commission paid', 'SISO paid out your first commission.', paidTimes, 1),
    ...courseAchievements(input),
    ...tierAchievements(input.status, now),
  ];
  return achievements;
}

function milestone(id: string, title: string, description: string, times: readonly Date[], target: number): Achievement {
  const reached = times[target - 1];
  return {
    id,
    title,
    description,
    earned: reached !== undefined,
    earnedAt: reached ? reached.toISOString() : null,
    progress: target > 1 ? { current: Math.min(times.length, target), target } : null,
  };
}

function sortedInstants(values: readonly string[], now: Date): Date[] {
  return values
    .map((value) => parseInstant(value))
    .filter((value): value is Date => value !== null && value <= now)
    .sort((a, b) => a.getTime() - b.getTime());
}

function courseAchievements(input: AchievementsInput): Achievement[] {
  const result: Achievement[] = [];
  for (const row of input.catalog) {
    if (row.kind !== 'course' || !row.published) continue;
    const body = courseBodySchema.safeParse(row.body);
    if (!body.success) continue;
    const moduleCount = body.data.modules.length;
    // Modules by id (a reorder moves places, not modules); legacy rows without one, by place.
    const doneModules = new Set<string>();
    let last: Date | null = null;
    for (const training of input.training) {
      if ((training.kind && training.kind !== 'module') || training.course_id !== row.id) continue;
      if (!training.module_id && training.module_index >= moduleCount) continue;
      const at = parseInstant(training.completed_at);
      if (!at || at > input.now) continue;
      doneModules.add(training.module_id ?? `#${training.module_index}`);
      if (!last || at > last) last = at;
    }
    const done = Math.min(doneModules.size, moduleCount);
    if (done === 0) continue;
    const earned = done >= moduleCount;
    result.push({
      id: `course-completed:${row.id}`,
      title: earned ? `Completed ${row.title}` : `${row.title} in progress`,
      description: earned ? `Finished all ${moduleCount} modules.` : `Finish all ${moduleCount} modules to complete the course.`,
      earned,
      earnedAt: earned && last ? last.toISOString() : null,
      progress: { current: done, target: moduleCount },
    });
  }
  return result;
}

function tierAchievements(status: Pick<PartnerStatusInput, 'history'> | null, now: Date): Achievement[] {
  if (!status) return [];
  const firstReached = new Map<Tier, Date>();
  for (const period of status.history) {
    const from = parseInstant(period.from);
    if (!from || from > now) continue;
    const known = firstReached.get(period.tier);
    if (!known || from < known) firstReached.set(period.tier, from);
  }
  const ordered = [...firstReached.entries()].sort((a, b) => a[1].getTime() - b[1].getTime());
  // The first period is where the partner started, not something reached.
  return ordered.slice(1).map(([tier, at]) => ({
    id: `tier-reached:${tier}`,
    title: `Reached ${tierLabel(tier)}`,
    description: `Promoted to the ${tierLabel(tier)} tier.`,
    earned: true,
    earnedAt: at.toISOString(),
    progress: null,
  }));
}
