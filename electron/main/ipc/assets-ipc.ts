import type { AssetCache } from '../asset-cache';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface AssetsIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  cache: AssetCache;
}

/** The offline copies of marketing asset files (see asset-cache.ts). */
export function registerAssetsIpc({ ipc, appUrl, cache }: AssetsIpcDeps): void {
  registerHandler(ipc, 'assets:cache-put', (request) => cache.put(request), appUrl);
  registerHandler(ipc, 'assets:cache-get', async ({ assetId, sha256 }) => ({ data: await cache.get(assetId, sha256) }), appUrl);
  registerHandler(ipc, 'assets:cache-list', async () => ({ entries: await cache.list() }), appUrl);
  registerHandler(ipc, 'assets:cache-delete', async ({ assetId }) => ({ removed: await cache.delete(assetId) }), appUrl);
  registerHandler(ipc, 'assets:cache-clear', async () => ({ removed: await cache.clear() }), appUrl);
}
