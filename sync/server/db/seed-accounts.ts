/** The demo accounts the seed creates, with fixed ids so tests and docs can refer to them. */
export type SeedTier = 'starter' | 'active' | 'performer' | 'elite';

export interface SeedUser {
  /** 'new' is a Starter partner who has not onboarded yet (no agreement accepted, no demo data). */
  key: 'admin' | SeedTier | 'new';
  id: string;
  email: string;
  role: 'admin' | 'partner';
  /** Partners only. */
  tier: SeedTier | null;
  displayName: string;
  company: string;
}

export const seedPassword = 'siso-demo-2026';

export const seedUsers = {
  admin: {
    key: 'admin',
    id: '00000000-0000-4000-8000-00000000ad01',
    email: 'admin@siso.test',
    role: 'admin',
    tier: null,
    displayName: 'Sam Okafor',
    company: 'SISO',
  },
  starter: {
    key: 'starter',
    id: '00000000-0000-4000-8000-000000000001',
    email: 'starter@siso.test',
    role: 'partner',
    tier: 'starter',
    displayName: 'Zoë O\'Brien',
    company: 'O\'Brien Digital',
  },
  active: {
    key: 'active',
    id: '00000000-0000-4000-8000-000000000002',
    email: 'active@siso.test',
    role: 'partner',
    tier: 'active',
    displayName: 'Łukasz Żółć',
    company: 'Żółć Consulting',
  },
  performer: {
    key: 'performer',
    id: '00000000-0000-4000-8000-000000000003',
    email: 'performer@siso.test',
    role: 'partner',
    tier: 'performer',
    displayName: 'Eleni Papadopoulou',
    company: 'Aegean Growth Partners',
  },
  elite: {
    key: 'elite',
    id: '00000000-0000-4000-8000-000000000004',
    email: 'elite@siso.test',
    role: 'partner',
    tier: 'elite',
    displayName: 'Marcus Lindqvist',
    company: 'Northlight Ventures',
  },
  new: {
    key: 'new',
    id: '00000000-0000-4000-8000-000000000005',
    email: 'new@siso.test',
    role: 'partner',
    tier: 'starter',
    displayName: 'Priya Raman',
    company: '',
  },
} as const satisfies Record<SeedUser['key'], SeedUser>;

export const seedPartners = [seedUsers.starter, seedUsers.active, seedUsers.performer, seedUsers.elite] as const;
