/**
 * The only bridge between the sandboxed renderer and main: one namespaced API, each method bound
 * to a channel from the contract. No ipcRenderer, no Node objects cross into the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SisoApi } from '../contract/api';
import type { IpcChannel, IpcReply } from '../contract/channels';

function invoke<C extends IpcChannel>(channel: C, payload?: unknown): Promise<IpcReply<C>> {
  return ipcRenderer.invoke(channel, payload) as Promise<IpcReply<C>>;
}

const api = {
  app: { info: () => invoke('app:info') },
  config: { get: () => invoke('config:get') },
  secrets: {
    get: (request) => invoke('secrets:get', request),
    set: (request) => invoke('secrets:set', request),
    delete: (request) => invoke('secrets:delete', request),
  },
  shell: { openExternal: (request) => invoke('shell:open-external', request) },
  files: { save: (request) => invoke('files:save', request) },
  assets: {
    cachePut: (request) => invoke('assets:cache-put', request),
    cacheGet: (request) => invoke('assets:cache-get', request),
    cacheList: () => invoke('assets:cache-list'),
    cacheDelete: (request) => invoke('assets:cache-delete', request),
    cacheClear: () => invoke('assets:cache-clear'),
  },
  servers: { allow: (request) => invoke('servers:allow', request) },
  notify: { show: (request) => invoke('notify:show', request) },
  deeplink: {
    onOpen: (listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: { route: string }) => listener({ route: payload.route });
      ipcRenderer.on('deeplink:open', wrapped);
      return () => ipcRenderer.removeListener('deeplink:open', wrapped);
    },
  },
} satisfies SisoApi;

contextBridge.exposeInMainWorld('siso', api);
