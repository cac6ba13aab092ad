import type { Tier } from '../../../sync/schema/fields';
import { tierLabel } from '../../../sync/domain/tiers';
import './tiers.css';

/** The tier's name with its colour mark; the text carries the meaning, the colour is decoration. */
export function TierBadge({ tier, size = 'normal' }: { tier: Tier; size?: 'normal' | 'large' }) {
  return (
    <span className="tier-badge" data-tier={tier} data-size={size}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className="tier-badge__mark">
        <path d="M8 1.5 10 6l4.8.4-3.6 3.2 1.1 4.8L8 12l-4.3 2.4 1.1-4.8L1.2 6.4 6 6z" />
      </svg>
      {tierLabel(tier)}
    </span>
  );
}
