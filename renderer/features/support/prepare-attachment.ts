/**
 * Turns a file the partner picked into attachment bytes: size checked before reading, type checked
 * by content (sync/domain/support-tickets), each refusal a sentence saying why and what to do.
 */
import { checkAttachmentFile, checkAttachmentSize } from '../../../sync/domain/support-tickets';
import { readPickedFile } from '../../platform/read-picked-file';

export interface PreparedAttachment {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export type PrepareAttachmentResult = { ok: true; attachment: PreparedAttachment } | { ok: false; message: string };

export async function prepareAttachment(file: File): Promise<PrepareAttachmentResult> {
  const read = await readPickedFile(file, checkAttachmentSize);
  if (!read.ok) return read;
  const { bytes } = read;
  const check = checkAttachmentFile(bytes, file.name);
  if (!check.ok) return { ok: false, message: check.message };
  return { ok: true, attachment: { name: file.name, mime: check.mime, bytes } };
}
