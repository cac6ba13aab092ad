/** The next step for each unmet requirement: a link when the place to act exists in this build, else what to do. */
import { tierLabel, type RequirementProgress } from '../../../sync/domain/tiers';
import type { Tier } from '../../../sync/schema/fields';
import { formatDate, plural } from '../../ui/format';
import { availableRoute } from '../../ui/known-routes';

export interface RequirementAction {
  /** What to do, one sentence. */
  text: string;
  /** In-app route to do it, or null when that screen is not in this build. */
  route: string | null;
  /** The link's label when `route` is set. */
  linkLabel: string;
}

export function requirementAction(
  item: RequirementProgress,
  context: { currentTier: Tier; tierSince: string; timeZone: string },
): RequirementAction {
  const remaining = Math.max(0, item.target - (item.current ?? 0));
  switch (item.key) {
    case 'referred_leads':
      return {
        text: `Refer ${plural(Math.ceil(remaining), 'more lead', 'more leads')} before the month ends.`,
        route: availableRoute('/leads'),
        linkLabel: 'Add a lead',
      };
    case 'training_modules':
      return {
        text: `Complete ${plural(Math.ceil(remaining), 'more training module', 'more training modules')}.`,
        route: availableRoute('/training'),
        linkLabel: 'Continue training',
      };
    case 'satisfaction':
      return {
        text:
          item.current === null
            ? `SISO has not recorded a satisfaction rating for you yet; ${item.target.toFixed(1)} is needed. It comes from your clients' feedback.`
            : `Raise your client satisfaction rating from ${item.current.toFixed(1)} to ${item.target.toFixed(1)}. SISO updates it from client feedback.`,
        route: null,
        linkLabel: '',
      };
    case 'support_calls':
      return {
        text: `Attend ${plural(Math.ceil(remaining), 'more partner support call', 'more partner support calls')}. SISO records attendance after each call.`,
        route: availableRoute('/support'),
        linkLabel: 'Open support',
      };
    case 'days_in_tier': {
      const until = new Date(Date.parse(context.tierSince) + item.target * 86_400_000);
      return {
        text: `Stay in the ${tierLabel(context.currentTier)} tier ${plural(remaining, 'more day', 'more days')} (until ${formatDate(until, context.timeZone)}).`,
        route: null,
        linkLabel: '',
      };
    }
  }
}
