/**
 * Reads a file the person picked or dropped, after a size check that needs no reading (so a huge
 * file is refused at once); each refusal is a sentence saying why and what to do.
 */
import { errorMessage } from '../ui/error-message';

/** A domain's size rule: null or ok when the size is acceptable. */
export type SizeCheck = (size: number, name: string) => { ok: boolean; message?: string } | null;

export async function readPickedFile(file: File, checkSize: SizeCheck): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const sizeProblem = checkSize(file.size, file.name);
  if (sizeProblem && !sizeProblem.ok) return { ok: false, message: sizeProblem.message ?? `“${file.name}” cannot be used.` };
  try {
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    return { ok: false, message: `“${file.name}” could not be read (${errorMessage(error)}). Check the file is still there and try again.` };
  }
}
