/**
 * The partner dashboard: earnings and lead figures, tier progress with the next steps, the
 * notification centre, achievements and charts. Richer analytics appear as the partner's tier
 * unlocks them (entitlements from the tier rules); locked ones say what unlocking needs.
 */
import { type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Achievement } from '../../../sync/domain/achievements';
import type { DashboardStats } from '../../../sync/domain/dashboard-stats';
import { leadFeature, LEAD_FEATURES, featureLabel, type Entitlement } from '../../../sync/domain/entitlements';
import { stageLabel } from '../../../sync/domain/leads';
import { tierLabel, type TierProgress } from '../../../sync/domain/tiers';
import { BarChart } from '../../ui/charts/BarChart';
import { formatDate, formatMoney, formatMoneyCompact, formatMonthKey, formatPercent, plural } from '../../ui/format';
import { availableRoute } from '../../ui/known-routes';
import { LockedFeature } from '../../ui/LockedFeature';
import { LeaderboardRank } from '../../ui/LeaderboardRank';
import type { LeaderboardStanding } from '../../../sync/domain/leaderboard';
import { PageHeader } from '../../ui/PageHeader';
import { useTierAccess } from '../../session/use-entitlement';
import { requirementAction, TierProgressSummary, type TierData } from '../tiers';
import { useDashboardData } from './use-dashboard-data';
import { NotificationsCard } from '../notifications';
import { OnboardingChecklistCard, OnboardingRedirect } from '../onboarding';
import './dashboard.css';

export function DashboardPage() {
  return (
    <>
      <title>Dashboard · SISO Partner Workstation</title>
      <PageHeader title="Dashboard" description="Your earnings, leads and tier progress, from the data on this device." />
      <DashboardBody />
    </>
  );
}

function DashboardBody() {
  const { data, stats, achievements, leaderboard } = useDashboardData();
  const access = useTierAccess();

  if (!data.hasWorkspace) {
    return <p className="card card__text">No workspace is open on this device. Open one to see your dashboard.</p>;
  }
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your data could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading || !access) return <p className="card__text">Loading your dashboard…</p>;

  const gate = (id: string): Entitlement => access.check(leadFeature(id));

  return (
    <div className="dashboard">
      <OnboardingRedirect />
      <OnboardingChecklistCard />
      <StatCards stats={stats} pipeline={gate(LEAD_FEATURES.pipeline)} leaderboard={leaderboard} />
      <div className="dashboard__row">
        <TierCard progress={data.progress} />
        <ActionItems data={data} />
      </div>
      <div className="dashboard__row">
        <NotificationsCard />
        <Achievements achievements={achievements} timeZone={data.timeZone} />
      </div>
      <h2 className="dashboard__section-title">Performance</h2>
      <div className="dashboard__charts">
        <EarningsCharts stats={stats} />
        <Gated
          title="Leads by stage"
          description="How many of your leads sit at each pipeline stage."
          result={gate(LEAD_FEATURES.pipeline)}
          progress={data.progress}
        >
          <section className="card" aria-labelledby="chart-stages-heading">
            <h3 id="chart-stages-heading">Leads by stage</h3>
            <BarChart
              title="Leads by stage"
              valueHeading="Leads"
              data={stats.leadsByStage.map((item) => ({ label: stageLabel(item.stage), value: item.count }))}
              formatValue={(value) => String(value)}
            />
          </section>
        </Gated>
        <Gated
          title="Conversion by lead source"
          description="Which lead sources turn into won deals most often."
          result={gate(LEAD_FEATURES.analytics)}
          progress={data.progress}
        >
          <section className="card" aria-labelledby="chart-sources-heading">
            <h3 id="chart-sources-heading">Conversion by lead source</h3>
            <BarChart
              title="Conversion by lead source (won ÷ leads)"
              valueHeading="Conversion"
              data={stats.leadsBySource.map((item) => ({
                label: featureLabel(item.source),
                longLabel: `${featureLabel(item.source)} (${item.won} of ${item.total} won)`,
                value: item.total === 0 ? 0 : item.won / item.total,
              }))}
              formatValue={formatPercent}
            />
          </section>
        </Gated>
      </div>
    </div>
  );
}

function StatCard({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <section className="card stat-card" aria-label={label} data-testid={testId}>
      <h2>{label}</h2>
      {children}
    </section>
  );
}

