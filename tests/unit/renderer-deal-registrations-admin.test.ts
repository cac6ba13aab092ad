import { describe, expect, it } from 'vitest';
import { withConflicts } from '../../renderer/features/admin/partners/deal-registrations-admin';

const now = new Date('2026-12-01T12:00:00.000Z');
const row = (id: string, partner: string, fields: Record<string, string | null>) => ({
  id, partner_id: partner, company: `Company ${id}`, website: null, email: null, registration_requested_at: '2026-11-20T10:00:00.000Z',
  registration_status: null, registration_decided_at: null, registration_expires_at: null, registration_reason: null, ...fields,
}) as Parameters<typeof withConflicts>[0][number];

describe('admin deal registration conflicts', () => {
  it('flags other partners’ live registrations on a shared domain, naming them for the admin', () => {
    const names = new Map([['p1', 'Ana · Alpha'], ['p2', 'Ben · Beta'], ['p3', 'Cy · Gamma']]);
    const rows = withConflicts([
      row('a', 'p1', { website: 'https://www.north.example', registration_status: 'conflict', registration_decided_at: '2026-11-20T10:00:00.000Z' }),
      row('b', 'p2', { email: 'x@north.example', registration_status: 'approved', registration_decided_at: '2026-11-01T10:00:00.000Z', registration_expires_at: '2027-01-30T10:00:00.000Z' }),
      // Expired protection and the same partner's own leads are no conflict.
      row('c', 'p3', { website: 'north.example', registration_status: 'approved', registration_decided_at: '2026-08-01T10:00:00.000Z', registration_expires_at: '2026-11-01T10:00:00.000Z' }),
      row('d', 'p1', { website: 'north.example', registration_status: 'pending' }),
      row('e', 'p3', { email: 'someone@gmail.com', registration_status: 'pending' }),
    ], names, now);
    expect(rows.find((r) => r.leadId === 'a')?.conflicts).toEqual([{ partnerName: 'Ben · Beta', company: 'Company b', domain: 'north.example', status: 'approved' }]);
    expect(rows.find((r) => r.leadId === 'c')?.conflicts.map((c) => c.partnerName)).toEqual(['Ben · Beta', 'Ana · Alpha']);
    expect(rows.find((r) => r.leadId === 'e')).toMatchObject({ domains: [], conflicts: [] });
  });
});
