/**
 * The Noto Sans bytes every PDF made in the page uses (statements, certificates), fetched once and
 * shared: the same byte arrays each time, so fonts parsed for one document serve the next.
 */
import boldUrl from '../../resources/fonts/NotoSans-Bold.ttf?url';
import regularUrl from '../../resources/fonts/NotoSans-Regular.ttf?url';
import type { FontBytes } from '../../sync/domain/pdf/embed-fonts';
import { errorMessage } from '../ui/error-message';

async function fetchBytes(url: string): Promise<Uint8Array> {
  // Vite inlines small assets as data: URLs; decode them here rather than asking connect-src to allow data:.
  const inline = /^data:[^,]*;base64,(.*)$/.exec(url);
  if (inline?.[1] !== undefined) return Uint8Array.from(atob(inline[1]), (character) => character.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let fonts: Promise<FontBytes> | null = null;

/** The font bytes; a failed load is forgotten so the next call tries again. `document` names what is being made, for the message. */
export function loadPdfFonts(document: string): Promise<FontBytes> {
  const loading = (fonts ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(([regular, bold]) => ({ regular, bold })));
  return loading.catch((error: unknown) => {
    // Only forget this failed load: a caller may already have started the next one.
    if (fonts === loading) fonts = null;
    throw new Error(`The ${document} fonts could not be loaded (${errorMessage(error)}). Reconnect once so the app can load them, then try again.`);
  });
}

/**
 * Readies the certificate PDF while the certifications screen is idle: loads the fonts and the
 * renderer and renders a throwaway certificate, so the partner's first real download finds the
 * fonts parsed and the code compiled (a first render in a fresh page is several times a warm
 * one). Problems are left for the real render to report.
 */
export function prepareCertificatePdf(win: Window = window): void {
  const run = () => {
    void Promise.all([import('../../sync/domain/certificates'), loadPdfFonts('certificate')])
      .then(([{ prepareCertificateRenderer }, bytes]) => prepareCertificateRenderer(bytes))
      .catch(() => undefined);
  };
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 2000 });
  else win.setTimeout(run, 200);
}
