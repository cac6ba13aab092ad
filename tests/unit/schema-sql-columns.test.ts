import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from 'rxdb';
import { COLLECTION_NAMES, WORKSTATION_COLLECTIONS } from '../../sync/schema/collections';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../sync/supabase/migrations');
const SERVER_ONLY_COLUMNS = new Set(['_modified', '_deleted']);

interface SqlColumn {
  type: string;
  notNull: boolean;
}

function sqlTables(): Map<string, { columns: Map<string, SqlColumn>; checks: Map<string, string[]> }> {
  const tables = new Map<string, { columns: Map<string, SqlColumn>; checks: Map<string, string[]> }>();
  if (!existsSync(MIGRATIONS_DIR)) return tables;
  const sql = readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => readFileSync(join(MIGRATIONS_DIR, file), 'utf8'))
    .join('\n');
  const createTable = /create table\s+(?:if not exists\s+)?(?:"?public"?\.)?"?(\w+)"?\s*\(([\s\S]*?)\n\);/gi;
  for (const [, table, body] of sql.matchAll(createTable)) {
    const columns = new Map<string, SqlColumn>();
    const checks = new Map<string, string[]>();
    for (const line of body!.split('\n')) {
      const column = /^\s*"?(\w+)"?\s+(text\[\]|double precision|\w+)(.*)$/i.exec(line);
      if (!column || /^(constraint|unique|primary|check|foreign)$/i.test(column[1]!)) continue;
      const rest = column[3]!.toLowerCase();
      columns.set(column[1]!, { type: column[2]!.toLowerCase(), notNull: rest.includes('not null') || rest.includes('primary key') });
    }
    for (const [, column, list] of body!.matchAll(/\(\s*"?(\w+)"?\s+in\s*\(([^)]*)\)/gi)) {
      checks.set(column!, [...list!.matchAll(/'([^']*)'/g)].map((match) => match[1]!));
    }
    tables.set(table!, { columns, checks });
  }
  // Later migrations extend tables: `alter table … add column …` and re-created check constraints.
  const alterTable = /alter table\s+(?:only\s+)?(?:"?public"?\.)?"?(\w+)"?\s+([\s\S]*?);/gi;
  for (const [, table, body] of sql.matchAll(alterTable)) {
    const entry = tables.get(table!);
    if (!entry) continue;
    for (const [, column, type, rest] of body!.matchAll(/add column\s+(?:if not exists\s+)?"?(\w+)"?\s+(text\[\]|double precision|\w+)([^,]*)/gi)) {
      const lower = rest!.toLowerCase();
      entry.columns.set(column!, { type: type!.toLowerCase(), notNull: lower.includes('not null') });
    }
    for (const [, column, list] of body!.matchAll(/\(\s*"?(\w+)"?\s+in\s*\(([^)]*)\)/gi)) {
      entry.checks.set(column!, [...list!.matchAll(/'([^']*)'/g)].map((match) => match[1]!));
    }
  }
  return tables;
}

const JSON_TYPES_FOR_SQL: Record<string, string[]> = {
  text: ['string'],
  uuid: ['string'],
  timestamptz: ['string'],
  date: ['string'],
  integer: ['integer'],
  bigint: ['integer', 'number'],
  'double precision': ['number'],
  boolean: ['boolean'],
  jsonb: ['object', 'array'],
  'text[]': ['array'],
};

const tables = sqlTables();

describe.runIf(tables.size > 0)('RxDB schemas match the SQL migrations', () => {
  it.each(COLLECTION_NAMES)('%s: same columns, types, nullability and allowed values', (name) => {
    const table = tables.get(name);
    expect(table, `create table ${name}`).toBeDefined();
    expect(table!.columns.has('_modified'), `${name} parsed with its sync columns`).toBe(true);
    const schema = WORKSTATION_COLLECTIONS[name].schema;
    const properties = schema.properties as Record<string, JsonSchema>;
    const required = new Set<string>(schema.required ?? []);

    for (const key of Object.keys(properties)) expect(table!.columns.has(key), `${name}.${key} is a SQL column`).toBe(true);
    for (const column of table!.columns.keys()) {
      if (!SERVER_ONLY_COLUMNS.has(column)) expect(properties[column], `SQL ${name}.${column} is in the RxDB schema`).toBeDefined();
    }

    for (const [key, property] of Object.entries(properties)) {
      const column = table!.columns.get(key)!;
      const types = (Array.isArray(property.type) ? property.type : [property.type]).filter((type) => type !== 'null');
      expect(JSON_TYPES_FOR_SQL[column.type], `${name}.${key}: SQL ${column.type}`).toEqual(expect.arrayContaining(types));
      expect(required.has(key), `${name}.${key} required ⇔ SQL not null`).toBe(column.notNull);
      const allowed = table!.checks.get(key);
      if (allowed) expect([...(property.enum ?? [])].filter((value) => value !== null).sort()).toEqual([...allowed].sort());
    }
  });
});

describe.runIf(tables.size > 0)('the SQL parser', () => {
  it('reads check-constraint value lists, including multi-line ones', () => {
    expect(tables.get('leads')?.checks.get('stage')).toEqual(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
    expect(tables.get('catalog')?.checks.get('kind')).toHaveLength(22);
    expect(tables.get('catalog')?.checks.get('kind')).toContain('promotion');
  });

  it('applies later alter table migrations: added columns and re-created checks', () => {
    expect(tables.get('earnings')?.columns.get('history')).toEqual({ type: 'jsonb', notNull: true });
    expect(tables.get('earnings')?.columns.get('lead_win')).toEqual({ type: 'integer', notNull: false });
    expect(tables.get('earnings')?.checks.get('status')).toEqual(['pending', 'processing', 'approved', 'paid', 'reversed']);
    expect(tables.get('profiles')?.columns.has('tax_details')).toBe(true);
  });
});

describe.runIf(tables.size === 0)('RxDB schemas match the SQL migrations', () => {
  it.skip('waits for sync/supabase/migrations/*.sql', () => {});
});
