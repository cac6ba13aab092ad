import { describe, expect, it } from 'vitest';
import { conflictStrategyFor, createOverwrittenLog, sameContent } from '../../sync/replication/conflicts';

describe('overwritten log', () => {
  it('owns per-collection conflict handlers and lists what a conflict overwrote', async () => {
    const log = createOverwrittenLog();
    const heard: string[] = [];
    const stop = log.onOverwritten((record) => heard.push(`${record.collection}:${record.docId}`));
    const base = { id: 'l1', company: 'Acme', notes: 'a', stage: 'new', _deleted: false };
    const resolved = await log.conflictHandlers.leads!.resolve(
      {
        assumedMasterState: base as never,
        realMasterState: { ...base, notes: 'server' } as never,
        newDocumentState: { ...base, notes: 'mine', stage: 'qualified' } as never,
      },
      'test',
    );
    expect(resolved).toMatchObject({ notes: 'server', stage: 'qualified' });
    expect(log.list()).toEqual([expect.objectContaining({ collection: 'leads', docId: 'l1', lostFields: { notes: 'mine' } })]);
    expect(heard).toEqual(['leads:l1']);
    stop();
    log.dismiss(log.list()[0]!.id);
    expect(log.list()).toEqual([]);
    expect(conflictStrategyFor('profiles')).toBe('field-merge');
    expect(conflictStrategyFor('tickets')).toBe('server-wins');
  });

  it("treats the server's timestamp rendering of the same instant as equal content", () => {
    expect(sameContent({ id: 'a', created_at: '2026-03-01T10:00:00.000Z' }, { id: 'a', created_at: '2026-03-01T10:00:00+00:00' })).toBe(true);
    expect(sameContent({ id: 'a', created_at: '2026-03-01T10:00:00.000Z' }, { id: 'a', created_at: '2026-03-01T10:00:01+00:00' })).toBe(false);
  });
});
