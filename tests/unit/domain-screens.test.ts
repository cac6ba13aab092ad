import { describe, expect, it } from 'vitest';
import { matchRoutes, type RouteObject } from 'react-router-dom';
import { SCREENS, deepLinkNames, routeForDeepLink, screenForPath, screenItemPath, screenRoutePath, sidebarScreens } from '../../sync/domain/screens';
import { parseDeepLink } from '../../electron/main/deep-links';
import { parseDeepLinkRoute } from '../../renderer/app/deep-link';
import { availableRoute } from '../../renderer/ui/known-routes';
import { appRoutes } from '../../renderer/app/routes';

/** The screens' routes: the children of the shell's pathless error layer. */
function screenRoutes(): RouteObject[] {
  const shell = appRoutes[0]!;
  const layer = shell.children![0]!;
  return layer.children!;
}

/** The path the router would show for a location, or '*' when it falls through to Not Found. */
function routedPattern(pathname: string): string | undefined {
  const matches = matchRoutes(appRoutes, pathname);
  const leaf = matches?.[matches.length - 1]?.route;
  if (!leaf) return undefined;
  return leaf.index ? '/' : `/${leaf.path ?? ''}`;
}

describe('screen list and route table', () => {
  it('has one route per screen and no screen route that is not in the list', () => {
    const routed = screenRoutes()
      .filter((route) => route.path !== '*')
      .map((route) => (route.index ? '/' : `/${route.path}`))
      .sort();
    expect(routed).toEqual(SCREENS.map(screenRoutePath).sort());
    expect(screenRoutes().at(-1)?.path).toBe('*');
  });

  it('gives every screen a unique id and path', () => {
    expect(new Set(SCREENS.map((s) => s.id)).size).toBe(SCREENS.length);
    expect(new Set(SCREENS.map(screenRoutePath)).size).toBe(SCREENS.length);
  });

  it('routes every screen path to its own page, never Not Found', () => {
    for (const screen of SCREENS) {
      const example = screenItemPath(screen, 'lead_1');
      expect(routedPattern(example), example).toBe(screenRoutePath(screen));
      expect(screenForPath(example)?.id, example).toBe(screen.id);
    }
    expect(routedPattern('/community/threads')).toBe('/*');
    expect(screenForPath('/community/threads')).toBeNull();
  });

  it('routes an item screen whose path goes on after the id (present mode)', () => {
    expect(screenForPath('/proposals/p_1/present')?.id).toBe('present-proposal');
    expect(routedPattern('/proposals/p_1/present')).toBe('/proposals/:proposalId/present');
    expect(screenForPath('/proposals/new')?.id).toBe('new-proposal');
    expect(screenForPath('/proposals/p_1')).toBeNull();
    expect(screenForPath('/proposals/a/b/present')).toBeNull();
  });
});

describe('deep links', () => {
  it('opens the documented screens', () => {
    expect(parseDeepLink('siso://marketing')).toEqual({ ok: true, route: '/marketing-center' });
    expect(parseDeepLink('siso://dashboard')).toEqual({ ok: true, route: '/' });
    expect(parseDeepLink('siso://leads/lead_123')).toEqual({ ok: true, route: '/leads/lead_123' });
    expect(parseDeepLink('siso://settings')).toEqual({ ok: true, route: '/settings' });
  });

  it('sends every deep link that parses to a route the table has, and the renderer accepts it', () => {
    const links = deepLinkNames().flatMap((name) => [`siso://${name}`, `siso://${name}/abc_123`]);
    let parsed = 0;
    for (const link of links) {
      const result = parseDeepLink(link);
      if (!result.ok) continue;
      parsed += 1;
      expect(routedPattern(result.route), link).not.toBe('/*');
      expect(routedPattern(result.route), link).toBeDefined();
      expect(parseDeepLinkRoute(result.route), link).toBe(result.route);
    }
    // Every name opens at least its own screen.
    expect(parsed).toBeGreaterThanOrEqual(deepLinkNames().length);
  });

  it('opens the Commission center from siso://commissions', () => {
    expect(parseDeepLink('siso://commissions')).toEqual({ ok: true, route: '/commissions' });
    expect(parseDeepLink('siso://analytics')).toEqual({ ok: true, route: '/analytics' });
  });

  it('opens the Training hub from siso://training', () => {
    expect(parseDeepLink('siso://training')).toEqual({ ok: true, route: '/training' });
    expect(parseDeepLink('siso://support')).toEqual({ ok: true, route: '/support' });
  });

  it.each(['forum', 'chat'])('refuses siso://%s with a reason until that screen exists', (name) => {
    const result = parseDeepLink(`siso://${name}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(new RegExp(`no screen called "${name}".*update the app`, 'i'));
  });

  it('refuses an item id on a screen that shows no single item, and parts it does not understand', () => {
    expect(routeForDeepLink(['settings', 'x'])).toMatchObject({ ok: false, reason: expect.stringMatching(/Settings screen does not open a single item/) });
    expect(routeForDeepLink(['leads', 'a', 'b'])).toMatchObject({ ok: false });
    expect(routeForDeepLink(['leads', '<script>'])).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot read/) });
    expect(routeForDeepLink([])).toMatchObject({ ok: false });
  });
});

describe('sidebar and in-app links', () => {
  it('shows partners their screens and admins the admin area plus the shared pages', () => {
    expect(sidebarScreens(false).map((s) => s.path)).toEqual([
      '/',
      '/tiers',
      '/leads',
      '/clients',
      '/commissions',
      '/analytics',
      '/training',
      '/support',
      '/community',
      '/referrals',
      '/marketing-center',
      '/proposals',
      '/brand-kit',
      '/workspace',
      '/settings',
    ]);
    expect(sidebarScreens(true).map((s) => s.path)).toEqual(['/admin', '/marketing-center', '/workspace', '/settings']);
  });

  it('links only to screens of this build', () => {
    expect(availableRoute('#/tiers')).toBe('/tiers');
    expect(availableRoute('/leads/42?tab=notes')).toBe('/leads/42?tab=notes');
    expect(availableRoute('/training')).toBe('/training');
    expect(availableRoute('/community')).toBe('/community');
    expect(availableRoute('/support')).toBe('/support');
    expect(availableRoute('/support/tickets/t-1')).toBe('/support/tickets/t-1');
    expect(availableRoute('/leads/a/b')).toBeNull();
    expect(availableRoute('//evil.example/')).toBeNull();
    expect(availableRoute('https://siso.agency/')).toBeNull();
    expect(availableRoute(null)).toBeNull();
  });
});
