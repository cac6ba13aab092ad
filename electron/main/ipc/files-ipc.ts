import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { registerHandler, type IpcRegistrar } from './validated-handler';

export interface FilesIpcDeps {
  ipc: IpcRegistrar;
  appUrl: () => string;
  /** Shows the platform's save dialog; resolves to the chosen path or undefined when cancelled. */
  chooseSavePath: (suggestedName: string) => Promise<string | undefined>;
}

/** A suggested name may not steer the dialog to another directory. */
export function safeFileName(name: string): string {
  const withoutControls = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const cleaned = basename(withoutControls.replace(/\\/g, '/')).replace(/[<>:"|?*]/g, '_').trim();
  return cleaned.length > 0 && cleaned !== '.' && cleaned !== '..' ? cleaned : 'download';
}

export function registerFilesIpc({ ipc, appUrl, chooseSavePath }: FilesIpcDeps): void {
  registerHandler(
    ipc,
    'files:save',
    async ({ suggestedName, data }) => {
      const path = await chooseSavePath(safeFileName(suggestedName));
      if (!path) return { saved: false };
      await writeFile(path, data);
      return { saved: true, path };
    },
    appUrl,
  );
}
