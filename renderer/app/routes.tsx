/**
 * The route table. Hash routing: the app is served from file:// in Electron and any path on the web.
 * One route per screen of the shared screen list (sync/domain/screens.ts), keyed by screen id, so a
 * screen cannot be listed without a page or routed without being listed. Screens with heavy
 * libraries (pdf-lib and fonts, CSV parsing, QR codes, uploads) load on first visit, so starting the
 * app parses only what the dashboard and leads need.
 */
import { createHashRouter, type NonIndexRouteObject, type RouteObject } from 'react-router-dom';
import { SCREENS, screenRoutePath, type ScreenId } from '../../sync/domain/screens';
import { DashboardPage } from '../features/dashboard';
import { TierProgressPage } from '../features/tiers';
import { LeadDetailPage, LeadsPage } from '../features/leads';
import { SettingsPage } from '../features/settings';
import { WorkspacePage } from '../features/workspace';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PartnerScreen } from './PartnerScreen';
import { RouteErrorPage } from './RouteErrorPage';
import { whenFirstDataShown } from '../data/live-query';
import { NotificationsPage } from '../features/notifications';
import { OnboardingPage } from '../features/onboarding';

const screens = {
  CsvImportPage: () => import('../features/leads/import'),
  ReferralsPage: () => import('../features/referrals'),
  MarketingCenterPage: () => import('../features/marketing'),
  BrandGuidelinesPage: () => import('../features/marketing'),
  ProposalsPage: () => import('../features/proposals'),
  NewProposalPage: () => import('../features/proposals'),
  PresentProposalPage: () => import('../features/proposals'),
  BrandKitPage: () => import('../features/brand-kit'),
  AdminPage: () => import('../features/admin'),
  CommissionCenterPage: () => import('../features/commissions'),
  AnalyticsPage: () => import('../features/analytics'),
  CertificationsPage: () => import('../features/certifications'),
  TrainingHubPage: () => import('../features/training'),
  LiveSessionsPage: () => import('../features/live-sessions'),
  SupportPage: () => import('../features/support'),
  CommunityPage: () => import('../features/community'),
  ClientsPage: () => import('../features/clients'),
  KnowledgeBasePage: () => import('../features/knowledge-base'),
  ApiAccessPage: () => import('../features/api-access'),
};

/** Screens that read no workspace data (Welcome, sign-in) never signal; their preload waits this long. */
const PRELOAD_FALLBACK_MS = 3000;

/**
 * Loads every lazy screen in the background once the first screen has its data (not before: the
 * chunks would compete with the cold start's database reads), so navigating later works with no
 * network too (the browser build fetches chunks over HTTP; Electron reads them from disk). A load
 * the network interrupted is tried again when the connection returns.
 */
export function preloadScreens(
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'> = window,
  firstScreenShown: Promise<void> = whenFirstDataShown(),
): () => void {
  const pending = new Set(Object.values(screens));
  let started = false;
  const loadPending = () => {
    started = true;
    for (const load of pending) {
      load().then(
        () => pending.delete(load),
        () => undefined,
      );
    }
  };
  const startOnce = () => {
    if (!started) loadPending();
  };
  const onOnline = () => {
    if (started) loadPending();
  };
  let stopped = false;
  win.addEventListener('online', onOnline);
  const fallback = win.setTimeout(startOnce, PRELOAD_FALLBACK_MS);
  void firstScreenShown.then(() => {
    win.clearTimeout(fallback);
    // A task later, so React has committed the data it was just handed before chunks start to parse.
    if (!stopped) win.setTimeout(startOnce, 0);
  });
  return () => {
    stopped = true;
    win.clearTimeout(fallback);
    win.removeEventListener('online', onOnline);
  };
}

/** What each screen shows: an element, or a lazily loaded one. */
type ScreenPage = Pick<NonIndexRouteObject, 'element' | 'lazy'>;

