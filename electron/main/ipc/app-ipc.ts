import type { AppConfig } from '../app-config';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface AppIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  version: string;
  platform: string;
  packaged: boolean;
  config: AppConfig;
}

export function registerAppIpc(deps: AppIpcDeps): void {
  const platform = deps.platform === 'darwin' || deps.platform === 'win32' || deps.platform === 'linux' ? deps.platform : 'other';
  registerHandler(deps.ipc, 'app:info', async () => ({ version: deps.version, platform, packaged: deps.packaged }), deps.appUrl);
  registerHandler(deps.ipc, 'config:get', async () => ({ ...deps.config }), deps.appUrl);
}
