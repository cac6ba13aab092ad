/**
 * Client projects on the server: a partner cannot write client_projects on their own lead (the
 * guard keeps the old value), admin_set_client_projects is for admins only, refuses a list that
 * is not the agreed shape or a lead that is not won, and the projects it sets reach the partner's
 * device through replication, where clientProjectsSchema reads them.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, newLead, startClient, type WorkstationClient } from '../fixtures/sync-clients';
import { clientsFrom, parseClientProjects, type ClientProject } from '../../sync/domain/clients';

let backend: TestBackend;
let partner: SupabaseClient;
let other: SupabaseClient;
let admin: SupabaseClient;
let partnerId: string;
let device: WorkstationClient | null = null;

const project: ClientProject = {
  id: 'project-1',
  name: 'Client portal',
  status: 'in_progress',
  value: 18000,
  currency: 'GBP',
  started_at: '2026-11-02',
  delivered_at: null,
};

beforeAll(async () => {
  backend = await startTestBackend();
  ({ client: partner, userId: partnerId } = await backend.signIn('active'));
  other = (await backend.signIn('performer')).client;
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  await device?.close();
  await backend?.close();
});

async function wonLead(fields: Record<string, unknown> = {}): Promise<string> {
  const id = `client-${randomUUID().slice(0, 8)}`;
  const { error } = await partner.from('leads').insert({ ...newLead(partnerId, id), stage: 'won', stage_changed_at: '2026-11-01T10:00:00.000Z', ...fields });
  expect(error).toBeNull();
  return id;
}

async function storedProjects(id: string): Promise<string | null> {
  const { data, error } = await admin.from('leads').select('client_projects').eq('id', id).single();
  if (error) throw new Error(error.message);
  return (data as { client_projects: string | null }).client_projects;
}

describe('who writes client projects', () => {
  it('ignores client_projects a partner sends on their own lead, on insert and on update', async () => {
    const id = await wonLead({ client_projects: JSON.stringify([project]) });
    expect(await storedProjects(id)).toBeNull();
    const update = await partner.from('leads').update({ client_projects: JSON.stringify([project]), notes: 'Still a client' }).eq('id', id);
    expect(update.error).toBeNull();
    expect(await storedProjects(id)).toBeNull();
  });

  it('refuses admin_set_client_projects to a partner, even on their own lead', async () => {
    const id = await wonLead();
    const { error } = await partner.rpc('admin_set_client_projects', { lead_id: id, projects: [project] });
    expect(error?.code).toBe('42501');
    expect(await storedProjects(id)).toBeNull();
  });

  it('sets the projects when an admin calls it, and refuses a malformed list or a lead not won', async () => {
    const id = await wonLead();
    const saved = await admin.rpc('admin_set_client_projects', { lead_id: id, projects: [project] });
    expect(saved.error).toBeNull();
    expect(parseClientProjects(await storedProjects(id))).toEqual({ ok: true, projects: [project] });

    const badStatus = await admin.rpc('admin_set_client_projects', { lead_id: id, projects: [{ ...project, status: 'finished' }] });
    expect(badStatus.error?.message).toMatch(/unknown status/);
    const badCurrency = await admin.rpc('admin_set_client_projects', { lead_id: id, projects: [{ ...project, currency: 'pounds' }] });
    expect(badCurrency.error?.message).toMatch(/currency/);
    const { delivered_at: _missing, ...incomplete } = project;
    expect((await admin.rpc('admin_set_client_projects', { lead_id: id, projects: [incomplete] })).error).not.toBeNull();
    expect(parseClientProjects(await storedProjects(id))).toEqual({ ok: true, projects: [project] });

    const open = `open-${randomUUID().slice(0, 8)}`;
    expect((await partner.from('leads').insert(newLead(partnerId, open))).error).toBeNull();
    const notWon = await admin.rpc('admin_set_client_projects', { lead_id: open, projects: [project] });
    expect(notWon.error?.message).toMatch(/Only won leads are clients/);
  });

  it('keeps another partner from reading the client', async () => {
    const id = await wonLead();
    const { data, error } = await other.from('leads').select('id').eq('id', id);
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe('the partner pulls the projects', () => {
  it('replicates the admin-set projects to the partner’s device as a client with those projects', async () => {
    const id = await wonLead({ company: 'Pulled Projects Ltd' });
    device = await startClient(backend, { account: 'active', dbName: `client-projects-${randomUUID().slice(0, 8)}`, collections: ['leads', 'activities'] });
    await eventually(async () => (await device?.db.leads.findOne(id).exec()) ?? null, 'the won lead on the device');
    expect((await admin.rpc('admin_set_client_projects', { lead_id: id, projects: [project] })).error).toBeNull();
    const local = await eventually(async () => {
      const doc = await device?.db.leads.findOne(id).exec();
      return doc?.client_projects ? doc.toMutableJSON() : null;
    }, 'the projects on the device');
    const [client] = clientsFrom([local], [], []);
    expect(client).toMatchObject({ company: 'Pulled Projects Ltd', projects: [project], projectsProblem: null });
  });
});