function MoneyLines({ rows, none = 'None yet' }: { rows: { currency: string; amount: number }[]; none?: string }) {
  if (rows.length === 0) return <p className="stat-card__value stat-card__value--muted">{none}</p>;
  return (
    <ul className="stat-card__money">
      {rows.map((row) => (
        <li key={row.currency} className="stat-card__value">
          {formatMoney(row.amount, row.currency)}
        </li>
      ))}
    </ul>
  );
}

function StatCards({ stats, pipeline, leaderboard }: { stats: DashboardStats; pipeline: Entitlement; leaderboard: LeaderboardStanding }) {
  const lastMonth = formatMonthKey(stats.lastMonth).long;
  return (
    <div className="stat-grid">
      <StatCard label="Earned this month" testId="stat-earned">
        <MoneyLines
          rows={stats.earnings.filter((row) => row.earnedThisMonth !== 0).map((row) => ({ currency: row.currency, amount: row.earnedThisMonth }))}
          none="Nothing yet this month"
        />
        {stats.earnings.some((row) => row.earnedLastMonth !== 0) ? (
          <p className="stat-card__note">
            {lastMonth}:{' '}
            {stats.earnings
              .filter((row) => row.earnedLastMonth !== 0)
              .map((row) => formatMoney(row.earnedLastMonth, row.currency))
              .join(' · ')}
          </p>
        ) : (
          <p className="stat-card__note">Nothing in {lastMonth}</p>
        )}
      </StatCard>
      <StatCard label="Pending commission" testId="stat-pending">
        <MoneyLines rows={stats.earnings.filter((row) => row.pending !== 0).map((row) => ({ currency: row.currency, amount: row.pending }))} />
        <p className="stat-card__note">Pending or processing</p>
      </StatCard>
      <StatCard label="Commission paid" testId="stat-paid">
        <MoneyLines rows={stats.earnings.filter((row) => row.paid !== 0).map((row) => ({ currency: row.currency, amount: row.paid }))} />
        <p className="stat-card__note">All time</p>
      </StatCard>
      <StatCard label="Active leads" testId="stat-active-leads">
        <p className="stat-card__value">{stats.activeLeads}</p>
        <p className="stat-card__note">of {plural(stats.totalLeads, 'lead', 'leads')} in total</p>
      </StatCard>
      {pipeline.allowed ? (
        <StatCard label="Conversion rate" testId="stat-conversion">
          <p className="stat-card__value">{stats.conversionRate === null ? 'No leads yet' : formatPercent(stats.conversionRate)}</p>
          <p className="stat-card__note">
            {stats.wonLeads} won of {stats.totalLeads}
          </p>
        </StatCard>
      ) : null}
      <StatCard label="Leaderboard rank" testId="stat-rank">
        <LeaderboardRank standing={leaderboard} />
      </StatCard>
    </div>
  );
}

function TierCard({ progress }: { progress: TierProgress }) {
  const tiersRoute = availableRoute('/tiers');
  return (
    <section className="card dashboard__tier" aria-labelledby="dashboard-tier-heading">
      <h2 id="dashboard-tier-heading">Tier progress</h2>
      <TierProgressSummary progress={progress} />
      {tiersRoute ? (
        <Link to={tiersRoute} className="button button--primary dashboard__tier-link">
          View tier progress
        </Link>
      ) : null}
    </section>
  );
}

