/**
 * Turns a file the partner picked into attachment bytes: size checked before reading, type checked
 * by content (sync/domain/support-tickets), each refusal a sentence saying why and what to do.
 */
import { checkAttachmentFile, checkAttachmentSize } from '../../../sync/domain/support-tickets';
import { errorMessage } from '../../ui/error-message';

export interface PreparedAttachment {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export type PrepareAttachmentResult = { ok: true; attachment: PreparedAttachment } | { ok: false; message: string };

export async function prepareAttachment(file: File): Promise<PrepareAttachmentResult> {
  const sizeProblem = checkAttachmentSize(file.size, file.name);
  if (sizeProblem && !sizeProblem.ok) return { ok: false, message: sizeProblem.message };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, message: `“${file.name}” could not be read (${errorMessage(error)}). Check the file is still there and try again.` };
  }
  const check = checkAttachmentFile(bytes, file.name);
  if (!check.ok) return { ok: false, message: check.message };
  return { ok: true, attachment: { name: file.name, mime: check.mime, bytes } };
}
