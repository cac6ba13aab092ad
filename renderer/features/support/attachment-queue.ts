/**
 * Ticket attachments waiting to upload, kept on this device (IndexedDB, one record per message id)
 * so a file attached offline is not lost, the uploader that sends them to the private
 * `ticket-attachments` bucket when the workstation is online, and what its last round left behind.
 * Records are checked with zod when read: a damaged or older record reads as absent rather than as
 * a half-formed upload.
 */
import { z } from 'zod';
import { createIdbStore } from '../../platform/idb-store';
import type { SupabaseClient } from '@supabase/supabase-js';
import { TICKET_ATTACHMENT_BUCKET } from '../../../sync/domain/support-tickets';
import { errorMessage } from '../../ui/error-message';
import { createSerialRounds } from '../../data/serial-rounds';

const DB_NAME = 'siso-ticket-attachments';
const STORE = 'pending';

export const pendingAttachmentSchema = z.object({
  messageId: z.string().min(1),
  partnerId: z.string().min(1),
  ticketId: z.string().min(1),
  path: z.string().min(1),
  name: z.string().min(1),
  mime: z.string().min(1),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'The waiting attachment has no file bytes.'),
  savedAt: z.string(),
  /** The server's refusal of the last upload, as a sentence; retried when the workspace opens or the network returns. */
  refused: z.string().nullable(),
});
export type PendingAttachment = z.infer<typeof pendingAttachmentSchema>;

const { run } = createIdbStore(DB_NAME, STORE, 'attachment store');

const changes = new EventTarget();

/** Tells every screen listing waiting attachments that the list changed. */
export function onPendingAttachmentsChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

function announce() {
  changes.dispatchEvent(new Event('change'));
}

export async function savePendingAttachment(record: PendingAttachment): Promise<void> {
  const valid = pendingAttachmentSchema.parse(record);
  await run('readwrite', (store) => store.put(valid, valid.messageId));
  announce();
}

export async function listPendingAttachments(partnerId: string): Promise<PendingAttachment[]> {
  const values: unknown[] = await run('readonly', (store) => store.getAll());
  return values.flatMap((value) => {
    const parsed = pendingAttachmentSchema.safeParse(value);
    return parsed.success && parsed.data.partnerId === partnerId ? [parsed.data] : [];
  });
}

export async function readPendingAttachment(messageId: string): Promise<PendingAttachment | null> {
  const value: unknown = await run('readonly', (store) => store.get(messageId));
  const parsed = pendingAttachmentSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function forgetPendingAttachment(messageId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(messageId));
  announce();
}

function httpStatus(error: unknown): number | null {
  if (error === null || typeof error !== 'object') return null;
  const record = error as { status?: unknown; statusCode?: unknown };
  if (typeof record.status === 'number') return record.status;
  if (typeof record.statusCode === 'string' && /^\d{3}$/.test(record.statusCode)) return Number(record.statusCode);
  return null;
}

function refusal(status: number, name: string, detail: string): string {
  if (status === 409) return '';
  if (status === 413) return `The server refused “${name}” because it is larger than ticket attachments allow. Attach a smaller file in a reply.`;
  if (status === 415) return `The server refused the file type of “${name}” (${detail}). Attach a PNG, JPEG, PDF, text, CSV or ZIP file in a reply.`;
  if (status === 403 || status === 400) return `The server refused “${name}” (${detail}). Sign in again; if it keeps happening, contact SISO support another way.`;
  return `The server refused “${name}” (${detail}).`;
}

export type UploadRound = { uploaded: number; failed: string | null };

const rounds = createSerialRounds<UploadRound>();
const lastProblems = new Map<string, string | null>();

/** Why the partner's last upload round left something behind, as a sentence; null when nothing did. */
export function attachmentUploadProblem(partnerId: string): string | null {
  return lastProblems.get(partnerId) ?? null;
}

/** Tells every screen showing the upload problem that a round ended with a different one. */
export function onAttachmentUploadProblemChange(listener: () => void): () => void {
  changes.addEventListener('problem', listener);
  return () => changes.removeEventListener('problem', listener);
}

function settleProblem(partnerId: string, problem: string | null) {
  if (attachmentUploadProblem(partnerId) === problem) return;
  lastProblems.set(partnerId, problem);
  changes.dispatchEvent(new Event('problem'));
}

function runRound(client: SupabaseClient, partnerId: string, retryRefused: boolean): Promise<UploadRound> {
  return uploadRound(client, partnerId, retryRefused).then(
    (result) => {
      settleProblem(partnerId, result.failed);
      return result;
    },
    (error: unknown) => {
      settleProblem(partnerId, `Attachments could not be uploaded (${errorMessage(error)}). They are kept on this device.`);
      throw error;
    },
  );
}

/**
 * Uploads every waiting attachment of the partner, one round at a time: a call while a round runs
 * shares the single round that starts when it ends, so two callers (the shell and a test, say)
 * never upload the same file twice and a file kept mid-round is not left waiting. A refused upload
 * is kept with the reason; a network failure is simply tried again next round.
 */
export function uploadPendingAttachments(client: SupabaseClient, partnerId: string, retryRefused: boolean): Promise<UploadRound> {
  return rounds(partnerId, () => runRound(client, partnerId, retryRefused));
}

async function uploadRound(client: SupabaseClient, partnerId: string, retryRefused: boolean): Promise<UploadRound> {
  let uploaded = 0;
  let failed: string | null = null;
  for (const record of await listPendingAttachments(partnerId)) {
    if (record.refused && !retryRefused) continue;
    let result: Awaited<ReturnType<ReturnType<SupabaseClient['storage']['from']>['upload']>>;
    try {
      const body = new Blob([record.bytes.slice()], { type: record.mime });
      result = await client.storage.from(TICKET_ATTACHMENT_BUCKET).upload(record.path, body, { contentType: record.mime, upsert: false });
    } catch (error) {
      failed = `“${record.name}” did not upload yet (${errorMessage(error)}); it is kept on this device and tried again when you are online.`;
      continue;
    }
    if (result.error) {
      const status = httpStatus(result.error);
      const message = status === null ? '' : refusal(status, record.name, errorMessage(result.error));
      // 409: an earlier round uploaded it and only forgetting the record failed.
      if (status === 409) {
        await forgetPendingAttachment(record.messageId);
        uploaded += 1;
      } else if (status !== null && status >= 400 && status < 500 && ![401, 408, 429].includes(status)) {
        await savePendingAttachment({ ...record, refused: message });
      } else {
        failed = `“${record.name}” did not upload yet (${errorMessage(result.error)}); it is kept on this device and tried again when you are online.`;
      }
      continue;
    }
    await forgetPendingAttachment(record.messageId);
    uploaded += 1;
  }
  return { uploaded, failed };
}
