import { describe, expect, it } from 'vitest';
import {
  CLIENT_FEATURES,
  clientsFrom,
  clientProjectsSchema,
  filterClients,
  parseClientProjects,
  referralStatusOf,
  sortClients,
  validateClientProjects,
  type ClientActivity,
  type ClientEarning,
  type ClientLead,
  type ClientProject,
} from '../../sync/domain/clients';
import { entitlement } from '../../sync/domain/entitlements';
import { parseTierRules } from '../../sync/domain/tiers';
import { catalogSeed } from '../../sync/server/db/seed-catalog';
import { routeForDeepLink, screenForPath } from '../../sync/domain/screens';

function lead(id: string, overrides: Partial<ClientLead> = {}): ClientLead {
  return {
    id,
    company: `Company ${id}`,
    contact_name: `Contact ${id}`,
    email: `${id}@example.test`,
    phone: null,
    stage: 'won',
    source: 'other',
    estimated_value: 1000,
    currency: 'EUR',
    notes: null,
    next_action: null,
    next_action_at: null,
    stage_changed_at: '2026-05-01T10:00:00.000Z',
    created_at: '2026-04-01T10:00:00.000Z',
    updated_at: null,
    ...overrides,
  };
}

function line(leadId: string | null, amount: number, currency = 'EUR', status: ClientEarning['status'] = 'approved'): ClientEarning {
  return { kind: 'commission', lead_id: leadId, amount, currency, status, created_at: '2026-05-02T10:00:00.000Z' };
}

const project: ClientProject = {
  id: 'p1',
  name: 'Client portal',
  status: 'in_progress',
  value: 12000,
  currency: 'EUR',
  started_at: '2026-05-03',
  delivered_at: null,
};

describe('clientProjectsSchema / parseClientProjects', () => {
  it('reads the JSON text admins store, and treats absent as no projects', () => {
    expect(parseClientProjects(JSON.stringify([project]))).toEqual({ ok: true, projects: [project] });
    expect(parseClientProjects(undefined)).toEqual({ ok: true, projects: [] });
    expect(parseClientProjects(null)).toEqual({ ok: true, projects: [] });
  });

  it('reports text that is not JSON or not the agreed shape instead of throwing', () => {
    expect(parseClientProjects('{nope').ok).toBe(false);
    expect(parseClientProjects(JSON.stringify([{ ...project, status: 'finished' }])).ok).toBe(false);
    expect(parseClientProjects(JSON.stringify({ projects: [] })).ok).toBe(false);
  });

  it('requires every field of the contract, nullable where agreed', () => {
    expect(clientProjectsSchema.safeParse([{ ...project, value: null, currency: null, started_at: null }]).success).toBe(true);
    const { delivered_at: _omitted, ...missing } = project;
    expect(clientProjectsSchema.safeParse([missing]).success).toBe(false);
  });
});

describe('clientsFrom', () => {
  it('makes clients of won leads only, with their commissions summed per currency', () => {
    const leads = [lead('a'), lead('b', { stage: 'proposal' }), lead('c', { client_projects: JSON.stringify([project]) })];
    const earnings = [
      line('a', 100),
      line('a', 50.1),
      line('a', 20, 'GBP', 'paid'),
      line('a', -30, 'EUR'),
      line('a', 999, 'EUR', 'reversed'),
      line('b', 500),
      line(null, 75),
      { ...line('a', 60), kind: 'payout' as const },
    ];
    const clients = clientsFrom(leads, earnings, []);
    expect(clients.map((client) => client.id).sort()).toEqual(['a', 'c']);
    const a = clients.find((client) => client.id === 'a');
    expect(a?.commissions).toEqual([
      { currency: 'EUR', amount: 120.1 },
      { currency: 'GBP', amount: 20 },
    ]);
    expect(a?.commissionsPaid).toEqual([{ currency: 'GBP', amount: 20 }]);
    expect(clients.find((client) => client.id === 'c')?.projects).toEqual([project]);
  });

  it('keeps a client whose projects cannot be read, with the problem to show', () => {
    const [client] = clientsFrom([lead('a', { client_projects: '[{"id":1}]' })], [], []);
    expect(client?.projects).toEqual([]);
    expect(client?.projectsProblem).toMatch(/not in a shape/);
  });

  it('finds the latest activity of each client', () => {
    const activities: ClientActivity[] = [
      { lead_id: 'a', kind: 'call', body: 'Old call', occurred_at: '2026-05-02T10:00:00.000Z' },
      { lead_id: 'a', kind: 'note', body: 'Newest note', occurred_at: '2026-05-09T10:00:00.000Z' },
      { lead_id: 'z', kind: 'note', body: 'Other lead', occurred_at: '2026-06-09T10:00:00.000Z' },
      { lead_id: null, kind: 'asset_download', body: null, occurred_at: '2026-06-10T10:00:00.000Z' },
    ];
    const [client] = clientsFrom([lead('a')], [], activities);
    expect(client?.lastActivityAt).toBe('2026-05-09T10:00:00.000Z');
    expect(client?.lastActivity?.body).toBe('Newest note');
  });

  it('shows the registration status when the lead has one', () => {
    expect(referralStatusOf({ registration_status: 'approved' })).toEqual({ kind: 'registration', status: 'approved', label: 'Registered' });
    expect(referralStatusOf({ registration_status: undefined }).kind).toBe('won');
    expect(referralStatusOf({ registration_status: 'weird' }).kind).toBe('won');
  });
});

