/**
 * The servers, beyond the configured one, that the person confirmed on Welcome: kept in a small
 * JSON file in the app's data folder, validated on every read, and added to the CSP of every
 * response from then on. Also remembers which origins the loaded page's CSP already had, because a
 * page keeps the policy it was served with until it reloads.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { serverOriginSchema } from '../../sync/domain/url-policy';

export const MAX_ALLOWED_SERVER_ORIGINS = 20;

const fileSchema = z.object({
  version: z.literal(1),
  origins: z.array(serverOriginSchema).max(MAX_ALLOWED_SERVER_ORIGINS),
});

export type AllowServerOutcome = { allowed: true; origin: string; reloadRequired: boolean } | { allowed: false; reason: string };

export interface ServerOriginAccess {
  /** Reads the file; until then (or when it is missing or damaged) no extra origin is allowed. */
  load(): Promise<void>;
  /** The extra origins for the CSP of the next response. */
  origins(): readonly string[];
  /** Call when a top-level page is served: it carries the CSP of this moment until it reloads. */
  noteDocumentServed(): void;
  /** Validates, persists and allows one server; the reply says whether the page must reload first. */
  allow(serverUrl: unknown): Promise<AllowServerOutcome>;
}

export interface ServerOriginAccessOptions {
  file: string;
  /** The configured server's origin: always in the CSP, so never stored. */
  configuredOrigin: string;
  max?: number;
}

/** A file that is missing, unreadable, not JSON or not in the expected shape gives the empty list. */
export async function readAllowedOrigins(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? [...new Set(parsed.data.origins)] : [];
  } catch {
    return [];
  }
}

export async function writeAllowedOrigins(file: string, origins: readonly string[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  // Write then rename, so a crash mid-write leaves the previous list rather than a torn file.
  await writeFile(temporary, JSON.stringify({ version: 1, origins }, null, 2), 'utf8');
  await rename(temporary, file);
}

export function createServerOriginAccess({ file, configuredOrigin, max = MAX_ALLOWED_SERVER_ORIGINS }: ServerOriginAccessOptions): ServerOriginAccess {
  let origins: string[] = [];
  let inLoadedDocument = new Set<string>();
  // Serialises changes so two quick confirmations cannot both start from the same list and drop one.
  let writing: Promise<void> = Promise.resolve();

  return {
    async load() {
      origins = (await readAllowedOrigins(file)).filter((origin) => origin !== configuredOrigin).slice(-max);
    },
    origins: () => origins,
    noteDocumentServed() {
      inLoadedDocument = new Set(origins);
    },
    async allow(serverUrl) {
      const parsed = serverOriginSchema.safeParse(serverUrl);
      if (!parsed.success) return { allowed: false, reason: parsed.error.issues[0]?.message ?? 'The server address is not valid.' };
      const origin = parsed.data;
      if (origin === configuredOrigin) return { allowed: true, origin, reloadRequired: false };
      const save = writing.then(async () => {
        if (origins.includes(origin)) return;
        // The newest confirmation stays; the oldest one drops off when the list is full.
        const next = [...origins, origin].slice(-max);
        await writeAllowedOrigins(file, next);
        origins = next;
      });
      writing = save.catch(() => undefined);
      try {
        await save;
      } catch {
        return { allowed: false, reason: 'The workstation could not save the server in its settings folder. Check the disk has space and try again.' };
      }
      return { allowed: true, origin, reloadRequired: !inLoadedDocument.has(origin) };
    },
  };
}
