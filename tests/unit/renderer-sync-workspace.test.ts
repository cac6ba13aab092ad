/** Closing an account workspace stops its sync before the store closes, then signs out. */
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceSync } from '../../renderer/session/sync/workspace-sync';
import type { SessionPort } from '../../renderer/session/session-port';
import { createWorkspaceController } from '../../renderer/session/workspace-controller';
import type { WorkstationDatabase } from '../../sync/schema/database';

const SESSION = { userId: '11111111-1111-4111-8111-111111111111', email: 'ana@example.com', serverUrl: 'http://127.0.0.1:54321', role: 'partner' as const };

describe('workspace controller with sync', () => {
  it('stops sync, then closes the database, then signs out', async () => {
    const order: string[] = [];
    const port: SessionPort = {
      restore: async () => SESSION,
      signIn: async () => SESSION,
      signOut: vi.fn(async () => void order.push('sign out')),
    };
    const sync = { stop: vi.fn(async () => void order.push('stop sync')) } as unknown as WorkspaceSync;
    const db = { close: vi.fn(async () => (order.push('close db'), true)) } as unknown as WorkstationDatabase;
    const controller = createWorkspaceController({
      port,
      memory: undefined,
      openDatabase: async () => ({ db, partnerId: SESSION.userId, sync }),
      setIdentity: () => undefined,
    });
    await controller.signIn({ email: SESSION.email, password: 'secret', serverUrl: SESSION.serverUrl });
    await vi.waitFor(() => expect(controller.store.getState().status).toBe('open'));
    const state = controller.store.getState();
    expect(state.status === 'open' && state.workspace.sync).toBe(sync);
    await controller.close({ signOut: true });
    expect(order).toEqual(['stop sync', 'close db', 'sign out']);
    expect(controller.store.getState().status).toBe('welcome');
  });
});
