/**
 * Deep links arrive from outside (siso:// URLs via main, or a pasted hash) and are untrusted:
 * only a plain in-app path to a screen of the shared screen list is accepted, anything else is
 * dropped, so a link never lands on Not Found.
 */
import { z } from 'zod';
import { screenForPath } from '../../sync/domain/screens';

export const deepLinkRouteSchema = z
  .string()
  .max(2048)
  .regex(/^\/[A-Za-z0-9\-._~/?=&%+]*$/, 'A deep link must be an in-app path')
  .refine((route) => !route.startsWith('//'), 'A deep link must not name another host')
  .refine((route) => !route.split(/[/?]/).includes('..'), 'A deep link must not climb out of the app')
  .refine((route) => screenForPath(route.split('?')[0] ?? '') !== null, 'A deep link must open a screen the app has');

/** The route to navigate to, or null when the link is not an acceptable in-app path. */
export function parseDeepLinkRoute(route: unknown): string | null {
  const result = deepLinkRouteSchema.safeParse(route);
  return result.success ? result.data : null;
}
