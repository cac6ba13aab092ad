/**
 * Local database names: one IndexedDB database per signed-in account per server, so two accounts
 * (or the same user id on two servers) never share a store, and a demo store separate from both.
 * Names satisfy RxDB's rule ^[a-z][_$a-z0-9-]*$.
 */

export const DEMO_DATABASE_NAME = 'siso-demo-workspace';

export function databaseNameForAccount(serverUrl: string, userId: string): string {
  const server = normaliseServerUrl(serverUrl);
  const hostSlug = slug(new URL(server).host).slice(0, 40) || 'server';
  const user = slug(userId);
  if (!user) throw new Error('A database name needs the signed-in user id; none was given.');
  // The hash keeps servers apart whose host slugs collide (ports, paths, http vs https).
  return `siso-${hostSlug}-${fnv1a32(server)}-${user.slice(0, 64)}`;
}

function normaliseServerUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new Error(`"${serverUrl}" is not a server address. Use a full URL such as https://example.supabase.co.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`.toLowerCase();
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function fnv1a32(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
