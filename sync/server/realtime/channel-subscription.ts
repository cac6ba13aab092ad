/** A joined channel's postgres_changes bindings and whose claims they are evaluated with. */
import type { JwtClaims } from '../auth/jwt';
import type { RowFilter } from './subscription-filter';

export type ChangeEvent = 'INSERT' | 'UPDATE' | 'DELETE';

export interface ChangeBinding {
  /** The id the client matches incoming changes against. */
  id: number;
  event: '*' | ChangeEvent;
  schema: string;
  /** Absent or '*' = every table of the schema. */
  table?: string;
  filter?: RowFilter;
}

export interface ChannelSubscription {
  topic: string;
  claims: JwtClaims;
  bindings: ChangeBinding[];
  /** Sends a server push on this channel. */
  push(event: string, payload: Record<string, unknown>): void;
  /** Ends the channel from the server side, telling the client why. */
  expire(message: string): void;
}

export function bindingMatches(binding: ChangeBinding, schema: string, table: string, type: ChangeEvent): boolean {
  if (binding.event !== '*' && binding.event !== type) return false;
  if (binding.schema !== '*' && binding.schema !== schema) return false;
  return binding.table === undefined || binding.table === '*' || binding.table === table;
}

export function claimsExpired(claims: JwtClaims, nowSeconds = Date.now() / 1000): boolean {
  return typeof claims.exp === 'number' && claims.exp <= nowSeconds;
}
