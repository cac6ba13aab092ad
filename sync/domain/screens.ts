/**
 * The one list of the workstation's screens: path, label, siso:// deep-link names, sidebar place,
 * who sees it and its icon. The route table, the sidebar, in-app links and main's deep-link parser
 * all read it, so a screen that is not here cannot be linked to. Adding a screen starts here.
 */

/** Who the sidebar shows a screen to: partner screens mix every partner's data for an admin. */
export type ScreenAudience = 'partners' | 'admins' | 'everyone';

export interface ScreenDefinition {
  readonly id: string;
  /** The in-app path without the item id, e.g. '/leads'. */
  readonly path: `/${string}`;
  readonly label: string;
  /** `siso://<name>` (or `siso://<name>/<id>` when the screen takes an id) opens this screen. */
  readonly deepLinks: readonly string[];
  /** Route parameter name when the screen shows one item: '/leads' + 'leadId' → '/leads/:leadId'. */
  readonly idParam?: string;
  /** What follows the id in the path: '/proposals' + 'proposalId' + '/present' → '/proposals/:proposalId/present'. */
  readonly idSuffix?: `/${string}`;
  readonly inSidebar: boolean;
  readonly audience: ScreenAudience;
  /** An icon name of renderer/ui/Icon (checked there against its IconName type). */
  readonly icon: string;
}

/** In sidebar order: admins see Admin first, then the shared screens. */
export const SCREENS = [
  { id: 'admin', path: '/admin', label: 'Admin', deepLinks: [], inSidebar: true, audience: 'admins', icon: 'tiers' },
  { id: 'dashboard', path: '/', label: 'Dashboard', deepLinks: ['dashboard'], inSidebar: true, audience: 'partners', icon: 'home' },
  { id: 'tiers', path: '/tiers', label: 'Tier progress', deepLinks: ['tiers'], inSidebar: true, audience: 'partners', icon: 'tiers' },
  { id: 'leads', path: '/leads', label: 'Leads', deepLinks: ['leads'], inSidebar: true, audience: 'partners', icon: 'leads' },
  { id: 'lead', path: '/leads', idParam: 'leadId', label: 'Lead', deepLinks: ['leads'], inSidebar: false, audience: 'partners', icon: 'leads' },
  { id: 'leads-import', path: '/leads/import', label: 'Import leads', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'leads' },
  { id: 'clients', path: '/clients', label: 'Clients', deepLinks: ['clients'], inSidebar: true, audience: 'partners', icon: 'clients' },
  { id: 'client', path: '/clients', idParam: 'clientId', label: 'Client', deepLinks: ['clients'], inSidebar: false, audience: 'partners', icon: 'clients' },
  { id: 'commissions', path: '/commissions', label: 'Commissions', deepLinks: ['commissions'], inSidebar: true, audience: 'partners', icon: 'money' },
  { id: 'analytics', path: '/analytics', label: 'Analytics', deepLinks: ['analytics'], inSidebar: true, audience: 'partners', icon: 'analytics' },
  { id: 'training', path: '/training', label: 'Training', deepLinks: ['training'], inSidebar: true, audience: 'partners', icon: 'training' },
  { id: 'training-course', path: '/training/courses', idParam: 'courseId', label: 'Course', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'training' },
  { id: 'certifications', path: '/certifications', label: 'Certifications', deepLinks: ['certifications'], inSidebar: false, audience: 'partners', icon: 'training' },
  { id: 'assessment', path: '/training/assessments', idParam: 'assessmentId', label: 'Assessment', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'training' },
  { id: 'live-sessions', path: '/live-sessions', label: 'Live sessions', deepLinks: ['live-sessions'], inSidebar: false, audience: 'partners', icon: 'training' },
  { id: 'support', path: '/support', label: 'Support', deepLinks: ['support'], inSidebar: true, audience: 'partners', icon: 'support' },
  { id: 'support-ticket', path: '/support/tickets', idParam: 'ticketId', label: 'Ticket', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'support' },
  { id: 'knowledge-base', path: '/support/knowledge-base', label: 'Knowledge base', deepLinks: ['knowledge-base'], inSidebar: false, audience: 'everyone', icon: 'support' },
  { id: 'kb-article', path: '/support/knowledge-base', idParam: 'articleId', label: 'Article', deepLinks: ['knowledge-base'], inSidebar: false, audience: 'everyone', icon: 'support' },
  { id: 'community', path: '/community', label: 'Community', deepLinks: ['community'], inSidebar: true, audience: 'partners', icon: 'community' },
  { id: 'community-thread', path: '/community/threads', idParam: 'threadId', label: 'Thread', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'community' },
  { id: 'referrals', path: '/referrals', label: 'Referral links', deepLinks: ['referrals'], inSidebar: true, audience: 'partners', icon: 'link' },
  {
    id: 'marketing-center',
    path: '/marketing-center',
    label: 'Marketing center',
    deepLinks: ['marketing', 'marketing-center'],
    inSidebar: true,
    audience: 'everyone',
    icon: 'marketing',
  },
  { id: 'brand-guidelines', path: '/marketing-center/brand', label: 'Brand guidelines', deepLinks: [], inSidebar: false, audience: 'everyone', icon: 'marketing' },
  { id: 'proposals', path: '/proposals', label: 'Proposals', deepLinks: ['proposals'], inSidebar: true, audience: 'partners', icon: 'document' },
  { id: 'new-proposal', path: '/proposals/new', label: 'New proposal', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'document' },
  { id: 'present-proposal', path: '/proposals', idParam: 'proposalId', idSuffix: '/present', label: 'Present proposal', deepLinks: [], inSidebar: false, audience: 'partners', icon: 'document' },
  { id: 'brand-kit', path: '/brand-kit', label: 'Brand kit', deepLinks: ['brand-kit'], inSidebar: true, audience: 'partners', icon: 'palette' },
  { id: 'workspace', path: '/workspace', label: 'Workspace', deepLinks: ['workspace'], inSidebar: true, audience: 'everyone', icon: 'workspace' },
  { id: 'onboarding', path: '/onboarding', label: 'Onboarding', deepLinks: ['onboarding'], inSidebar: false, audience: 'partners', icon: 'home' },
  { id: 'notifications', path: '/notifications', label: 'Notifications', deepLinks: ['notifications'], inSidebar: false, audience: 'partners', icon: 'bell' },
  { id: 'api-access', path: '/api-access', label: 'API access', deepLinks: ['api-access'], inSidebar: false, audience: 'partners', icon: 'settings' },
  { id: 'settings', path: '/settings', label: 'Settings', deepLinks: ['settings'], inSidebar: true, audience: 'everyone', icon: 'settings' },
] as const satisfies readonly ScreenDefinition[];

