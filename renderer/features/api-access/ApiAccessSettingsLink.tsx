/** The Settings card that points Elite partners to API access; renders nothing for other tiers. */
import { Link } from 'react-router-dom';
import { useEntitlement } from '../../session/use-entitlement';
import { LEAD_FEATURES, leadFeature } from '../../../sync/domain/entitlements';

export function ApiAccessSettingsLink() {
  const entitlement = useEntitlement(leadFeature(LEAD_FEATURES.apiAccess));
  if (entitlement?.allowed !== true) return null;
  return (
    <section className="card settings-section" aria-labelledby="settings-api-access">
      <h2 id="settings-api-access">API access</h2>
      <p className="card__text">Personal, read-only API tokens let your own tools read your leads, clients, earnings and payouts.</p>
      <Link className="button" to="/api-access">
        Manage API tokens
      </Link>
    </section>
  );
}
