/**
 * One proposal worker per screen: `render` resolves with the PDF bytes of the latest request;
 * older requests still in flight resolve with null so a slow preview never overwrites a newer one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProposalData, ProposalTemplate } from '../../../sync/domain/proposals';
import type { ProposalWorkerRequest, ProposalWorkerResponse } from './proposal-worker-protocol';

type Pending = { resolve: (pdf: Uint8Array | null) => void; reject: (error: Error) => void };

export type RendererState = { state: 'loading' } | { state: 'ready' } | { state: 'unavailable'; message: string };

export interface ProposalRenderer {
  status: RendererState;
  render(template: ProposalTemplate, data: ProposalData, now: Date): Promise<Uint8Array | null>;
}

export function useProposalRenderer(): ProposalRenderer {
  const [status, setStatus] = useState<RendererState>({ state: 'loading' });
  const workerRef = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(0);

  useEffect(() => {
    const worker = new Worker(new URL('./proposal.worker.ts', import.meta.url), { type: 'module' });
    const waiting = pending.current;
    worker.onmessage = (event: MessageEvent<ProposalWorkerResponse>) => {
      const response = event.data;
      if (response.kind === 'ready') return setStatus({ state: 'ready' });
      if (response.kind === 'load-failed') return setStatus({ state: 'unavailable', message: response.message });
      const entry = waiting.get(response.id);
      if (!entry) return;
      waiting.delete(response.id);
      if (response.id !== nextId.current) entry.resolve(null);
      else if (response.ok) entry.resolve(response.pdf);
      else entry.reject(new Error(response.message));
    };
    worker.onerror = (event) => {
      for (const entry of waiting.values()) entry.reject(new Error(`The proposal renderer stopped: ${event.message || 'unknown error'}. Reload the page and try again.`));
      waiting.clear();
    };
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
      for (const entry of waiting.values()) entry.resolve(null);
      waiting.clear();
    };
  }, []);

  const render = useCallback((template: ProposalTemplate, data: ProposalData, now: Date) => {
    const worker = workerRef.current;
    if (!worker) return Promise.resolve(null);
    nextId.current += 1;
    const request: ProposalWorkerRequest = { id: nextId.current, template, data, now: now.toISOString() };
    return new Promise<Uint8Array | null>((resolve, reject) => {
      pending.current.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }, []);
  return useMemo(() => ({ status, render }), [status, render]);
}