export type Screen = (typeof SCREENS)[number];
export type ScreenId = Screen['id'];
export type ScreenIcon = Screen['icon'];

/** Item ids in paths and deep links: the client-generated ids rows use, nothing that needs escaping. */
export const SCREEN_ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

const screenList: readonly ScreenDefinition[] = SCREENS;

/** The route pattern, e.g. '/leads/:leadId'. */
export function screenRoutePath(screen: ScreenDefinition): string {
  return screen.idParam ? `${screen.path}/:${screen.idParam}${screen.idSuffix ?? ''}` : screen.path;
}

/** The in-app path of one item's screen, e.g. ('present-proposal', 'p1') → '/proposals/p1/present'. */
export function screenItemPath(screen: ScreenDefinition, id: string): string {
  return screen.idParam ? `${screen.path}/${id}${screen.idSuffix ?? ''}` : screen.path;
}

export function screenById(id: ScreenId): Screen {
  const screen = SCREENS.find((candidate) => candidate.id === id);
  if (!screen) throw new Error(`No screen ${id}`);
  return screen;
}

export function sidebarScreens(isAdmin: boolean): Screen[] {
  return SCREENS.filter((screen) => screen.inSidebar && (screen.audience === 'everyone' || screen.audience === (isAdmin ? 'admins' : 'partners')));
}

/** The screen an in-app pathname ('/leads/42', no query) shows, or null where the app would say Not Found. */
export function screenForPath(pathname: string): ScreenDefinition | null {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const exact = screenList.find((screen) => !screen.idParam && screen.path === path);
  if (exact) return exact;
  const suffixed = screenList.find((screen) => {
    if (!screen.idParam || !screen.idSuffix || !path.startsWith(`${screen.path}/`) || !path.endsWith(screen.idSuffix)) return false;
    return SCREEN_ITEM_ID.test(path.slice(screen.path.length + 1, path.length - screen.idSuffix.length));
  });
  if (suffixed) return suffixed;
  const cut = path.lastIndexOf('/');
  const parent = path.slice(0, cut);
  const id = path.slice(cut + 1);
  if (!SCREEN_ITEM_ID.test(id)) return null;
  return screenList.find((screen) => screen.idParam && !screen.idSuffix && screen.path === parent) ?? null;
}

export type DeepLinkTarget = { ok: true; route: string } | { ok: false; reason: string };

/**
 * The in-app route for a deep link's parts (`siso://leads/42` → ['leads', '42']), or why it cannot
 * be opened. A name no screen has is refused: the link may come from a newer version of the app.
 */
export function routeForDeepLink(parts: readonly string[]): DeepLinkTarget {
  const [name, id, ...rest] = parts;
  if (name === undefined) return { ok: false, reason: 'The link does not name a screen of the workstation.' };
  const named = screenList.filter((screen) => screen.deepLinks.includes(name));
  if (named.length === 0) {
    return {
      ok: false,
      reason: `This version of the workstation has no screen called "${name}". If the link is meant for a newer version, update the app and open it again.`,
    };
  }
  if (rest.length > 0) return { ok: false, reason: 'The link has more parts than the workstation understands.' };
  if (id === undefined) {
    const screen = named.find((candidate) => !candidate.idParam);
    return screen ? { ok: true, route: screen.path } : { ok: false, reason: `The link must name which item of "${name}" to open.` };
  }
  const screen = named.find((candidate) => candidate.idParam);
  if (!screen) return { ok: false, reason: `The ${named[0]!.label} screen does not open a single item, so the link cannot name one.` };
  if (!SCREEN_ITEM_ID.test(id)) return { ok: false, reason: 'The link names an item the workstation cannot read.' };
  return { ok: true, route: `${screen.path}/${id}` };
}

/** Every deep-link name, for documentation and tests. */
export function deepLinkNames(): string[] {
  return [...new Set(screenList.flatMap((screen) => screen.deepLinks))];
}