describe('sorting and filtering', () => {
  const clients = clientsFrom(
    [
      lead('a', { company: 'Zeta GmbH', stage_changed_at: '2026-05-01T00:00:00.000Z' }),
      lead('b', { company: 'Álpha Ltd', stage_changed_at: '2026-06-01T00:00:00.000Z', client_projects: JSON.stringify([{ ...project, status: 'delivered' }]) }),
      lead('c', { company: 'Midway', stage_changed_at: '2026-04-01T00:00:00.000Z', client_projects: JSON.stringify([project]) }),
    ],
    [line('c', 900), line('a', 300)],
    [{ lead_id: 'a', kind: 'note', body: null, occurred_at: '2026-07-01T00:00:00.000Z' }],
  );

  it('sorts by win date, company, commission and activity', () => {
    expect(clients.map((client) => client.id)).toEqual(['b', 'a', 'c']);
    expect(sortClients(clients, 'company').map((client) => client.company)).toEqual(['Álpha Ltd', 'Midway', 'Zeta GmbH']);
    expect(sortClients(clients, 'commission').map((client) => client.id)).toEqual(['c', 'a', 'b']);
    expect(sortClients(clients, 'activity')[0]?.id).toBe('a');
  });

  it('filters by search (accents ignored) and by project state', () => {
    expect(filterClients(clients, { search: 'alpha' }).map((client) => client.id)).toEqual(['b']);
    expect(filterClients(clients, { search: 'portal' }).map((client) => client.id)).toEqual(['b', 'c']);
    expect(filterClients(clients, { projects: 'active' }).map((client) => client.id)).toEqual(['c']);
    expect(filterClients(clients, { projects: 'delivered' }).map((client) => client.id)).toEqual(['b']);
    expect(filterClients(clients, { projects: 'none' }).map((client) => client.id)).toEqual(['a']);
  });
});

describe('validateClientProjects', () => {
  it('accepts the agreed shape and refuses a value without a currency', () => {
    expect(validateClientProjects([project]).ok).toBe(true);
    const result = validateClientProjects([{ ...project, currency: null }]);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/"Client portal" has a value but no currency/) });
    expect(validateClientProjects([{ ...project, name: '' }]).ok).toBe(false);
  });
});

describe('CLIENT_FEATURES against the seeded tier rules', () => {
  const rules = parseTierRules(
    catalogSeed.filter((entry) => entry.kind === 'tier_rule').map((entry) => ({ id: entry.slug, kind: entry.kind, title: entry.title, body: entry.body, published: true })),
  ).rules;
  const allowed = (tier: 'starter' | 'active' | 'performer' | 'elite') =>
    Object.entries(CLIENT_FEATURES)
      .filter(([, feature]) => entitlement(rules, tier, feature).allowed)
      .map(([name]) => name);

  it('unlocks the list for Starter, pipeline for Active, follow-ups for Performer and the report for Elite', () => {
    expect(allowed('starter')).toEqual(['list']);
    expect(allowed('active')).toEqual(['list', 'pipeline']);
    expect(allowed('performer')).toEqual(['list', 'pipeline', 'followUps']);
    expect(allowed('elite')).toEqual(['list', 'pipeline', 'followUps', 'statusReport']);
  });
});

describe('the Clients screens', () => {
  it('are reachable by siso:// links and in-app paths, the detail by the lead id', () => {
    expect(routeForDeepLink(['clients'])).toEqual({ ok: true, route: '/clients' });
    expect(routeForDeepLink(['clients', 'lead-42'])).toEqual({ ok: true, route: '/clients/lead-42' });
    expect(screenForPath('/clients')?.id).toBe('clients');
    expect(screenForPath('/clients/lead-42')?.id).toBe('client');
  });
});
