import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { createLiveQueryStore, whenFirstDataShown } from '../../renderer/data/live-query';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('whenFirstDataShown', () => {
  it('resolves only once every live read the first screen opened has delivered or failed', async () => {
    const leads = new Subject<string[]>();
    const earnings = new Subject<number[]>();
    const notYetSubscribed = createLiveQueryStore(new Subject<string[]>(), []);
    createLiveQueryStore(leads, []).subscribe(() => undefined);
    createLiveQueryStore(earnings, []).subscribe(() => undefined);
    const waitingStore = createLiveQueryStore(null, []);
    waitingStore.subscribe(() => undefined);

    expect(await settled(whenFirstDataShown())).toBe(false);
    leads.next(['Acme']);
    expect(await settled(whenFirstDataShown())).toBe(false);
    earnings.error(new Error('storage closed'));
    expect(await settled(whenFirstDataShown())).toBe(true);
    expect(notYetSubscribed.getSnapshot().loading).toBe(true);
  });
});
