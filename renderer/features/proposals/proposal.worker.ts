/**
 * Renders proposals off the main thread, one worker for the whole app session (shared by every
 * proposals screen); a screen sends the parsed template (from the local catalog), the data and the
 * logo bytes with each request. The bundled fonts (and the brochure the co-branded template stamps
 * into) are fetched once when the worker starts, then a first render warms the parsed fonts so the
 * live preview keeps up with typing. After `ready` nothing needs the network.
 */
import boldUrl from '../../../resources/fonts/NotoSans-Bold.ttf?url';
import regularUrl from '../../../resources/fonts/NotoSans-Regular.ttf?url';
import brochureUrl from '../../../resources/templates/siso-overview-brochure.pdf?url';
import { bundledTemplates, renderProposal } from '../../../sync/domain/proposals';
import type { ProposalWorkerRequest, ProposalWorkerResponse } from './proposal-worker-protocol';
import { errorMessage } from '../../ui/error-message';

interface WorkerScope {
  postMessage(message: ProposalWorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ProposalWorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

async function fetchBytes(url: string): Promise<Uint8Array> {
  // Vite inlines small assets as data: URLs; decode them here rather than asking connect-src to allow data:.
  const inline = /^data:[^,]*;base64,(.*)$/.exec(url);
  if (inline?.[1] !== undefined) return Uint8Array.from(atob(inline[1]), (character) => character.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

type Assets = [regular: Uint8Array, bold: Uint8Array, brochure: Uint8Array];
/** The brochure bundled with the app; templates from the catalog may stamp into it by this name. */
const BUNDLED_BROCHURE = 'siso-overview-brochure.pdf';
/** Warms the fonts with a bundled template so the first preview is quick; real renders use the catalog's. */
const warmUpTemplate = bundledTemplates()[0];
let assets: Promise<Assets> | null = null;

/** Loads the assets, and tries again on the next request if a load failed (e.g. started offline). */
function loadAssets(): Promise<Assets> {
  assets ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl), fetchBytes(brochureUrl)]).catch((error: unknown) => {
    assets = null;
    throw new Error(
      `The proposal fonts could not be loaded (${errorMessage(error)}). Reconnect once so the app can load them, then try again.`,
    );
  });
  return assets;
}

let announcedReady = false;

/** The assets, telling the screens when they first arrive and whenever a load fails. */
async function announcedAssets(): Promise<Assets> {
  try {
    const loaded = await loadAssets();
    if (!announcedReady) {
      announcedReady = true;
      scope.postMessage({ kind: 'ready' }, []);
    }
    return loaded;
  } catch (error) {
    scope.postMessage({ kind: 'load-failed', message: errorMessage(error) }, []);
    throw error;
  }
}

async function warmUp([regular, bold]: Assets): Promise<void> {
  if (!warmUpTemplate) return;
  await renderProposal({
    template: warmUpTemplate,
    data: { partner: { name: 'Warm-up' }, lead: { company: 'Warm-up' }, brand: { primary: '#000000', secondary: '#000000' }, referralUrl: 'https://siso.agency', whiteLabel: false },
    fonts: { regular, bold },
    now: new Date(),
  }).catch(() => undefined);
}

/** Loads (and warms) once; a failed load is retried by the next `load` or render request. */
function prepare(): Promise<void> {
  return announcedAssets().then(warmUp, () => undefined);
}

let queue: Promise<unknown> = prepare();

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'load') {
    if (!announcedReady) queue = queue.then(prepare);
    return;
  }
  queue = queue.then(async () => {
    try {
      const template = request.template;
      if (template.base_pdf && template.base_pdf !== BUNDLED_BROCHURE) {
        throw new Error(`${template.name} stamps into the brochure ${template.base_pdf}, which this version of the app does not include. Update the app to use it.`);
      }
      const [regular, bold, brochure] = await announcedAssets();
      const pdf = await renderProposal({
        template,
        data: request.data,
        fonts: { regular, bold },
        basePdf: template.base_pdf ? brochure : undefined,
        now: new Date(request.now),
      });
      scope.postMessage({ kind: 'result', id: request.id, ok: true, pdf }, [pdf.buffer]);
    } catch (error) {
      scope.postMessage({ kind: 'result', id: request.id, ok: false, message: errorMessage(error) }, []);
    }
  });
};
