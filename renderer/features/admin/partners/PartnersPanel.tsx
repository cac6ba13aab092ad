/**
 * Partners with their tier, since when and commission rate, read from the server; an admin sets a
 * partner's tier here (admin_set_partner_tier: the rate follows the tier rule, history is kept).
 */
import { useCallback, useState } from 'react';
import { type Tier } from '../../../../sync/schema/fields';
import { formatDate, systemTimeZone } from '../../../ui/format';
import type { PartnerListRow } from '../shared/use-admin-data';
import { TIER_LABELS } from '../shared/labels';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import { errorMessage } from '../../../ui/error-message';
import { AgreementPanel } from './AgreementPanel';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

function PartnerRow({ access, partner, onChanged }: { access: Admin; partner: PartnerListRow; onChanged(message: string): void }) {
  const [choice, setChoice] = useState<Tier>(partner.tier ?? 'starter');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const selectId = `tier-${partner.partnerId}`;

  async function apply() {
    setBusy(true);
    setFailure(null);
    try {
      const status = await access.api.setPartnerTier(partner.partnerId, choice);
      onChanged(`${partner.displayName} is now ${TIER_LABELS[status.tier]} at ${status.commission_rate}% commission.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">
        {partner.displayName}
        <span className="data-table__sub">{[partner.company, partner.email].filter(Boolean).join(' · ')}</span>
      </th>
      <td>{partner.tier ? TIER_LABELS[partner.tier] : 'No tier yet'}</td>
      <td>{partner.tierSince ? formatDate(partner.tierSince, systemTimeZone()) : '—'}</td>
      <td className="numeric">{partner.commissionRate === null ? '—' : `${partner.commissionRate}%`}</td>
      <td>
        <div className="admin-actions">
          <label htmlFor={selectId} className="visually-hidden">
            New tier for {partner.displayName}
          </label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value as Tier)} disabled={busy}>
            <TierOptions />
          </select>
          <button
            type="button"
            className="button button--small"
            onClick={() => void apply()}
            disabled={busy || access.blocked !== null || choice === partner.tier}
            title={access.blocked ?? undefined}
          >
            {busy ? 'Setting…' : 'Set tier'}
            <span className="visually-hidden"> for {partner.displayName}</span>
          </button>
        </div>
        {failure ? (
          <p className="form-field__error" role="alert">
            {failure}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function PartnersPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const api = access.api;
  const offline = access.blocked !== null;
  const load = useCallback(() => api.listPartners(), [api]);
  const report = useServerReport(offline ? null : load);

  return (
    <div className="admin-stack">
    <section className="card" aria-labelledby="admin-partners-heading">
      <ReportHead headingId="admin-partners-heading" heading="Partners" subject="partners" report={report} blocked={access.blocked} />
      {report.data ? (
        report.data.length === 0 ? (
          <p className="card__text">No partners have signed up yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table">
              <caption className="visually-hidden">Partners with their tier, tier start date and commission rate</caption>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Since</th>
                  <th scope="col" className="numeric">
                    Commission
                  </th>
                  <th scope="col">Change tier</th>
                </tr>
              </thead>
              <tbody>
                {report.data.map((partner) => (
                  <PartnerRow
                    key={`${partner.partnerId}:${partner.tier ?? ''}`}
                    access={access}
                    partner={partner}
                    onChanged={(message) => {
                      announce(message);
                      report.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
    <AgreementPanel access={access} announce={announce} />
    </div>
  );
}
