/**
 * The proposal PDFs of this device: every saved or signed version's file, kept in IndexedDB (one
 * record per activity id, checked with zod and by sha256 when read), the queue of those still to
 * upload to the private `proposals` bucket, the uploader that empties it, and opening a version's
 * file from this device or, failing that, from the bucket.
 */
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createIdbStore } from '../../platform/idb-store';
import { sha256Hex } from '../../platform/sha256';
import { useOnlineStatus } from '../../platform/online-status';
import { useOpenWorkspace } from '../../session';
import { errorMessage } from '../../ui/error-message';
import { createSerialRounds } from '../../data/serial-rounds';

export const PROPOSAL_BUCKET = 'proposals';

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * `waiting`: to upload; `uploaded`: on the server too (or downloaded from it); `local`: a
 * workspace without a server (the demo), never uploaded.
 */
const UPLOAD_STATES = ['waiting', 'uploaded', 'local'] as const;

export const keptProposalFileSchema = z.object({
  activityId: z.string().min(1),
  partnerId: z.string().min(1),
  filePath: z.string().min(1),
  sha256: z.string().regex(SHA256_PATTERN),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'The kept proposal has no file bytes.'),
  keptAt: z.string(),
  upload: z.enum(UPLOAD_STATES),
  /** The server's refusal of the last upload, as a sentence; retried when the network returns. */
  refused: z.string().nullable(),
});
export type KeptProposalFile = z.infer<typeof keptProposalFileSchema>;

const { run } = createIdbStore('siso-proposal-files', 'files', 'proposal file store');

const changes = new EventTarget();

/** Tells every screen showing upload states that a kept file changed. */
export function onProposalFilesChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

function announce() {
  changes.dispatchEvent(new Event('change'));
}

async function putRecord(record: KeptProposalFile): Promise<void> {
  const valid = keptProposalFileSchema.parse(record);
  await run('readwrite', (store) => store.put(valid, valid.activityId));
  announce();
}

async function readRecord(activityId: string): Promise<KeptProposalFile | null> {
  const value: unknown = await run('readonly', (store) => store.get(activityId));
  const parsed = keptProposalFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Keeps a proposal PDF on this device and, unless `upload` is false (a workspace without a
 * server), queues it for upload to `proposals` at its file path.
 */
export async function keepProposalFile(record: { activityId: string; partnerId: string; filePath: string; sha256: string; bytes: Uint8Array; upload?: boolean }): Promise<void> {
  const actual = await sha256Hex(record.bytes);
  if (actual !== record.sha256) throw new Error('The proposal file changed while it was being kept, so it was not saved. Save the proposal again.');
  await putRecord({
    activityId: record.activityId,
    partnerId: record.partnerId,
    filePath: record.filePath,
    sha256: record.sha256,
    bytes: record.bytes.slice(),
    keptAt: new Date().toISOString(),
    upload: record.upload === false ? 'local' : 'waiting',
    refused: null,
  });
}

/** Removes a kept file; used when the version it belonged to could not be recorded. */
export async function forgetProposalFile(activityId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(activityId));
  announce();
}

/** The partner's kept files still waiting to upload (bytes included), oldest first. */
export async function listWaitingProposalFiles(partnerId: string): Promise<KeptProposalFile[]> {
  const values: unknown[] = await run('readonly', (store) => store.getAll());
  return values
    .flatMap((value) => {
      const parsed = keptProposalFileSchema.safeParse(value);
      return parsed.success && parsed.data.partnerId === partnerId && parsed.data.upload === 'waiting' ? [parsed.data] : [];
    })
    .sort((a, b) => a.keptAt.localeCompare(b.keptAt));
}

export type OpenedProposalFile = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

