import { isAllowedExternalUrl } from '../navigation-guard';
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
      if (!isAllowedExternalUrl(url)) return { opened: false, reason: 'Only https links to SISO and share sites, and mailto links, can be opened.' };
      await openExternal(url);
      return { opened: true };
    },
    appUrl,
  );
}
