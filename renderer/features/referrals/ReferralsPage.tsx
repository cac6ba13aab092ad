/**
 * Referral links: create tracked links to SISO pages, see how each performs, share one by QR
 * code, email or social, and (from the tier that includes attribution) attribution analytics.
 */
import { useMemo, useState } from 'react';
import { computeLinkPerformance } from '../../../sync/domain/attribution';
import { leadFeature, LEAD_FEATURES } from '../../../sync/domain/entitlements';
import { useEntitlement } from '../../session/use-entitlement';
import { referralUrlForLink } from '../../../sync/domain/referral-links';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { AttributionAnalytics } from './AttributionAnalytics';
import { LinkCreator } from './LinkCreator';
import { LinkSharePanel } from './LinkSharePanel';
import { formatRate } from './format-rate';
import { useReferralData, type ReferralData } from './use-referral-data';
import './referrals.css';

export function ReferralsPage() {
  const data = useReferralData();
  return (
    <>
      <title>Referral links · SISO Partner Workstation</title>
      <PageHeader title="Referral links" description="Tracked links to SISO pages, their QR codes and how they perform." />
      <ReferralsBody data={data} />
    </>
  );
}

function ReferralsBody({ data }: { data: ReferralData }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const attribution = useEntitlement(leadFeature(LEAD_FEATURES.attribution));
  const performance = useMemo(
    () => new Map(computeLinkPerformance(data.links, data.leads, data.clicks).map((row) => [row.linkId, row])),
    [data.links, data.leads, data.clicks],
  );

  if (!data.db || !data.partnerId) {
    return <p className="card card__text">No workspace is open on this device. Open one to manage referral links.</p>;
  }
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your referral links could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading || !attribution) return <p className="card__text">Loading your referral links…</p>;

  const partnerId = data.partnerId;
  const selected = data.links.find((link) => link.id === selectedId) ?? null;
  const selectedUrl = selected ? referralUrlForLink(selected, partnerId) : null;

  return (
    <div className="referrals">
      <LinkCreator
        db={data.db}
        partnerId={partnerId}
        onCreated={(id, name) => {
          setSelectedId(id);
          setNotice(`Created “${name}”. Its QR code and sharing options are shown below.`);
        }}
      />
      <p role="status" className="referrals__notice">
        {notice}
      </p>
      <section className="card" aria-labelledby="referral-links-heading">
        <h2 id="referral-links-heading">Your links</h2>
        {data.links.length === 0 ? (
          <p className="card__text">No referral links yet. Create one above to share it.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table referral-table">
              <caption className="visually-hidden">
                Referral links with clicks{attribution.allowed ? ', attributed leads, conversions (won leads) and conversion rate (won ÷ clicks)' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Link</th>
                  <th scope="col">Clicks</th>
                  {attribution.allowed ? (
                    <>
                      <th scope="col">Leads</th>
                      <th scope="col">Conversions</th>
                      <th scope="col">Conversion rate</th>
                    </>
                  ) : null}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.links.map((link) => {
                  const perf = performance.get(link.id);
                  const url = referralUrlForLink(link, partnerId);
                  const isSelected = link.id === selectedId;
                  return (
                    <tr key={link.id} data-testid={`referral-row-${link.id}`} data-selected={isSelected}>
                      <th scope="row">
                        {link.name}
                        <span className="data-table__sub break-anywhere">{url ?? `${link.destination} (its saved values no longer pass the link rules)`}</span>
                      </th>
                      <td>{perf?.clicks ?? 0}</td>
                      {attribution.allowed ? (
                        <>
                          <td>{perf?.leads ?? 0}</td>
                          <td>{perf?.conversions ?? 0}</td>
                          <td>{perf?.conversionRate === null || perf === undefined ? 'No clicks yet' : formatRate(perf.conversionRate)}</td>
                        </>
                      ) : null}
                      <td>
                        {url ? (
                          <button
                            type="button"
                            className="button button--small"
                            aria-pressed={isSelected}
                            onClick={() => setSelectedId(isSelected ? null : link.id)}
                          >
                            QR &amp; share<span className="visually-hidden"> for {link.name}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {!attribution.allowed ? (
          <p className="card__text">Leads and conversions per link are part of attribution tracking. {attribution.message}</p>
        ) : null}
      </section>
      {selected && selectedUrl ? <LinkSharePanel key={selected.id} name={selected.name} url={selectedUrl} /> : null}
      <h2 className="referrals__section-title">Attribution analytics</h2>
      {attribution.allowed ? (
        <AttributionAnalytics data={data} />
      ) : (
        <LockedFeature
          title="Attribution analytics"
          description="Where your leads come from, how clicks turn into won deals, won value per channel and weekly trends."
          message={attribution.message}
          headingLevel={3}
        />
      )}
    </div>
  );
}
