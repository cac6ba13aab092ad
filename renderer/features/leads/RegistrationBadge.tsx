/**
 * The deal registration badge on lead cards, the pipeline board and the leads list: a few words
 * for where the registration stands, nothing when the deal was never registered.
 */
import { registrationBadgeText, registrationState, type RegistrationFields } from '../../../sync/domain/deal-registration';

export function RegistrationBadge({ lead, now }: { lead: RegistrationFields; now: Date }) {
  const state = registrationState(lead, now);
  const text = registrationBadgeText(state);
  if (!text) return null;
  return (
    <span className="registration-badge" data-state={state.kind}>
      {text}
    </span>
  );
}
