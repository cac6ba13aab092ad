import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface NotifyIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  /** Shows a desktop notification; false where the OS offers none. */
  showNotification: (title: string, body: string) => boolean;
}

export function registerNotifyIpc({ ipc, appUrl, showNotification }: NotifyIpcDeps): void {
  registerHandler(ipc, 'notify:show', async ({ title, body }) => ({ shown: showNotification(title, body) }), appUrl);
}
