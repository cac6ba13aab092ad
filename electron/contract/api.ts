/**
 * The shape of `window.siso`, the only thing the preload exposes. The preload checks its object
 * against this type with `satisfies`; the renderer sees it through `renderer/platform`.
 */
import type { IpcEventPayload, IpcReply, IpcRequest } from './channels';

export interface SisoApi {
  app: { info(): Promise<IpcReply<'app:info'>> };
  config: { get(): Promise<IpcReply<'config:get'>> };
  secrets: {
    get(request: IpcRequest<'secrets:get'>): Promise<IpcReply<'secrets:get'>>;
    set(request: IpcRequest<'secrets:set'>): Promise<IpcReply<'secrets:set'>>;
    delete(request: IpcRequest<'secrets:delete'>): Promise<IpcReply<'secrets:delete'>>;
  };
  shell: { openExternal(request: IpcRequest<'shell:open-external'>): Promise<IpcReply<'shell:open-external'>> };
  files: { save(request: IpcRequest<'files:save'>): Promise<IpcReply<'files:save'>> };
  assets: {
    cachePut(request: IpcRequest<'assets:cache-put'>): Promise<IpcReply<'assets:cache-put'>>;
    cacheGet(request: IpcRequest<'assets:cache-get'>): Promise<IpcReply<'assets:cache-get'>>;
    cacheList(): Promise<IpcReply<'assets:cache-list'>>;
    cacheDelete(request: IpcRequest<'assets:cache-delete'>): Promise<IpcReply<'assets:cache-delete'>>;
    cacheClear(): Promise<IpcReply<'assets:cache-clear'>>;
  };
  servers: { allow(request: IpcRequest<'servers:allow'>): Promise<IpcReply<'servers:allow'>> };
  notify: { show(request: IpcRequest<'notify:show'>): Promise<IpcReply<'notify:show'>> };
  deeplink: { onOpen(listener: (payload: IpcEventPayload<'deeplink:open'>) => void): () => void };
}