const screenPages = {
  dashboard: { element: <PartnerScreen title="Dashboard" home><DashboardPage /></PartnerScreen> },
  tiers: { element: <PartnerScreen title="Tier progress"><TierProgressPage /></PartnerScreen> },
  workspace: { element: <WorkspacePage /> },
  leads: { element: <PartnerScreen title="Leads"><LeadsPage /></PartnerScreen> },
  'leads-import': {
    lazy: async () => {
      const { CsvImportPage } = await screens.CsvImportPage();
      return { element: <PartnerScreen title="Leads"><CsvImportPage /></PartnerScreen> };
    },
  },
  lead: { element: <PartnerScreen title="Leads"><LeadDetailPage /></PartnerScreen> },
  clients: {
    lazy: async () => {
      const { ClientsPage } = await screens.ClientsPage();
      return { element: <PartnerScreen title="Clients"><ClientsPage /></PartnerScreen> };
    },
  },
  client: {
    lazy: async () => {
      const { ClientDetailPage } = await screens.ClientsPage();
      return { element: <PartnerScreen title="Clients"><ClientDetailPage /></PartnerScreen> };
    },
  },
  referrals: {
    lazy: async () => {
      const { ReferralsPage } = await screens.ReferralsPage();
      return { element: <PartnerScreen title="Referral links"><ReferralsPage /></PartnerScreen> };
    },
  },
  'marketing-center': { lazy: async () => ({ Component: (await screens.MarketingCenterPage()).MarketingCenterPage }) },
  'brand-guidelines': { lazy: async () => ({ Component: (await screens.BrandGuidelinesPage()).BrandGuidelinesPage }) },
  proposals: {
    lazy: async () => {
      const { ProposalsPage } = await screens.ProposalsPage();
      return { element: <PartnerScreen title="Proposals"><ProposalsPage /></PartnerScreen> };
    },
  },
  'new-proposal': {
    lazy: async () => {
      const { NewProposalPage } = await screens.NewProposalPage();
      return { element: <PartnerScreen title="Proposals"><NewProposalPage /></PartnerScreen> };
    },
  },
  'present-proposal': {
    lazy: async () => {
      const { PresentProposalPage } = await screens.PresentProposalPage();
      return { element: <PartnerScreen title="Proposals"><PresentProposalPage /></PartnerScreen> };
    },
  },
  'brand-kit': {
    lazy: async () => {
      const { BrandKitPage } = await screens.BrandKitPage();
      return { element: <PartnerScreen title="Brand kit"><BrandKitPage /></PartnerScreen> };
    },
  },
  commissions: {
    lazy: async () => {
      const { CommissionCenterPage } = await screens.CommissionCenterPage();
      return { element: <PartnerScreen title="Commission center"><CommissionCenterPage /></PartnerScreen> };
    },
  },
  analytics: {
    lazy: async () => {
      const { AnalyticsPage } = await screens.AnalyticsPage();
      return { element: <PartnerScreen title="Analytics"><AnalyticsPage /></PartnerScreen> };
    },
  },
  support: {
    lazy: async () => {
      const { SupportPage } = await screens.SupportPage();
      return { element: <PartnerScreen title="Support"><SupportPage /></PartnerScreen> };
    },
  },
  'support-ticket': {
    lazy: async () => {
      const { TicketPage } = await screens.SupportPage();
      return { element: <PartnerScreen title="Support"><TicketPage /></PartnerScreen> };
    },
  },
  'knowledge-base': { lazy: async () => ({ Component: (await screens.KnowledgeBasePage()).KnowledgeBasePage }) },
  'kb-article': { lazy: async () => ({ Component: (await screens.KnowledgeBasePage()).ArticlePage }) },
  'live-sessions': {
    lazy: async () => {
      const { LiveSessionsPage } = await screens.LiveSessionsPage();
      return { element: <PartnerScreen title="Live sessions"><LiveSessionsPage /></PartnerScreen> };
    },
  },
  training: {
    lazy: async () => {
      const { TrainingHubPage } = await screens.TrainingHubPage();
      return { element: <PartnerScreen title="Training"><TrainingHubPage /></PartnerScreen> };
    },
  },
  'training-course': {
    lazy: async () => {
      const { CoursePage } = await screens.TrainingHubPage();
      return { element: <PartnerScreen title="Training"><CoursePage /></PartnerScreen> };
    },
  },
  certifications: {
    lazy: async () => {
      const { CertificationsPage } = await screens.CertificationsPage();
      return { element: <PartnerScreen title="Certifications"><CertificationsPage /></PartnerScreen> };
    },
  },
  assessment: {
    lazy: async () => {
      const { AssessmentPage } = await screens.CertificationsPage();
      return { element: <PartnerScreen title="Assessment"><AssessmentPage /></PartnerScreen> };
    },
  },
  community: {
    lazy: async () => {
      const { CommunityPage } = await screens.CommunityPage();
      return { element: <PartnerScreen title="Community"><CommunityPage /></PartnerScreen> };
    },
  },
  'community-thread': {
    lazy: async () => {
      const { ThreadPage } = await screens.CommunityPage();
      return { element: <PartnerScreen title="Community"><ThreadPage /></PartnerScreen> };
    },
  },
  notifications: { element: <PartnerScreen title="Notifications"><NotificationsPage /></PartnerScreen> },
  onboarding: { element: <PartnerScreen title="Onboarding"><OnboardingPage /></PartnerScreen> },
  settings: { element: <SettingsPage /> },
  'api-access': {
    lazy: async () => {
      const { ApiAccessPage } = await screens.ApiAccessPage();
      return { element: <PartnerScreen title="API access"><ApiAccessPage /></PartnerScreen> };
    },
  },
  admin: { lazy: async () => ({ Component: (await screens.AdminPage()).AdminPage }) },
} satisfies Record<ScreenId, ScreenPage>;

function screenRoute(screen: (typeof SCREENS)[number]): RouteObject {
  const page: ScreenPage = screenPages[screen.id];
  return screen.path === '/' ? { index: true, ...page } : { path: screenRoutePath(screen).slice(1), ...page };
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
          ...SCREENS.map(screenRoute),
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