function ActionItems({ data }: { data: TierData }) {
  const { progress } = data;
  let content: ReactNode;
  if (progress.state === 'unknown') content = <p className="card__text">{progress.message}</p>;
  else if (progress.state === 'top') content = <p className="card__text">You hold the highest tier. Nothing is needed to move up.</p>;
  else if (progress.allMet) {
    content = (
      <p className="card__text">
        Every requirement for the {tierLabel(progress.next.tier)} tier is met. SISO reviews tier changes; nothing more is needed from you.
      </p>
    );
  } else {
    const open = progress.requirements.filter((item) => !item.met);
    content = (
      <ul className="action-list">
        {open.map((item) => {
          const action = requirementAction(item, {
            currentTier: progress.current.tier,
            tierSince: data.status?.tier_since ?? '',
            timeZone: data.timeZone,
          });
          return (
            <li key={item.key} className="action-item" data-testid={`action-${item.key}`}>
              <p className="action-item__title">{item.label}</p>
              <p className="card__text">{action.text}</p>
              {action.route ? (
                <Link to={action.route} className="action-item__link">
                  {action.linkLabel}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section className="card" aria-labelledby="dashboard-actions-heading">
      <h2 id="dashboard-actions-heading">
        {progress.state === 'progressing' ? `Next steps to ${tierLabel(progress.next.tier)}` : 'Next steps'}
      </h2>
      {content}
    </section>
  );
}

function Achievements({ achievements, timeZone }: { achievements: Achievement[]; timeZone: string }) {
  const earned = achievements.filter((item) => item.earned).sort((a, b) => (b.earnedAt ?? '').localeCompare(a.earnedAt ?? ''));
  const upcoming = achievements.filter((item) => !item.earned);
  return (
    <section className="card" aria-labelledby="dashboard-achievements-heading">
      <h2 id="dashboard-achievements-heading">Achievements</h2>
      <p className="card__text">{plural(earned.length, 'achievement', 'achievements')} earned.</p>
      <ul className="achievement-list">
        {earned.map((item) => (
          <li key={item.id} className="achievement" data-earned="true">
            <span className="achievement__mark" aria-hidden="true">
              ★
            </span>
            <span>
              <span className="achievement__title">{item.title}</span>
              <span className="achievement__detail">{item.earnedAt ? formatDate(item.earnedAt, timeZone) : ''}</span>
            </span>
          </li>
        ))}
        {upcoming.map((item) => (
          <li key={item.id} className="achievement" data-earned="false">
            <span className="achievement__mark" aria-hidden="true">
              ☆
            </span>
            <span>
              <span className="achievement__title">
                <span className="visually-hidden">Not yet earned: </span>
                {item.title}
              </span>
              <span className="achievement__detail">
                {item.progress ? `${item.progress.current} of ${item.progress.target} · ` : ''}
                {item.description}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EarningsCharts({ stats }: { stats: DashboardStats }) {
  if (stats.earningsByMonth.length === 0) {
    return (
      <section className="card" aria-labelledby="chart-earnings-heading">
        <h3 id="chart-earnings-heading">Earnings by month</h3>
        <p className="card__text">No commissions in the last six months.</p>
      </section>
    );
  }
  return (
    <>
      {stats.earningsByMonth.map((series) => {
        const headingId = `chart-earnings-${series.currency}`;
        return (
          <section key={series.currency} className="card" aria-labelledby={headingId}>
            <h3 id={headingId}>Earnings by month ({series.currency})</h3>
            <BarChart
              title={`Commission earned by month in ${series.currency}`}
              valueHeading={`Commission (${series.currency})`}
              data={series.months.map((month) => {
                const label = formatMonthKey(month.month);
                return { label: label.short, longLabel: label.long, value: month.amount };
              })}
              formatValue={(value) => formatMoney(value, series.currency)}
              formatBarLabel={(value) => formatMoneyCompact(value, series.currency)}
            />
          </section>
        );
      })}
    </>
  );
}

/** Shows `children` when allowed, otherwise what the feature is and what unlocking it takes. */
function Gated({
  title,
  description,
  result,
  progress,
  children,
}: {
  title: string;
  description: string;
  result: Entitlement;
  progress: TierProgress;
  children: ReactNode;
}) {
  if (result.allowed) return <>{children}</>;
  const towardsNext = progress.state === 'progressing' && result.unlockTier === progress.next.tier;
  const open = towardsNext ? progress.requirements.filter((item) => !item.met) : [];
  return (
    <LockedFeature title={title} headingLevel={3} description={description} message={result.message}>
      {towardsNext && progress.state === 'progressing' ? (
        open.length === 0 ? (
          <p className="card__text">Every requirement for {tierLabel(progress.next.tier)} is met; SISO reviews tier changes.</p>
        ) : (
          <>
            <p className="card__text">Still needed for {tierLabel(progress.next.tier)}:</p>
            <ul className="locked-feature__needs">
              {open.map((item) => (
                <li key={item.key}>
                  {item.label}: {item.current ?? 'not recorded'} of {item.target}
                </li>
              ))}
            </ul>
          </>
        )
      ) : result.unlockTier && progress.state === 'progressing' ? (
        <p className="card__text">
          Reach {tierLabel(progress.next.tier)} first; {tierLabel(result.unlockTier)} comes after it.
        </p>
      ) : null}
    </LockedFeature>
  );
}
