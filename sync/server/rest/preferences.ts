/** The request headers that shape a PostgREST response: Prefer, Accept, Range and the profiles. */
import type { IncomingMessage } from 'node:http';
import { restError } from './errors';

export interface Preferences {
  return: 'minimal' | 'representation' | 'headers-only';
  count: boolean;
  resolution?: 'merge' | 'ignore' | undefined;
  missingDefault: boolean;
}

function headerText(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

export function parsePrefer(req: IncomingMessage): Preferences {
  const prefs: Preferences = { return: 'minimal', count: false, missingDefault: false };
  for (const part of headerText(req, 'prefer').split(',')) {
    const [key, value] = part.trim().split('=').map((s) => s.trim());
    if (key === 'return' && (value === 'minimal' || value === 'representation' || value === 'headers-only')) prefs.return = value;
    else if (key === 'count' && value === 'exact') prefs.count = true;
    else if (key === 'count' && (value === 'planned' || value === 'estimated')) prefs.count = true;
    else if (key === 'resolution' && value === 'merge-duplicates') prefs.resolution = 'merge';
    else if (key === 'resolution' && value === 'ignore-duplicates') prefs.resolution = 'ignore';
    else if (key === 'missing' && value === 'default') prefs.missingDefault = true;
  }
  return prefs;
}

/** `true` when a single JSON object was asked for; 406 for media types this backend cannot give. */
export function wantsSingleObject(req: IncomingMessage): boolean {
  const accept = headerText(req, 'accept').trim();
  if (accept === '') return false;
  const types = accept.split(',').map((t) => (t.split(';')[0] ?? '').trim().toLowerCase());
  if (types.includes('application/vnd.pgrst.object+json') || types.includes('application/vnd.pgrst.object')) return true;
  const arrayTypes = ['*/*', 'application/*', 'application/json', 'application/vnd.pgrst.array+json', 'application/vnd.pgrst.array'];
  if (types.some((t) => arrayTypes.includes(t))) return false;
  throw restError(406, 'PGRST107', `None of these media types are available: ${accept}`);
}

/** Schema requested by Accept-Profile/Content-Profile; only `public` is exposed. */
export function checkProfile(req: IncomingMessage): void {
  for (const header of ['accept-profile', 'content-profile']) {
    const schema = headerText(req, header).trim();
    if (schema !== '' && schema !== 'public') throw restError(406, 'PGRST106', 'The schema must be one of the following: public', `Requested schema: ${schema}`);
  }
}

/** `Range: 0-9` (items) as offset and limit. */
export function parseRange(req: IncomingMessage): { offset: number; limit?: number } | undefined {
  const range = headerText(req, 'range').trim();
  if (range === '') return undefined;
  const match = /^(?:items=)?(\d{1,9})-(\d{0,9})$/.exec(range);
  if (!match) throw restError(416, 'PGRST103', 'Requested range not satisfiable', `Could not parse Range "${range}"`);
  const from = Number(match[1]);
  if (match[2] === '' || match[2] === undefined) return { offset: from };
  const to = Number(match[2]);
  if (to < from) throw restError(416, 'PGRST103', 'Requested range not satisfiable', `Range end ${to} is before its start ${from}`);
  return { offset: from, limit: to - from + 1 };
}
