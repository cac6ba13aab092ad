/**
 * The tier status in brief — ring, current tier, next tier — used by the dashboard card and at the
 * top of the tiers page (large).
 */
import type { TierProgress } from '../../../sync/domain/tiers';
import { tierLabel } from '../../../sync/domain/tiers';
import { ProgressRing } from '../../ui/charts/ProgressRing';
import { TierBadge } from './TierBadge';

export function progressLabel(progress: TierProgress): string {
  if (progress.state === 'progressing') return `Progress to the ${tierLabel(progress.next.tier)} tier`;
  if (progress.state === 'top') return `${tierLabel(progress.current.tier)} is the highest tier`;
  return 'Tier progress unknown';
}

export function progressValueText(progress: TierProgress): string {
  if (progress.state === 'progressing') {
    const met = progress.requirements.filter((item) => item.met).length;
    return `${progress.overallPercent}%, ${met} of ${progress.requirements.length} requirements met`;
  }
  if (progress.state === 'top') return '100%, highest tier reached';
  return 'Unknown';
}

export function TierProgressSummary({ progress, size = 'normal' }: { progress: TierProgress; size?: 'normal' | 'large' }) {
  if (progress.state === 'unknown') return <p className="card__text">{progress.message}</p>;
  const ringSize = size === 'large' ? 200 : 128;
  return (
    <div className="tier-summary" data-size={size}>
      <ProgressRing
        percent={progress.overallPercent}
        label={progressLabel(progress)}
        valueText={progressValueText(progress)}
        size={ringSize}
        thickness={size === 'large' ? 16 : 12}
      >
        <span className="tier-summary__percent" data-testid="tier-percent">
          {progress.overallPercent}%
        </span>
        <span className="tier-summary__caption">{progress.state === 'top' ? 'top tier' : `to ${tierLabel(progress.next.tier)}`}</span>
      </ProgressRing>
      <div className="tier-summary__facts">
        <p>
          <span className="tier-summary__eyebrow">Current tier</span>
          <TierBadge tier={progress.current.tier} size={size} />
        </p>
        <p className="tier-summary__line">
          {progress.current.commission_rate}% commission · {progress.daysInTier} days in tier
        </p>
        {progress.state === 'progressing' ? (
          <p className="tier-summary__line">
            Next: <strong>{tierLabel(progress.next.tier)}</strong> at {progress.next.commission_rate}% commission
            {progress.allMet ? ' — every requirement is met; SISO reviews tier changes.' : ''}
          </p>
        ) : (
          <p className="tier-summary__line">You hold the highest tier. There is no next tier.</p>
        )}
      </div>
    </div>
  );
}
