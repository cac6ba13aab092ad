/**
 * Asset usage from partners' download and customisation events, read from the server: the most
 * downloaded assets and downloads by tier (see sync/domain/admin/asset-usage.ts for definitions).
 */
import { useCallback, useMemo } from 'react';
import { computeAssetUsage } from '../../../../sync/domain/admin/asset-usage';
import type { Tier } from '../../../../sync/schema/fields';
import { BarChart } from '../../../ui/charts/BarChart';
import { TIER_LABELS } from '../shared/labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import { ReportHead } from '../shared/ReportHead';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const TOP = 10;

export function UsagePanel({ access }: { access: Admin }) {
  const api = access.api;
  const offline = access.blocked !== null;
  const load = useCallback(async () => {
    const [events, assets, partners] = await Promise.all([api.listUsageEvents(), api.listAllAssets(), api.listPartners()]);
    const tierByPartner = new Map<string, Tier>();
    for (const partner of partners) if (partner.tier) tierByPartner.set(partner.partnerId, partner.tier);
    return computeAssetUsage({ events, assets, tierByPartner });
  }, [api]);
  const report = useServerReport(offline ? null : load);
  const usage = report.data;
  const chartData = useMemo(
    () => (usage ? usage.downloadsByTier.map((row) => ({ label: row.tier === 'unknown' ? 'No tier' : TIER_LABELS[row.tier], value: row.downloads })) : []),
    [usage],
  );

  return (
    <div className="admin-stack">
      <section className="card" aria-labelledby="admin-usage-heading">
        <ReportHead headingId="admin-usage-heading" heading="Most downloaded assets" subject="usage" report={report} blocked={access.blocked} />
        {usage ? (
          usage.assets.length === 0 ? (
            <p className="card__text">No partner has downloaded or customised an asset yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table admin-table">
                <caption className="visually-hidden">The {TOP} most downloaded assets, with customisations and distinct partners</caption>
                <thead>
                  <tr>
                    <th scope="col">Asset</th>
                    <th scope="col">Tier</th>
                    <th scope="col" className="numeric">
                      Downloads
                    </th>
                    <th scope="col" className="numeric">
                      Customisations
                    </th>
                    <th scope="col" className="numeric">
                      Partners
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {usage.assets.slice(0, TOP).map((row) => (
                    <tr key={row.assetId}>
                      <th scope="row">
                        {row.title}
                        {row.retired ? <span className="data-table__sub">Retired</span> : null}
                      </th>
                      <td>{TIER_LABELS[row.tierRequired]}</td>
                      <td className="numeric">{row.downloads}</td>
                      <td className="numeric">{row.customisations}</td>
                      <td className="numeric">{row.partners}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
        {usage && usage.unknownAsset > 0 ? (
          <p className="form-field__hint">
            {usage.unknownAsset} {usage.unknownAsset === 1 ? 'event names' : 'events name'} no asset in the catalog and {usage.unknownAsset === 1 ? 'is' : 'are'} not counted above.
          </p>
        ) : null}
      </section>
      {usage ? (
        <section className="card" aria-labelledby="admin-usage-tier-heading">
          <h2 id="admin-usage-tier-heading">Downloads by tier</h2>
          <p className="card__text">
            {usage.totalDownloads} {usage.totalDownloads === 1 ? 'download' : 'downloads'} in all, by each partner’s current tier.
          </p>
          {usage.totalDownloads > 0 ? <BarChart title="Downloads by partner tier" data={chartData} formatValue={(value) => String(value)} valueHeading="Downloads" /> : null}
        </section>
      ) : null}
    </div>
  );
}
