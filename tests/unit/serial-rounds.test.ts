import { describe, expect, it } from 'vitest';
import { createSerialRounds } from '../../renderer/data/serial-rounds';

/** A round the test finishes by hand, recording what it saw when it started. */
function controlledRound(queue: string[], log: string[][]) {
  let finish: () => void = () => undefined;
  const started = () =>
    new Promise<number>((resolve) => {
      const seen = [...queue];
      log.push(seen);
      queue.splice(0);
      finish = () => resolve(seen.length);
    });
  return { started, finish: () => finish() };
}

describe('serial rounds', () => {
  it('runs one round per key at a time and picks up work kept mid-round in one follow-up', async () => {
    const rounds = createSerialRounds<number>();
    const queue = ['a'];
    const log: string[][] = [];
    const round = controlledRound(queue, log);

    const first = rounds('partner', round.started);
    queue.push('b');
    const second = rounds('partner', round.started);
    const third = rounds('partner', round.started);
    expect(third).toBe(second);
    expect(log).toEqual([['a']]);

    round.finish();
    await expect(first).resolves.toBe(1);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual([['a'], ['b']]);
    round.finish();
    await expect(second).resolves.toBe(1);

    // Idle again: the next call starts at once.
    queue.push('c');
    const fourth = rounds('partner', round.started);
    expect(log).toEqual([['a'], ['b'], ['c']]);
    round.finish();
    await expect(fourth).resolves.toBe(1);
  });

  it('keeps keys apart and starts the follow-up after a failed round', async () => {
    const rounds = createSerialRounds<string>();
    let fail: (error: Error) => void = () => undefined;
    const failing = rounds('a', () => new Promise<string>((_, reject) => (fail = reject)));
    const other = rounds('b', () => Promise.resolve('b done'));
    await expect(other).resolves.toBe('b done');
    const followUp = rounds('a', () => Promise.resolve('retried'));
    fail(new Error('offline'));
    await expect(failing).rejects.toThrow('offline');
    await expect(followUp).resolves.toBe('retried');
  });
});
