/** The tiers as a select's options, lowest first, named the way partners see them. */
import { TIERS } from '../../../../sync/schema/fields';
import { TIER_LABELS } from './labels';

export function TierOptions() {
  return (
    <>
      {TIERS.map((tier) => (
        <option key={tier} value={tier}>
          {TIER_LABELS[tier]}
        </option>
      ))}
    </>
  );
}
