/**
 * Whether an in-app link leads to a screen of this build (the shared screen list in
 * sync/domain/screens.ts), so a screen links only to places that are there and shows other next
 * steps as text instead of a dead link.
 */
import { screenForPath } from '../../sync/domain/screens';

/** The route for an in-app link ("#/tiers", "/leads/42?tab=notes"), or null when it is not in this build. */
export function availableRoute(link: string | null | undefined): string | null {
  if (!link) return null;
  const path = link.startsWith('#') ? link.slice(1) : link;
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  const pathname = path.split(/[?#]/)[0] ?? '';
  return screenForPath(pathname) ? path : null;
}
