import type { SecretStore } from '../secret-store';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface SecretsIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  store: SecretStore;
}

export function registerSecretsIpc({ ipc, appUrl, store }: SecretsIpcDeps): void {
  registerHandler(ipc, 'secrets:get', async ({ key }) => ({ value: await store.get(key) }), appUrl);
  registerHandler(ipc, 'secrets:set', async ({ key, value }) => store.set(key, value), appUrl);
  registerHandler(ipc, 'secrets:delete', async ({ key }) => ({ deleted: await store.delete(key) }), appUrl);
}
