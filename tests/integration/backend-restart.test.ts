/** Data written through the backend survives closing it and starting again on the same data dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

const dirs: string[] = [];
const running: TestBackend[] = [];

afterAll(async () => {
  await Promise.all(running.map((b) => b.close()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

it('keeps leads, users and sessions across a restart on the same data dir', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siso-restart-'));
  dirs.push(dataDir);

  const first = await startTestBackend({ dataDir });
  running.push(first);
  const { client, session } = await first.signIn('performer');
  const written = await client.from('leads').insert({ id: 'persist-1', company: 'Persistent Ltd', stage: 'qualified' }).select('_modified').single();
  expect(written.error).toBeNull();
  const created = await first.serviceClient().auth.admin.createUser({ email: 'after.restart@siso.test', password: 'a-good-password', app_metadata: { role: 'partner' } });
  expect(created.error).toBeNull();
  const anonKey = first.anonKey;
  await first.close();

  const second = await startTestBackend({ dataDir });
  running.push(second);
  expect(second.anonKey).toBe(anonKey);

  const again = await second.signIn('performer');
  const lead = await again.client.from('leads').select('id, company, stage, _modified').eq('id', 'persist-1').single();
  expect(lead.data).toEqual({ id: 'persist-1', company: 'Persistent Ltd', stage: 'qualified', _modified: written.data?._modified });

  // The seed did not run twice, and the user created before the restart still signs in.
  const seeded = await again.client.from('partner_status').select('id');
  expect(seeded.data?.length).toBe(1);
  const newcomer = await second.anonClient().auth.signInWithPassword({ email: 'after.restart@siso.test', password: 'a-good-password' });
  expect(newcomer.error).toBeNull();

  // A refresh token issued before the restart still rotates.
  const refreshed = await second.anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
  expect(refreshed.error).toBeNull();

  // A later write gets a larger _modified: the pull order continues across restarts.
  const later = await again.client.from('leads').update({ stage: 'proposal' }).eq('id', 'persist-1').select('_modified').single();
  expect(later.data?._modified).toBeGreaterThan(written.data?._modified ?? Infinity);
});
