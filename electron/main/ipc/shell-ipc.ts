/** `shell:open-external`: opens a link outside the app when the shared URL policy allows it. */
import { checkExternalUrl } from '../../../sync/domain/url-policy';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface ShellIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  openExternal: (url: string) => Promise<void>;
}

export function registerShellIpc({ ipc, appUrl, openExternal }: ShellIpcDeps): void {
  registerHandler(
    ipc,
    'shell:open-external',
    async ({ url }) => {
      const decision = checkExternalUrl(url);
      if (!decision.allowed) return { opened: false, reason: decision.reason };
      await openExternal(decision.url);
      return { opened: true };
    },
    appUrl,
  );
}
