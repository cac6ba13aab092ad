/**
 * Migration strategies per collection. Every schema is at version 0, so each map is empty; when a
 * schema goes to version N, add `N: (oldDoc) => newDoc` here (and ship the matching SQL migration
 * in the same change, see conventions.md). RxDB runs them on open, before any query.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from './collections';

export type WorkstationMigrationStrategies = { readonly [N in CollectionName]: MigrationStrategies };

export const WORKSTATION_MIGRATION_STRATEGIES: WorkstationMigrationStrategies = {
  profiles: {},
  leads: {},
  activities: {},
  referral_links: {},
  tickets: {},
  ticket_messages: {},
  training_progress: {},
  notifications: {},
  partner_status: {},
  catalog: {},
  earnings: {},
  link_clicks: {},
};

/** The versions a schema at `schemaVersion` needs strategies for that `strategies` lacks. */
export function missingMigrationVersions(schemaVersion: number, strategies: MigrationStrategies): number[] {
  const missing: number[] = [];
  for (let version = 1; version <= schemaVersion; version += 1) {
    if (typeof strategies[version] !== 'function') missing.push(version);
  }
  return missing;
}
