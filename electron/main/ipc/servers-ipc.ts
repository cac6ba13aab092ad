/** `servers:allow`: the page asks to connect to a server the person confirmed on Welcome. */
import type { ServerOriginAccess } from '../server-origins';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface ServersIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  access: Pick<ServerOriginAccess, 'allow'>;
}

export function registerServersIpc({ ipc, appUrl, access }: ServersIpcDeps): void {
  registerHandler(ipc, 'servers:allow', async ({ serverUrl }) => access.allow(serverUrl), appUrl);
}
