/**
 * Session tokens and other secrets, encrypted with the OS keychain through Electron's
 * safeStorage and kept in one file in the app's data directory. Where the OS offers no
 * encryption, secrets live in memory only: the user signs in again next start rather than
 * having a token written in clear text.
 */
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const fileSchema = z.record(z.string(), z.string());

export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<{ stored: boolean; encrypted: boolean }>;
  delete(key: string): Promise<boolean>;
}

export function createSecretStore(filePath: string, safeStorage: SafeStorageLike): SecretStore {
  const memory = new Map<string, string>();

  async function readAll(): Promise<Record<string, string>> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async function writeAll(entries: Record<string, string>): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    const temp = `${filePath}.tmp`;
    await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
    await rename(temp, filePath);
  }

  return {
    async get(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      const stored = (await readAll())[key];
      if (stored === undefined || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
    async set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        memory.set(key, value);
        return { stored: true, encrypted: false };
      }
      const entries = await readAll();
      entries[key] = safeStorage.encryptString(value).toString('base64');
      await writeAll(entries);
      memory.delete(key);
      return { stored: true, encrypted: true };
    },
    async delete(key) {
      const hadMemory = memory.delete(key);
      const entries = await readAll();
      if (!(key in entries)) return hadMemory;
      delete entries[key];
      await writeAll(entries);
      return true;
    },
  };
}
