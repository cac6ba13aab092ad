import { describe, expect, it, vi } from 'vitest';
import { createConflictHandler, resolveConflict, sameContent } from '../../sync/replication/conflicts';

const base = { id: 'l1', company: 'Acme', stage: 'new', estimated_value: 1000, notes: '', _deleted: false, _modified: 10 };

describe('field-merge conflicts', () => {
  it('keeps edits to different fields from both sides', () => {
    const local = { ...base, stage: 'contacted' };
    const server = { ...base, estimated_value: 2500, _modified: 11 };
    const { resolved, overwritten } = resolveConflict('field-merge', { assumedMasterState: base, realMasterState: server, newDocumentState: local });
    expect(resolved).toMatchObject({ stage: 'contacted', estimated_value: 2500, _modified: 11 });
    expect(overwritten).toBeUndefined();
  });

  it('lets the server win a field both changed and reports the lost local value', () => {
    const local = { ...base, stage: 'qualified', notes: 'called twice' };
    const server = { ...base, stage: 'lost', _modified: 12 };
    const { resolved, overwritten } = resolveConflict('field-merge', { assumedMasterState: base, realMasterState: server, newDocumentState: local });
    expect(resolved).toMatchObject({ stage: 'lost', notes: 'called twice' });
    expect(overwritten?.lostFields).toEqual({ stage: 'qualified' });
    expect(overwritten?.docId).toBe('l1');
  });

  it('falls back to the server version when there is no common base (both inserted the same id)', () => {
    const { resolved, overwritten } = resolveConflict('field-merge', { realMasterState: { ...base, company: 'Server Co' }, newDocumentState: { ...base, company: 'Local Co' } });
    expect(resolved.company).toBe('Server Co');
    expect(overwritten?.lostFields).toEqual({ company: 'Local Co' });
  });
});

describe('server-wins conflicts', () => {
  it('keeps the server document and reports the whole local version', () => {
    const local = { ...base, notes: 'mine' };
    const server = { ...base, stage: 'won' };
    const { resolved, overwritten } = resolveConflict('server-wins', { assumedMasterState: base, realMasterState: server, newDocumentState: local });
    expect(resolved).toBe(server);
    expect(overwritten?.localState).toBe(local);
    expect(Object.keys(overwritten?.lostFields ?? {}).sort()).toEqual(['notes', 'stage']);
  });
});

describe('conflict handler for RxDB', () => {
  it('ignores the server change stamp when comparing', () => {
    expect(sameContent({ ...base, _modified: 1 }, { ...base, _modified: 2 })).toBe(true);
    expect(sameContent({ ...base, notes: null as unknown as string }, { ...base, notes: undefined as unknown as string })).toBe(true);
    expect(sameContent(base, { ...base, stage: 'won' })).toBe(false);
  });

  it('reports overwritten edits through the callback', async () => {
    const onOverwritten = vi.fn();
    const handler = createConflictHandler<typeof base>('server-wins', onOverwritten);
    const result = await handler.resolve({ assumedMasterState: base, realMasterState: { ...base, stage: 'won' }, newDocumentState: { ...base, stage: 'lost' } }, 'test');
    expect(result.stage).toBe('won');
    expect(onOverwritten).toHaveBeenCalledWith(expect.objectContaining({ docId: 'l1', lostFields: { stage: 'lost' } }));
    expect(handler.isEqual(base, { ...base, _modified: 99 }, 'test')).toBe(true);
  });
});
