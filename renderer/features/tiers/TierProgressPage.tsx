/**
 * Tier progression: where the partner stands, what the next tier needs, what each tier unlocks,
 * and how they got here. Every figure comes from the local store through live hooks.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { benefitRows, FEATURE_CATEGORIES, FEATURE_CATEGORY_LABELS, type FeatureCategory } from '../../../sync/domain/entitlements';
import {
  ESTIMATE_METHOD,
  tierLabel,
  tierTimeline,
  type RequirementEstimate,
  type RequirementProgress,
  type TierProgress,
  type TierRule,
} from '../../../sync/domain/tiers';
import type { Tier } from '../../../sync/schema/fields';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatDate, plural } from '../../ui/format';
import { useRequirementCelebration, type Celebration } from './celebration';
import { requirementAction } from './requirement-actions';
import { TierProgressSummary } from './TierProgressSummary';
import { useTierData, type TierData } from './use-tier-data';
import './tiers.css';

export function TierProgressPage() {
  const data = useTierData();
  const celebration = useRequirementCelebration(data.status?.partner_id ?? null, data.progress);

  return (
    <>
      <title>Tier progress · SISO Partner Workstation</title>
      <PageHeader title="Tier progress" description="What your next tier needs, what each tier unlocks, and how you got here." />
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="tier-announcer">
        {celebration?.message ?? ''}
      </div>
      <TierPageBody data={data} celebration={celebration} />
    </>
  );
}

function TierPageBody({ data, celebration }: { data: TierData; celebration: Celebration | null }) {
  if (!data.hasWorkspace) {
    return <p className="card card__text">No workspace is open on this device. Open one to see your tier.</p>;
  }
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your tier data could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading your tier…</p>;
  const { progress } = data;

  return (
    <div className="tier-page">
      {data.ruleProblems.length > 0 ? (
        <p className="card card__text" role="note">
          {plural(data.ruleProblems.length, 'tier rule', 'tier rules')} from SISO could not be read and{' '}
          {data.ruleProblems.length === 1 ? 'is' : 'are'} ignored: {data.ruleProblems.map((problem) => problem.title).join(', ')}.
        </p>
      ) : null}

      <section className="card tier-page__status" aria-labelledby="tier-status-heading">
        <h2 id="tier-status-heading">Tier status</h2>
        <TierProgressSummary progress={progress} size="large" />
        {progress.state === 'progressing' ? <EstimateText progress={progress} timeZone={data.timeZone} /> : null}
      </section>

      {progress.state === 'progressing' ? (
        <RequirementsChecklist progress={progress} data={data} celebration={celebration} />
      ) : null}

      {data.rules.length > 0 ? <BenefitsComparison data={data} /> : null}

      <HistoryTimeline data={data} />
    </div>
  );
}

const PAYOUT_LABELS: Record<TierRule['benefits']['payout_frequency'], string> = {
  monthly: 'Monthly',
  'bi-weekly': 'Bi-weekly',
  weekly: 'Weekly',
  'real-time': 'Real-time',
};

type Progressing = Extract<TierProgress, { state: 'progressing' }>;

function EstimateText({ progress, timeZone }: { progress: Progressing; timeZone: string }) {
  const { estimate } = progress;
  return (
    <div className="tier-estimate" data-testid="tier-estimate">
      <h3>Time to {tierLabel(progress.next.tier)}</h3>
      {estimate.kind === 'all-met' ? (
        <p>Every requirement is met now. SISO reviews tier changes and will move you up; nothing more is needed from you.</p>
      ) : estimate.kind === 'date' ? (
        <p>
          At your recent pace, around <strong>{formatDate(estimate.date, timeZone)}</strong> ({plural(estimate.daysFromNow, 'day', 'days')} from now).
        </p>
      ) : (
        <p>No estimate yet: {estimate.reason}</p>
      )}
      <p className="tier-estimate__method">How this is estimated: {ESTIMATE_METHOD}</p>
    </div>
  );
}

function formatValue(item: RequirementProgress): string {
  if (item.current === null) return `not recorded / ${formatNumber(item)}`;
  return `${formatNumber(item, item.current)} / ${formatNumber(item)}`;
}

function formatNumber(item: RequirementProgress, value = item.target): string {
  return item.key === 'satisfaction' ? value.toFixed(1) : String(value);
}

function requirementDate(estimate: RequirementEstimate | undefined, timeZone: string): string | null {
  if (!estimate || estimate.kind !== 'date') return null;
  return formatDate(estimate.date, timeZone);
}

function RequirementsChecklist({ progress, data, celebration }: { progress: Progressing; data: TierData; celebration: Celebration | null }) {
  const estimates = progress.estimate.kind === 'all-met' ? [] : progress.estimate.requirements;
  return (
    <section className="card" aria-labelledby="tier-requirements-heading">
      <h2 id="tier-requirements-heading">Requirements for {tierLabel(progress.next.tier)}</h2>
      <ul className="requirement-list">
        {progress.requirements.map((item) => {
          const celebrating = celebration?.keys.includes(item.key) ?? false;
          const action = item.met
            ? null
            : requirementAction(item, { currentTier: progress.current.tier, tierSince: data.status?.tier_since ?? '', timeZone: data.timeZone });
          const projected = requirementDate(estimates.find((estimate) => estimate.key === item.key), data.timeZone);
          return (
            <li key={item.key} className="requirement" data-met={item.met} data-celebrating={celebrating} data-testid={`requirement-${item.key}`}>
              <div className="requirement__head">
                <span className="requirement__state">
                  <span aria-hidden="true" className="requirement__mark">
                    {item.met ? '✓' : '○'}
                  </span>
                  <span className="visually-hidden">{item.met ? 'Met:' : 'Not met yet:'}</span>
                </span>
                <span className="requirement__label">{item.label}</span>
                <span className="requirement__value">{formatValue(item)}</span>
                {celebrating ? <span className="requirement__new">Newly met</span> : null}
              </div>
              <ProgressBar fraction={item.completion} label={item.label} valueText={`${formatValue(item)}${item.met ? ', met' : ''}`} />
              {celebrating ? <span className="confetti" aria-hidden="true" /> : null}
              {action ? (
                <p className="requirement__action">
                  {action.text}
                  {projected ? ` Projected: ${projected}.` : ''}{' '}
                  {action.route ? (
                    <Link to={action.route} className="requirement__link">
                      {action.linkLabel}
                    </Link>
                  ) : null}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function comparisonTiers(data: TierData): TierRule[] {
  const { progress, rules } = data;
  const top = rules[rules.length - 1];
  const picked: TierRule[] = [];
  const add = (rule: TierRule | null | undefined) => {
    if (rule && !picked.some((item) => item.tier === rule.tier)) picked.push(rule);
  };
  if (progress.state === 'progressing') {
    add(progress.current);
    add(progress.next);
  } else if (progress.state === 'top') {
    add(rules[rules.length - 2]);
    add(progress.current);
  } else {
    add(rules[0]);
  }
  add(top);
  return picked.sort((a, b) => a.rank - b.rank);
}

function BenefitsComparison({ data }: { data: TierData }) {
  const columns = comparisonTiers(data);
  const currentTier: Tier | null = data.progress.state === 'unknown' ? null : data.progress.current.tier;
  const nextTier: Tier | null = data.progress.state === 'progressing' ? data.progress.next.tier : null;
  const label = (category: FeatureCategory, id: string, fallback: string) =>
    category === 'training_courses' ? (data.courseTitles.get(id) ?? fallback) : fallback;
  const topTier = columns.at(-1)?.tier;
  const columnNote = (tier: Tier) =>
    tier === currentTier ? 'your tier' : tier === nextTier ? 'next' : tier === topTier ? 'top tier' : 'earlier tier';

  return (
    <section className="card" aria-labelledby="tier-benefits-heading">
      <h2 id="tier-benefits-heading">Benefits by tier</h2>
      <div className="table-scroll" role="region" aria-labelledby="tier-benefits-heading" tabIndex={0}>
        <table className="benefits-table">
          <thead>
            <tr>
              <th scope="col">Benefit</th>
              {columns.map((rule) => (
                <th scope="col" key={rule.tier} data-current={rule.tier === currentTier}>
                  {tierLabel(rule.tier)} <span className="benefits-table__note">({columnNote(rule.tier)})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Commission rate</th>
              {columns.map((rule) => (
                <td key={rule.tier} data-current={rule.tier === currentTier}>
                  {rule.commission_rate}%
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Payout frequency</th>
              {columns.map((rule) => (
                <td key={rule.tier} data-current={rule.tier === currentTier}>
                  {PAYOUT_LABELS[rule.benefits.payout_frequency]}
                </td>
              ))}
            </tr>
          </tbody>
          {FEATURE_CATEGORIES.map((category) => (
            <tbody key={category}>
              <tr className="benefits-table__group">
                <th scope="colgroup" colSpan={columns.length + 1}>
                  {FEATURE_CATEGORY_LABELS[category]}
                </th>
              </tr>
              {benefitRows(
                data.rules.filter((rule) => rule.rank <= (columns[columns.length - 1]?.rank ?? 0)),
                category,
              ).map((row) => (
                <tr key={row.id}>
                  <th scope="row">{label(category, row.id, row.label)}</th>
                  {columns.map((rule) => {
                    const included = row.includedIn.includes(rule.tier);
                    return (
                      <td key={rule.tier} data-current={rule.tier === currentTier} data-included={included}>
                        <span aria-hidden="true">{included ? '✓' : '—'}</span>
                        <span className="visually-hidden">{included ? 'Included' : 'Not included'}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

interface TimelineItem {
  at: string;
  kind: 'tier' | 'achievement';
  title: string;
  detail: string;
}

function HistoryTimeline({ data }: { data: TierData }) {
  const items = useMemo<TimelineItem[]>(() => {
    const periods = tierTimeline(data.status, data.rules, data.now).map((entry) => ({
      at: entry.from,
      kind: 'tier' as const,
      title: entry.current ? `${tierLabel(entry.tier)} tier (current)` : `${tierLabel(entry.tier)} tier`,
      detail: entry.current
        ? `Since ${formatDate(entry.from, data.timeZone)} · ${plural(entry.days, 'day', 'days')} so far`
        : `${formatDate(entry.from, data.timeZone)} to ${formatDate(entry.to ?? entry.from, data.timeZone)} · ${plural(entry.days, 'day', 'days')}`,
    }));
    const achievements = data.achievements
      .filter((item) => item.earned && item.earnedAt && !item.id.startsWith('tier-reached'))
      .map((item) => ({
        at: item.earnedAt ?? '',
        kind: 'achievement' as const,
        title: item.title,
        detail: `${item.description} ${formatDate(item.earnedAt ?? '', data.timeZone)}`,
      }));
    return [...periods, ...achievements].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  }, [data]);

  return (
    <section className="card" aria-labelledby="tier-history-heading">
      <h2 id="tier-history-heading">History</h2>
      {items.length === 0 ? (
        <p className="card__text">No tier history has reached this device yet.</p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <li key={`${item.kind}-${item.title}-${item.at}`} className="timeline__item" data-kind={item.kind}>
              <span className="timeline__dot" aria-hidden="true" />
              <p className="timeline__title">
                <span className="visually-hidden">{item.kind === 'tier' ? 'Tier: ' : 'Achievement: '}</span>
                {item.title}
              </p>
              <p className="timeline__detail">{item.detail}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