function httpStatus(error: unknown): number | null {
  if (error === null || typeof error !== 'object') return null;
  const record = error as { status?: unknown; statusCode?: unknown; originalError?: unknown };
  if (typeof record.status === 'number') return record.status;
  if (typeof record.statusCode === 'string' && /^\d{3}$/.test(record.statusCode)) return Number(record.statusCode);
  if (typeof record.statusCode === 'number') return record.statusCode;
  if (record.originalError && typeof record.originalError === 'object') return httpStatus(record.originalError);
  return null;
}

/**
 * A version's PDF: the copy on this device when its checksum matches; otherwise downloaded from
 * the `proposals` bucket, checked against the recorded sha256 and kept on this device for next
 * time; otherwise a sentence saying why it cannot be opened.
 */
export async function openProposalFile(
  ref: { activityId: string; filePath: string | null; sha256: string | null },
  source: { client: SupabaseClient | null; online: boolean },
): Promise<OpenedProposalFile> {
  let damaged = false;
  const kept = await readRecord(ref.activityId).catch(() => null);
  if (kept) {
    const actual = await sha256Hex(kept.bytes);
    if (actual === kept.sha256 && (ref.sha256 === null || actual === ref.sha256)) return { ok: true, bytes: kept.bytes };
    damaged = true;
  }
  const damagedNote = damaged ? 'The copy on this device does not match its checksum (it is damaged). ' : '';
  if (!ref.filePath) {
    return { ok: false, message: `${damagedNote}This proposal was saved before proposal history, so its file was not kept. Save a new version to keep one.` };
  }
  if (!source.client) {
    return { ok: false, message: `${damagedNote}The file is not on this device, and this workspace has no server to download it from.` };
  }
  if (!source.online) {
    return { ok: false, message: `${damagedNote}The file is not on this device and you are offline. Connect to the internet and try again.` };
  }
  let blob: Blob;
  try {
    const { data, error } = await source.client.storage.from(PROPOSAL_BUCKET).download(ref.filePath);
    if (error || !data) {
      const status = httpStatus(error);
      if (status === 404 || status === 400) {
        return {
          ok: false,
          message: `${damagedNote}The file was not found on SISO's server. It may still be waiting to upload from the device it was saved on; open it there, or try again later.`,
        };
      }
      return { ok: false, message: `${damagedNote}The file could not be downloaded (${error ? errorMessage(error) : 'no data'}). Try again in a moment.` };
    }
    blob = data;
  } catch (error) {
    return { ok: false, message: `${damagedNote}The file could not be downloaded (${errorMessage(error)}). Check your connection and try again.` };
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const actual = await sha256Hex(bytes);
  if (ref.sha256 !== null && actual !== ref.sha256) {
    return {
      ok: false,
      message: "The downloaded file does not match the checksum recorded when it was saved (checksum mismatch), so it was not opened. Try again; if it keeps happening, contact SISO support.",
    };
  }
  const partnerId = ref.filePath.split('/')[0] ?? '';
  if (partnerId && SHA256_PATTERN.test(actual)) {
    // Keeping the download only saves a later download; a full disk must not stop it opening.
    await putRecord({ activityId: ref.activityId, partnerId, filePath: ref.filePath, sha256: actual, bytes, keptAt: new Date().toISOString(), upload: 'uploaded', refused: null }).catch(() => undefined);
  }
  return { ok: true, bytes };
}

function refusal(status: number, detail: string): string {
  if (status === 413) return `The server refused a proposal file because it is larger than allowed (${detail}). It is kept on this device.`;
  return `The server refused a proposal file (${detail}). It is kept on this device; sign in again, and if it keeps happening, contact SISO support.`;
}

export type ProposalUploadRound = { uploaded: number; failed: string | null };

const rounds = createSerialRounds<ProposalUploadRound>();

/**
 * Uploads every waiting file of the partner, one round at a time (serial-rounds: a file kept
 * mid-round goes in the follow-up round). A refused upload keeps its reason and waits for
 * `retryRefused`; a network failure is simply tried again next round.
 */
export function uploadWaitingProposalFiles(client: SupabaseClient, partnerId: string, retryRefused: boolean): Promise<ProposalUploadRound> {
  return rounds(partnerId, () => uploadRound(client, partnerId, retryRefused));
}

async function uploadRound(client: SupabaseClient, partnerId: string, retryRefused: boolean): Promise<ProposalUploadRound> {
  let uploaded = 0;
  let failed: string | null = null;
  for (const record of await listWaitingProposalFiles(partnerId)) {
    if (record.refused && !retryRefused) continue;
    let result: Awaited<ReturnType<ReturnType<SupabaseClient['storage']['from']>['upload']>>;
    try {
      const body = new Blob([record.bytes.slice()], { type: 'application/pdf' });
      result = await client.storage.from(PROPOSAL_BUCKET).upload(record.filePath, body, { contentType: 'application/pdf', upsert: false });
    } catch (error) {
      failed = `A proposal file did not upload yet (${errorMessage(error)}); it is kept on this device and tried again when you are online.`;
      continue;
    }
    if (result.error) {
      const status = httpStatus(result.error);
      // 409: an earlier round uploaded it and only marking the record failed.
      if (status === 409) {
        await putRecord({ ...record, upload: 'uploaded', refused: null });
        uploaded += 1;
      } else if (status !== null && status >= 400 && status < 500 && ![401, 408, 429].includes(status)) {
        await putRecord({ ...record, refused: refusal(status, errorMessage(result.error)) });
        failed = refusal(status, errorMessage(result.error));
      } else {
        failed = `A proposal file did not upload yet (${errorMessage(result.error)}); it is kept on this device and tried again when you are online.`;
      }
      continue;
    }
    await putRecord({ ...record, upload: 'uploaded', refused: null });
    uploaded += 1;
  }
  return { uploaded, failed };
}

export interface ProposalFileUploads {
  /** Activity ids of this partner's files still waiting to upload. */
  waiting: ReadonlySet<string>;
  /** Why the last round left something behind, as a sentence. */
  problem: string | null;
}

/**
 * Runs the uploader while an account workspace is open: when it opens, whenever a file is kept,
 * and when the network returns (the moment refused uploads are tried again). Mounted once, in the
 * shell, so files upload whichever screen is open.
 */
export function useProposalFileUploads(): ProposalFileUploads {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const client: SupabaseClient | null = workspace?.sync?.client ?? null;
  const online = useOnlineStatus();
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [retryToken, setRetryToken] = useState(1);
  const retriedFor = useRef(0);
  const [changeToken, setChangeToken] = useState(0);

  useEffect(() => {
    if (!partnerId) return undefined;
    let active = true;
    const load = () =>
      listWaitingProposalFiles(partnerId).then(
        (records) => {
          if (!active) return;
          setWaiting(new Set(records.map((record) => record.activityId)));
          setChangeToken((token) => token + 1);
        },
        (error: unknown) => active && setProblem(errorMessage(error)),
      );
    void load();
    const stop = onProposalFilesChange(() => void load());
    return () => {
      active = false;
      stop();
    };
  }, [partnerId]);

  useEffect(() => {
    const onOnline = () => setRetryToken((token) => token + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  const hasWork = waiting.size > 0;
  useEffect(() => {
    if (!client || !partnerId || !online || !hasWork) return undefined;
    let active = true;
    const retryRefused = retriedFor.current !== retryToken;
    retriedFor.current = retryToken;
    uploadWaitingProposalFiles(client, partnerId, retryRefused).then(
      (round) => active && setProblem(round.failed),
      (error: unknown) => active && setProblem(`Proposal files could not be uploaded (${errorMessage(error)}). They are kept on this device.`),
    );
    return () => {
      active = false;
    };
  }, [client, partnerId, online, hasWork, retryToken, changeToken]);

  return { waiting, problem };
}

/** Mounts the uploader; renders nothing (the shell loads it lazily with the proposals code). */
export function ProposalFileUploads(): null {
  useProposalFileUploads();
  return null;
}
