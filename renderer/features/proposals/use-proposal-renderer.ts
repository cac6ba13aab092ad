/**
 * One proposal worker for the app session, shared by every proposals screen, so its fonts and
 * brochure are fetched once (a screen first opened offline still renders). `render` resolves with
 * the PDF bytes of the screen's latest request; that screen's older requests still in flight
 * resolve with null so a slow preview never overwrites a newer one.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ProposalData, ProposalTemplate } from '../../../sync/domain/proposals';
import { loadPdfFonts } from '../../platform/pdf-fonts';
import type { ProposalWorkerRequest, ProposalWorkerResponse } from './proposal-worker-protocol';
import { RenderRequests } from './render-requests';

export type RendererState = { state: 'loading' } | { state: 'ready' } | { state: 'unavailable'; message: string };

export interface ProposalRenderer {
  status: RendererState;
  render(template: ProposalTemplate, data: ProposalData, now: Date): Promise<Uint8Array | null>;
}

const requests = new RenderRequests();
const statusListeners = new Set<() => void>();
let status: RendererState = { state: 'loading' };
let worker: Worker | null = null;

function setStatus(next: RendererState): void {
  status = next;
  for (const listener of statusListeners) listener();
}

function subscribeToStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

const currentStatus = () => status;

/** The session's worker, started on first use and again after one that could not start or crashed. */
function sharedWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./proposal.worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<ProposalWorkerResponse>) => {
    const response = event.data;
    if (response.kind === 'ready') return setStatus({ state: 'ready' });
    if (response.kind === 'load-failed') return setStatus({ state: 'unavailable', message: response.message });
    requests.settle(response.id, response.ok ? { ok: true, pdf: response.pdf } : { ok: false, message: response.message });
  };
  started.onerror = (event) => {
    const message = `The proposal renderer stopped (${event.message || 'it could not start'}). Reconnect if you are offline, then try again.`;
    // A worker whose script failed to load is dead; the next request starts a fresh one.
    started.terminate();
    if (worker === started) worker = null;
    requests.failAll(new Error(message));
    setStatus({ state: 'unavailable', message });
  };
  worker = started;
  setStatus({ state: 'loading' });
  return started;
}

/**
 * Loads the signing fonts while the app is still online, so present mode can sign offline later.
 * The shell calls it once the first screen has shown its data; it starts at once so the fetches
 * stay in the start-up burst, and offline it waits for the connection. The render worker itself
 * starts with the first proposals screen (a worker's requests are not the page's, so a preloaded
 * worker would still be fetching when a partner who just opened the app goes offline) and then
 * stays for the session. Problems are left for a screen to show.
 */
export function preloadProposalRenderer(win: Window = window): void {
  if (win.navigator.onLine === false) {
    win.addEventListener('online', () => preloadProposalRenderer(win), { once: true });
    return;
  }
  void loadPdfFonts('signed proposal').catch(() => undefined);
}

export function useProposalRenderer(): ProposalRenderer {
  const currentState = useSyncExternalStore(subscribeToStatus, currentStatus);
  // Identifies this screen's requests, so "latest wins" and unmounting only affect its own.
  const [caller] = useState(() => ({}));
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    const hadWorker = worker !== null;
    const shared = sharedWorker();
    // A load that failed earlier (e.g. preloaded offline) is tried again when a screen opens.
    if (hadWorker && status.state === 'unavailable') {
      shared.postMessage({ kind: 'load' } satisfies ProposalWorkerRequest);
      setStatus({ state: 'loading' });
    }
    return () => {
      mounted.current = false;
      requests.release(caller);
    };
  }, [caller]);

  const render = useCallback(
    (template: ProposalTemplate, data: ProposalData, now: Date) => {
      if (!mounted.current) return Promise.resolve(null);
      const shared = sharedWorker();
      return new Promise<Uint8Array | null>((resolve, reject) => {
        const id = requests.open(caller, resolve, reject);
        const request: ProposalWorkerRequest = { kind: 'render', id, template, data, now: now.toISOString() };
        shared.postMessage(request);
      });
    },
    [caller],
  );
  return useMemo(() => ({ status: currentState, render }), [currentState, render]);
}
