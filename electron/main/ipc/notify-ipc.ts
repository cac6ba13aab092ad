import { screenForPath } from '../../../sync/domain/screens';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface NotifyIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  /** Shows a desktop notification; false where the OS offers none. A click opens `route`, a screen of the screen list. */
  showNotification: (title: string, body: string, route: string | undefined) => boolean;
}

export function registerNotifyIpc({ ipc, appUrl, showNotification }: NotifyIpcDeps): void {
  registerHandler(
    ipc,
    'notify:show',
    async ({ title, body, route }) => ({ shown: showNotification(title, body, route !== undefined && screenForPath(route) ? route : undefined) }),
    appUrl,
  );
}
