/** Users in `auth.users`, read and written as the owner role, and their gotrue JSON shape. */
import { z } from 'zod';
import type { SqlExecutor } from '../db/engine';

const userRow = z.object({
  id: z.string(),
  email: z.string().nullable(),
  encrypted_password: z.string().nullable(),
  raw_app_meta_data: z.record(z.string(), z.unknown()).nullable(),
  raw_user_meta_data: z.record(z.string(), z.unknown()).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  last_sign_in_at: z.string().nullable(),
  banned_until: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

const userColumns = `"id"::text as id, "email", "encrypted_password", "raw_app_meta_data", "raw_user_meta_data",
  "created_at"::text as created_at, "updated_at"::text as updated_at, "last_sign_in_at"::text as last_sign_in_at, "banned_until"::text as banned_until`;

function toIso(text: string | null): string | null {
  if (text === null) return null;
  const date = new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

function parseUser(row: unknown): UserRow {
  const parsed = userRow.parse(row);
  return {
    ...parsed,
    created_at: toIso(parsed.created_at) ?? parsed.created_at,
    updated_at: toIso(parsed.updated_at) ?? parsed.updated_at,
    last_sign_in_at: toIso(parsed.last_sign_in_at),
    banned_until: toIso(parsed.banned_until),
  };
}

export async function findUserByEmail(tx: SqlExecutor, email: string): Promise<UserRow | undefined> {
  const result = await tx.query(`select ${userColumns} from "auth"."users" where lower("email") = lower($1)`, [email]);
  return result.rows[0] ? parseUser(result.rows[0]) : undefined;
}

export async function findUserById(tx: SqlExecutor, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const result = await tx.query(`select ${userColumns} from "auth"."users" where "id" = $1::uuid`, [id]);
  return result.rows[0] ? parseUser(result.rows[0]) : undefined;
}

export async function listUsers(tx: SqlExecutor, page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
  const result = await tx.query(`select ${userColumns} from "auth"."users" order by "created_at", "id" limit $1 offset $2`, [perPage, (page - 1) * perPage]);
  const total = await tx.query<{ total: number }>(`select count(*)::int as total from "auth"."users"`);
  return { users: result.rows.map(parseUser), total: Number(total.rows[0]?.total ?? 0) };
}

export interface NewUser {
  email: string;
  encryptedPassword: string | null;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
}

export async function insertUser(tx: SqlExecutor, user: NewUser): Promise<UserRow> {
  const result = await tx.query(
    `insert into "auth"."users" ("email", "encrypted_password", "raw_app_meta_data", "raw_user_meta_data")
     values ($1, $2, $3::jsonb, $4::jsonb) returning ${userColumns}`,
    [user.email, user.encryptedPassword, JSON.stringify(user.appMetadata), JSON.stringify(user.userMetadata)],
  );
  return parseUser(result.rows[0]);
}

export interface UserChanges {
  email?: string | undefined;
  encryptedPassword?: string | undefined;
  userMetadata?: Record<string, unknown> | undefined;
  appMetadata?: Record<string, unknown> | undefined;
}

export async function updateUser(tx: SqlExecutor, id: string, changes: UserChanges): Promise<UserRow> {
  const result = await tx.query(
    `update "auth"."users" set
       "email" = coalesce($2, "email"),
       "encrypted_password" = coalesce($3, "encrypted_password"),
       "raw_user_meta_data" = "raw_user_meta_data" || coalesce($4::jsonb, '{}'::jsonb),
       "raw_app_meta_data" = "raw_app_meta_data" || coalesce($5::jsonb, '{}'::jsonb),
       "updated_at" = now()
     where "id" = $1::uuid returning ${userColumns}`,
    [
      id,
      changes.email ?? null,
      changes.encryptedPassword ?? null,
      changes.userMetadata ? JSON.stringify(changes.userMetadata) : null,
      changes.appMetadata ? JSON.stringify(changes.appMetadata) : null,
    ],
  );
  return parseUser(result.rows[0]);
}

export async function touchLastSignIn(tx: SqlExecutor, id: string): Promise<void> {
  await tx.query(`update "auth"."users" set "last_sign_in_at" = now() where "id" = $1::uuid`, [id]);
}

export async function deleteUser(tx: SqlExecutor, id: string): Promise<boolean> {
  const result = await tx.query(`delete from "auth"."users" where "id" = $1::uuid`, [id]);
  return result.affectedRows > 0;
}

export function appMetadataOf(user: UserRow): Record<string, unknown> {
  return { provider: 'email', providers: ['email'], ...(user.raw_app_meta_data ?? {}) };
}

/** The user object gotrue returns (and auth-js's `User` type expects). */
export function userJson(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email ?? '',
    email_confirmed_at: user.created_at,
    phone: '',
    confirmed_at: user.created_at,
    last_sign_in_at: user.last_sign_in_at,
    app_metadata: appMetadataOf(user),
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: user.created_at,
    updated_at: user.updated_at,
    banned_until: user.banned_until,
    is_anonymous: false,
  };
}

export function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && new Date(user.banned_until).getTime() > Date.now();
}
