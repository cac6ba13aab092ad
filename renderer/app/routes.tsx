/**
 * The route table. Hash routing: the app is served from file:// in Electron and any path on the web.
 * Screens with heavy libraries (pdf-lib and fonts, CSV parsing, QR codes, uploads) load on first
 * visit, so starting the app parses only what the dashboard and leads need.
 */
import { createHashRouter, type RouteObject } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { TierProgressPage } from '../features/tiers/TierProgressPage';
import { LeadDetailPage } from '../features/leads/LeadDetailPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PartnerScreen } from './PartnerScreen';
import { RouteErrorPage } from './RouteErrorPage';

const screens = {
  CsvImportPage: () => import('../features/leads/import/CsvImportPage'),
  ReferralsPage: () => import('../features/referrals/ReferralsPage'),
  MarketingCenterPage: () => import('../features/marketing/MarketingCenterPage'),
  BrandGuidelinesPage: () => import('../features/marketing/BrandGuidelinesPage'),
  ProposalsPage: () => import('../features/proposals/ProposalsPage'),
  NewProposalPage: () => import('../features/proposals/NewProposalPage'),
  BrandKitPage: () => import('../features/brand-kit/BrandKitPage'),
  AdminPage: () => import('../features/admin/AdminPage'),
};

/**
 * Loads every lazy screen in the background once the app is up, so navigating later works with no
 * network too (the browser build fetches chunks over HTTP; Electron reads them from disk). A load
 * the network interrupted is tried again when the connection returns.
 */
export function preloadScreens(win: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const pending = new Set(Object.values(screens));
  const loadPending = () => {
    for (const load of pending) {
      load().then(
        () => pending.delete(load),
        () => undefined,
      );
    }
  };
  const onOnline = () => loadPending();
  win.addEventListener('online', onOnline);
  loadPending();
  return () => win.removeEventListener('online', onOnline);
}

export const appRoutes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    // Shown only while a lazily loaded screen the app was opened on arrives (a local file).
    hydrateFallbackElement: <p role="status" className="route-loading">Opening…</p>,
    children: [
      {
        // A pathless layer so a failing screen shows its error inside the shell, not instead of it.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <PartnerScreen title="Dashboard" home><DashboardPage /></PartnerScreen> },
          { path: 'tiers', element: <PartnerScreen title="Tier progress"><TierProgressPage /></PartnerScreen> },
          { path: 'workspace', element: <WorkspacePage /> },
          { path: 'leads', element: <PartnerScreen title="Leads"><LeadsPage /></PartnerScreen> },
          { path: 'leads/import', lazy: async () => {
              const { CsvImportPage } = await screens.CsvImportPage();
              return { element: <PartnerScreen title="Leads"><CsvImportPage /></PartnerScreen> };
            } },
          { path: 'leads/:leadId', element: <PartnerScreen title="Leads"><LeadDetailPage /></PartnerScreen> },
          { path: 'referrals', lazy: async () => {
              const { ReferralsPage } = await screens.ReferralsPage();
              return { element: <PartnerScreen title="Referral links"><ReferralsPage /></PartnerScreen> };
            } },
          { path: 'marketing-center', lazy: async () => ({ Component: (await screens.MarketingCenterPage()).MarketingCenterPage }) },
          { path: 'marketing-center/brand', lazy: async () => ({ Component: (await screens.BrandGuidelinesPage()).BrandGuidelinesPage }) },
          { path: 'proposals', lazy: async () => {
              const { ProposalsPage } = await screens.ProposalsPage();
              return { element: <PartnerScreen title="Proposals"><ProposalsPage /></PartnerScreen> };
            } },
          { path: 'proposals/new', lazy: async () => {
              const { NewProposalPage } = await screens.NewProposalPage();
              return { element: <PartnerScreen title="Proposals"><NewProposalPage /></PartnerScreen> };
            } },
          { path: 'brand-kit', lazy: async () => {
              const { BrandKitPage } = await screens.BrandKitPage();
              return { element: <PartnerScreen title="Brand kit"><BrandKitPage /></PartnerScreen> };
            } },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'admin', lazy: async () => ({ Component: (await screens.AdminPage()).AdminPage }) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createHashRouter(appRoutes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
