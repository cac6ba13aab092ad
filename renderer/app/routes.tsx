/** The route table. Hash routing: the app is served from file:// in Electron and any path on the web. */
import { createHashRouter, type RouteObject } from 'react-router-dom';
import { AdminPage } from '../features/admin/AdminPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { TierProgressPage } from '../features/tiers/TierProgressPage';
import { CsvImportPage } from '../features/leads/import/CsvImportPage';
import { LeadDetailPage } from '../features/leads/LeadDetailPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { BrandGuidelinesPage } from '../features/marketing/BrandGuidelinesPage';
import { MarketingCenterPage } from '../features/marketing/MarketingCenterPage';
import { BrandKitPage } from '../features/brand-kit/BrandKitPage';
import { NewProposalPage } from '../features/proposals/NewProposalPage';
import { ProposalsPage } from '../features/proposals/ProposalsPage';
import { ReferralsPage } from '../features/referrals/ReferralsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

export const appRoutes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A pathless layer so a failing screen shows its error inside the shell, not instead of it.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'tiers', element: <TierProgressPage /> },
          { path: 'workspace', element: <WorkspacePage /> },
          { path: 'leads', element: <LeadsPage /> },
          { path: 'leads/import', element: <CsvImportPage /> },
          { path: 'leads/:leadId', element: <LeadDetailPage /> },
          { path: 'referrals', element: <ReferralsPage /> },
          { path: 'marketing-center', element: <MarketingCenterPage /> },
          { path: 'marketing-center/brand', element: <BrandGuidelinesPage /> },
          { path: 'proposals', element: <ProposalsPage /> },
          { path: 'proposals/new', element: <NewProposalPage /> },
          { path: 'brand-kit', element: <BrandKitPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'admin', element: <AdminPage /> },
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
