/**
 * The in-app routes that exist in this build, so a screen links only to places that are there and
 * shows other next steps as text instead of a dead link. Keep in step with renderer/app/routes.tsx
 * (the app shell owns that table; features cannot import it without a cycle).
 */
const AVAILABLE_ROUTES: ReadonlySet<string> = new Set(['/', '/settings', '/tiers', '/leads', '/referrals', '/workspace', '/proposals', '/brand-kit', '/admin', '/marketing-center']);

/** The route for an in-app link ("#/tiers", "/leads/42"), or null when it is not in this build. */
export function availableRoute(link: string | null | undefined): string | null {
  if (!link) return null;
  const path = link.startsWith('#') ? link.slice(1) : link;
  if (!path.startsWith('/')) return null;
  const firstSegment = `/${path.split(/[/?#]/)[1] ?? ''}`;
  return AVAILABLE_ROUTES.has(firstSegment) ? path : null;
}
