/**
 * Renders proposals off the main thread. The bundled fonts (and the brochure the co-branded
 * template stamps into) are fetched once when the worker starts, and a first render warms the
 * parsed fonts so the live preview keeps up with typing.
 */
import boldUrl from '../../../resources/fonts/NotoSans-Bold.ttf?url';
import regularUrl from '../../../resources/fonts/NotoSans-Regular.ttf?url';
import brochureUrl from '../../../resources/templates/siso-overview-brochure.pdf?url';
import { bundledTemplates, renderProposal } from '../../../sync/domain/proposals';
import type { ProposalWorkerRequest, ProposalWorkerResponse } from './proposal-worker-protocol';

interface WorkerScope {
  postMessage(message: ProposalWorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ProposalWorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  // Vite inlines small assets as data: URLs; decode them here rather than asking connect-src to allow data:.
  const inline = /^data:[^,]*;base64,(.*)$/.exec(url);
  if (inline?.[1] !== undefined) return Uint8Array.from(atob(inline[1]), (character) => character.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The ${what} could not be loaded (${response.status}). Restart the app and try again.`);
  return new Uint8Array(await response.arrayBuffer());
}

const templates = new Map(bundledTemplates().map((template) => [template.id, template]));
const assets = Promise.all([fetchBytes(regularUrl, 'regular font'), fetchBytes(boldUrl, 'bold font'), fetchBytes(brochureUrl, 'SISO brochure')]);
// Surface a failed load on the first request rather than as an unhandled rejection now.
assets.catch(() => undefined);

let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      const template = templates.get(request.templateId);
      if (!template) throw new Error(`The template '${request.templateId}' is not in this version of the app.`);
      const [regular, bold, brochure] = await assets;
      const pdf = await renderProposal({
        template,
        data: request.data,
        fonts: { regular, bold },
        basePdf: template.base_pdf ? brochure : undefined,
        now: new Date(request.now),
      });
      scope.postMessage({ id: request.id, ok: true, pdf }, [pdf.buffer]);
    } catch (error) {
      scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }, []);
    }
  });
};
