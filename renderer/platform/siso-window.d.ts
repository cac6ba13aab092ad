/**
 * The preload exposes `window.siso` in Electron only; in a browser it is absent. Only
 * `renderer/platform` should read it — everything else goes through `usePlatform()`.
 */
import type { SisoApi } from '../../electron/contract/api';

declare global {
  interface Window {
    readonly siso?: SisoApi;
  }
}

export {};
