import { describe, expect, it } from 'vitest';
import { RenderRequests } from '../../renderer/features/proposals/render-requests';

/** Opens a request and exposes how it settled. */
function track(requests: RenderRequests, caller: object) {
  const settled: { value?: Uint8Array | null; error?: Error } = {};
  const id = requests.open(
    caller,
    (pdf) => (settled.value = pdf),
    (error) => (settled.error = error),
  );
  return { id, settled };
}

const pdf = (byte: number) => ({ ok: true as const, pdf: Uint8Array.of(byte) });

describe('RenderRequests', () => {
  it('gives a caller its newest result and null for the requests it replaced', () => {
    const requests = new RenderRequests();
    const screen = {};
    const older = track(requests, screen);
    const newer = track(requests, screen);
    requests.settle(older.id, pdf(1));
    requests.settle(newer.id, pdf(2));
    expect(older.settled.value).toBeNull();
    expect(newer.settled.value).toEqual(Uint8Array.of(2));
    expect(requests.size).toBe(0);
  });

  it('does not let one screen’s request supersede another screen’s', () => {
    const requests = new RenderRequests();
    const wizard = {};
    const present = {};
    const fromWizard = track(requests, wizard);
    const fromPresent = track(requests, present);
    requests.settle(fromWizard.id, pdf(1));
    requests.settle(fromPresent.id, pdf(2));
    expect(fromWizard.settled.value).toEqual(Uint8Array.of(1));
    expect(fromPresent.settled.value).toEqual(Uint8Array.of(2));
  });

  it('rejects the newest request with the worker’s message, and only it', () => {
    const requests = new RenderRequests();
    const screen = {};
    const older = track(requests, screen);
    const newer = track(requests, screen);
    requests.settle(older.id, { ok: false, message: 'old failure' });
    requests.settle(newer.id, { ok: false, message: 'The template is broken.' });
    expect(older.settled).toEqual({ value: null });
    expect(newer.settled.error?.message).toBe('The template is broken.');
  });

  it('settles a closed screen’s requests with null and leaves the other screen’s running', () => {
    const requests = new RenderRequests();
    const closing = {};
    const staying = {};
    const gone = track(requests, closing);
    const kept = track(requests, staying);
    requests.release(closing);
    expect(gone.settled).toEqual({ value: null });
    expect(kept.settled).toEqual({});
    // The worker's late answer for the closed screen is ignored.
    requests.settle(gone.id, pdf(9));
    expect(gone.settled).toEqual({ value: null });
    requests.settle(kept.id, pdf(3));
    expect(kept.settled.value).toEqual(Uint8Array.of(3));
  });

  it('fails every request in flight when the worker stops', () => {
    const requests = new RenderRequests();
    const first = track(requests, {});
    const second = track(requests, {});
    requests.failAll(new Error('The proposal renderer stopped.'));
    expect(first.settled.error?.message).toBe('The proposal renderer stopped.');
    expect(second.settled.error?.message).toBe('The proposal renderer stopped.');
    expect(requests.size).toBe(0);
  });
});
