/** Platform over the preload bridge `window.siso` (see electron/contract/api.ts). */
import type { SisoApi } from '../../electron/contract/api';
import { checkExternalUrl } from './external-links';
import { platformConfigSchema, toArrayBufferBytes, type Platform } from './platform';

export function createElectronPlatform(siso: SisoApi): Platform {
  return {
    kind: 'electron',
    async appInfo() {
      const info = await siso.app.info();
      return { version: info.version, os: info.platform, packaged: info.packaged };
    },
    async config() {
      return platformConfigSchema.parse(await siso.config.get());
    },
    secrets: {
      async get(key) {
        return (await siso.secrets.get({ key })).value;
      },
      async set(key, value) {
        return siso.secrets.set({ key, value });
      },
      async delete(key) {
        return (await siso.secrets.delete({ key })).deleted;
      },
    },
    async openExternal(url) {
      const decision = checkExternalUrl(url);
      if (!decision.allowed) return { opened: false, reason: decision.reason };
      const reply = await siso.shell.openExternal({ url: decision.url });
      return reply.opened ? { opened: true } : { opened: false, reason: reply.reason ?? 'The link could not be opened.' };
    },
    async saveFile(request) {
      return siso.files.save({ ...request, data: toArrayBufferBytes(request.data) });
    },
    assetCache: {
      async put(entry) {
        const reply = await siso.assets.cachePut({ ...entry, data: toArrayBufferBytes(entry.data) });
        return reply.stored ? { stored: true } : { stored: false, reason: reply.reason ?? 'The file could not be kept on this device.' };
      },
      async get(assetId, sha256) {
        return (await siso.assets.cacheGet({ assetId, sha256 })).data;
      },
      async list() {
        return (await siso.assets.cacheList()).entries;
      },
      async delete(assetId) {
        await siso.assets.cacheDelete({ assetId });
      },
      async clear() {
        await siso.assets.cacheClear();
      },
    },
    async notify(request) {
      return (await siso.notify.show(request)).shown;
    },
    desktopNotificationPermission: () => 'granted',
    requestDesktopNotifications: async () => 'granted',
    async allowServer(serverUrl) {
      return siso.servers.allow({ serverUrl });
    },
    onDeepLink(listener) {
      return siso.deeplink.onOpen((payload) => listener(payload.route));
    },
  };
}
