/**
 * The shape of `window.siso`, the only thing the preload exposes. The preload checks its object
 * against this type with `satisfies`; the renderer sees it through `renderer/app/platform`.
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
  notify: { show(request: IpcRequest<'notify:show'>): Promise<IpcReply<'notify:show'>> };
  deeplink: { onOpen(listener: (payload: IpcEventPayload<'deeplink:open'>) => void): () => void };
}
