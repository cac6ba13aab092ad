/**
 * The admin area (#/admin): assets, proposal templates, brand guidelines, tier rules, partners,
 * usage, commissions, payouts and promotions, as tabs (?tab=…). Shown to admin sessions only; for anyone else it says who it is for.
 * Visited tabs stay mounted (hidden) so a half-filled form survives switching tabs.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader';
import { AssetsPanel } from './content/AssetsPanel';
import { BrandGuidelinesPanel } from './content/BrandGuidelinesPanel';
import { CommissionsPanel } from './money/CommissionsPanel';
import { PartnersPanel } from './partners/PartnersPanel';
import { PayoutsPanel } from './money/PayoutsPanel';
import { PromotionsPanel } from './content/PromotionsPanel';
import { TrainingPanel } from './training/TrainingPanel';
import { SupportInboxPanel } from './support/SupportInboxPanel';
import { CommunityPanel } from './community/CommunityPanel';
import { DealRegistrationsPanel } from './partners/DealRegistrationsPanel';
import { ProposalApprovalsPanel } from './money/ProposalApprovalsPanel';
import { ClientProjectsPanel } from './partners/ClientProjectsPanel';
import { TemplatesPanel } from './content/TemplatesPanel';
import { TierRulesPanel } from './content/TierRulesPanel';
import { UsagePanel } from './content/UsagePanel';
import { useAdminAccess, type AdminAccess } from './shared/use-admin-access';
import './shared/admin.css';

const TABS = [
  { id: 'assets', label: 'Assets' },
  { id: 'templates', label: 'Templates' },
  { id: 'brand', label: 'Brand guidelines' },
  { id: 'tiers', label: 'Tier rules' },
  { id: 'partners', label: 'Partners' },
  { id: 'usage', label: 'Usage' },
  { id: 'commissions', label: 'Commissions' },
  { id: 'payouts', label: 'Payouts' },
  { id: 'promotions', label: 'Promotions' },
  { id: 'training', label: 'Training' },
  { id: 'support', label: 'Support' },
  { id: 'community', label: 'Community' },
  { id: 'registrations', label: 'Deal registrations' },
  { id: 'discounts', label: 'Discount approvals' },
  { id: 'clients', label: 'Clients' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function isTab(value: string | null): value is TabId {
  return TABS.some((tab) => tab.id === value);
}

export function AdminPage() {
  const access = useAdminAccess();
  return (
    <>
      <title>Admin · SISO Partner Workstation</title>
      <PageHeader
        title="Admin"
        description={access.kind === 'admin' ? 'Publish and retire marketing assets, edit templates, brand guidelines and tier rules, set partners’ tiers, see asset usage, adjust commissions, decide withdrawals, publish promotions, see training completion and publish live sessions, answer partners’ support tickets and moderate the community.' : undefined}
      />
      {access.kind === 'admin' ? (
        <AdminTabs access={access} />
      ) : (
        <p className="card card__text admin-refusal" role="alert">
          {access.reason}
        </p>
      )}
    </>
  );
}

function AdminTabs({ access }: { access: Extract<AdminAccess, { kind: 'admin' }> }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabId = isTab(requested) ? requested : 'assets';
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([active]));
  const [notice, setNotice] = useState<string | null>(null);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  if (!visited.has(active)) setVisited(new Set([...visited, active]));

  function select(id: TabId, focus = false) {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('tab', id);
      return next;
    }, { replace: true });
    setNotice(null);
    if (focus) tabRefs.current.get(id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // From the focused tab (it may differ from the selected one after Tab-key or programmatic focus).
    const focused = (event.target as HTMLElement).id.replace(/^admin-tab-/, '');
    const index = Math.max(0, TABS.findIndex((tab) => tab.id === (isTab(focused) ? focused : active)));
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = TABS[(target + TABS.length) % TABS.length];
    if (tab) select(tab.id, true);
  }

  const announce = (message: string) => setNotice(message);

  return (
    <div className="admin">
      <div role="tablist" aria-label="Admin sections" className="admin-tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.id, element);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`admin-tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`admin-panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            className="admin-tabs__tab"
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <p role="status" className="admin-notice">
        {notice}
      </p>
      {TABS.map((tab) =>
        visited.has(tab.id) ? (
          <div key={tab.id} role="tabpanel" id={`admin-panel-${tab.id}`} aria-labelledby={`admin-tab-${tab.id}`} hidden={tab.id !== active} className="admin-panel">
            {tab.id === 'assets' ? <AssetsPanel access={access} announce={announce} /> : null}
            {tab.id === 'templates' ? <TemplatesPanel access={access} announce={announce} /> : null}
            {tab.id === 'brand' ? <BrandGuidelinesPanel access={access} announce={announce} /> : null}
            {tab.id === 'tiers' ? <TierRulesPanel access={access} announce={announce} /> : null}
            {tab.id === 'partners' ? <PartnersPanel access={access} announce={announce} /> : null}
            {tab.id === 'usage' ? <UsagePanel access={access} /> : null}
            {tab.id === 'commissions' ? <CommissionsPanel access={access} announce={announce} /> : null}
            {tab.id === 'payouts' ? <PayoutsPanel access={access} announce={announce} /> : null}
            {tab.id === 'promotions' ? <PromotionsPanel access={access} announce={announce} /> : null}
            {tab.id === 'training' ? <TrainingPanel access={access} announce={announce} /> : null}
            {tab.id === 'support' ? <SupportInboxPanel access={access} announce={announce} /> : null}
            {tab.id === 'community' ? <CommunityPanel access={access} announce={announce} /> : null}
            {tab.id === 'registrations' ? <DealRegistrationsPanel access={access} announce={announce} /> : null}
            {tab.id === 'discounts' ? <ProposalApprovalsPanel access={access} announce={announce} /> : null}
            {tab.id === 'clients' ? <ClientProjectsPanel access={access} announce={announce} /> : null}
          </div>
        ) : null,
      )}
    </div>
  );
}
