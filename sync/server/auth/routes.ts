/**
 * `/auth/v1`: the part of gotrue supabase-js uses here — password sign-in, refresh with rotation,
 * the current user, sign-out, and admin user management with the service_role key.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { SqlExecutor } from '../db/engine';
import { HttpError, readBody, sendJson } from '../http/respond';
import { bearerToken } from './request-auth';
import { verifyJwt, type JwtClaims } from './jwt';
import { authApiVersion, authError } from './auth-errors';
import { hashPassword, verifyPassword } from './passwords';
import { endSessions, refreshSession, sessionIsActive, startSession, type TokenSettings } from './sessions';
import { deleteUser, findUserByEmail, findUserById, insertUser, isBanned, listUsers, touchLastSignIn, updateUser, userJson } from './user-store';

export interface AuthOptions {
  accessTokenTtlSeconds: number;
}

const authBodyLimitBytes = 1024 * 1024;
const metadata = z.record(z.string(), z.unknown());
const passwordGrant = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const refreshGrant = z.object({ refresh_token: z.string().min(1).max(512) });
const userUpdate = z.object({ email: z.string().email().optional(), password: z.string().min(6).max(1024).optional(), data: metadata.optional() });
const adminCreate = z.object({
  email: z.string().email(),
  password: z.string().min(6).max(1024).optional(),
  email_confirm: z.boolean().optional(),
  app_metadata: metadata.optional(),
  user_metadata: metadata.optional(),
});
const adminUpdate = z.object({
  email: z.string().email().optional(),
  password: z.string().min(6).max(1024).optional(),
  app_metadata: metadata.optional(),
  user_metadata: metadata.optional(),
});
const logoutScope = z.enum(['global', 'local', 'others']);

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') throw authError(415, 'bad_json', 'Send the request body as application/json');
  const raw = await readBody(req, authBodyLimitBytes);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw authError(400, 'bad_json', 'Could not parse request body as JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw authError(400, 'validation_failed', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Any request needs a valid project key or user token, as through Supabase's gateway. */
async function callerClaims(req: IncomingMessage, secret: string): Promise<JwtClaims> {
  const token = bearerToken(req);
  if (!token) throw authError(401, 'no_authorization', 'No API key found in request');
  const result = await verifyJwt(token, secret);
  if (!result.ok) throw authError(401, 'bad_jwt', result.reason === 'expired' ? 'invalid JWT: token is expired' : 'invalid JWT: unable to parse or verify signature');
  return result.claims;
}

async function userClaims(tx: SqlExecutor, claims: JwtClaims): Promise<JwtClaims & { sub: string }> {
  if (claims.role !== 'authenticated' || !claims.sub) throw authError(401, 'no_authorization', 'This endpoint requires a Bearer token of a signed-in user');
  if (claims.session_id !== undefined && !(await sessionIsActive(tx, claims.session_id))) {
    throw authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { ...claims, sub: claims.sub };
}

function requireServiceRole(claims: JwtClaims): void {
  if (claims.role !== 'service_role') throw authError(403, 'not_admin', 'User not allowed');
}

function positiveInt(text: string | null, fallback: number, max: number): number {
  if (text === null || text === '') return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw authError(400, 'validation_failed', `Expected a positive integer, got "${text}"`);
  return Math.min(Number(text), max);
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

async function route(ctx: ServerContext, options: AuthOptions, req: IncomingMessage, path: string, url: URL): Promise<Reply> {
  const settings: TokenSettings = { jwtSecret: ctx.jwtSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds, issuer: `${ctx.publicUrl}/auth/v1` };
  const method = req.method ?? 'GET';
  const claims = await callerClaims(req, ctx.jwtSecret);
  const engine = ctx.engine;

  if (path === '/health' || path === '/settings') {
    return { status: 200, body: path === '/health' ? { name: 'GoTrue', version: 'siso-local' } : { external: { email: true }, disable_signup: true, mailer_autoconfirm: true } };
  }

  if (path === '/token' && method === 'POST') {
    const grant = url.searchParams.get('grant_type');
    if (grant === 'password') {
      const body = await readJson(req, passwordGrant);
      const user = await engine.transaction((tx) => findUserByEmail(tx, body.email));
      // Always run the hash check so an unknown email costs as much time as a wrong password.
      const valid = await verifyPassword(body.password, user?.encrypted_password ?? 'scrypt$16384$8$1$AAAA$AAAA').catch(() => false);
      if (!user || !user.encrypted_password || !valid) throw authError(400, 'invalid_credentials', 'Invalid login credentials');
      if (isBanned(user)) throw authError(400, 'user_banned', 'User is banned');
      return {
        status: 200,
        body: await engine.transaction(async (tx) => {
          await touchLastSignIn(tx, user.id);
          const fresh = (await findUserById(tx, user.id)) ?? user;
          return startSession(tx, fresh, settings);
        }),
      };
    }
    if (grant === 'refresh_token') {
      const body = await readJson(req, refreshGrant);
      // The rotation must commit even when reuse is detected, so the revocation sticks.
      const outcome = await engine.transaction(async (tx) => {
        try {
          return { ok: true as const, session: await refreshSession(tx, body.refresh_token, settings) };
        } catch (error) {
          if (error instanceof HttpError) return { ok: false as const, error };
          throw error;
        }
      });
      if (!outcome.ok) throw outcome.error;
      return { status: 200, body: outcome.session };
    }
    throw authError(400, 'unsupported_grant_type', `Unsupported grant_type "${grant ?? ''}"; use password or refresh_token`);
  }

  if (path === '/user' && method === 'GET') {
    return engine.transaction(async (tx) => {
      const caller = await userClaims(tx, claims);
      const user = await findUserById(tx, caller.sub);
      if (!user) throw authError(404, 'user_not_found', 'User from sub claim in JWT does not exist');
      return { status: 200, body: userJson(user) };
    });
  }

  if (path === '/user' && method === 'PUT') {
    const body = await readJson(req, userUpdate);
    const encryptedPassword = body.password ? await hashPassword(body.password) : undefined;
    return engine.transaction(async (tx) => {
      const caller = await userClaims(tx, claims);
      const owner = body.email ? await findUserByEmail(tx, body.email) : undefined;
      if (owner && owner.id !== caller.sub) throw authError(422, 'email_exists', 'A user with this email address has already been registered');
      const user = await updateUser(tx, caller.sub, { email: body.email, encryptedPassword, userMetadata: body.data });
      return { status: 200, body: userJson(user) };
    });
  }

  if (path === '/logout' && method === 'POST') {
    const scope = logoutScope.safeParse(url.searchParams.get('scope') ?? 'global');
    if (!scope.success) throw authError(400, 'validation_failed', 'scope must be global, local or others');
    await engine.transaction(async (tx) => {
      const caller = await userClaims(tx, claims);
      await endSessions(tx, caller.sub, caller.session_id, scope.data);
    });
    return { status: 204 };
  }

  if (path === '/admin/users' && method === 'POST') {
    requireServiceRole(claims);
    const body = await readJson(req, adminCreate);
    const encryptedPassword = body.password ? await hashPassword(body.password) : null;
    return engine.transaction(async (tx) => {
      if (await findUserByEmail(tx, body.email)) throw authError(422, 'email_exists', 'A user with this email address has already been registered');
      const user = await insertUser(tx, { email: body.email, encryptedPassword, appMetadata: body.app_metadata ?? {}, userMetadata: body.user_metadata ?? {} });
      return { status: 200, body: userJson(user) };
    });
  }

  if (path === '/admin/users' && method === 'GET') {
    requireServiceRole(claims);
    const page = positiveInt(url.searchParams.get('page'), 1, 100000);
    const perPage = positiveInt(url.searchParams.get('per_page'), 50, 1000);
    const { users, total } = await engine.transaction((tx) => listUsers(tx, page, perPage));
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const base = `${ctx.publicUrl}/auth/v1/admin/users?per_page=${perPage}`;
    const links = [`<${base}&page=${lastPage}>; rel="last"`];
    if (page < lastPage) links.unshift(`<${base}&page=${page + 1}>; rel="next"`);
    return { status: 200, body: { users: users.map(userJson), aud: 'authenticated' }, headers: { 'x-total-count': String(total), link: links.join(', ') } };
  }

  const adminUser = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (adminUser) {
    requireServiceRole(claims);
    const id = decodeURIComponent(adminUser[1] as string);
    if (method === 'GET') {
      const user = await engine.transaction((tx) => findUserById(tx, id));
      if (!user) throw authError(404, 'user_not_found', 'User not found');
      return { status: 200, body: userJson(user) };
    }
    if (method === 'PUT') {
      const body = await readJson(req, adminUpdate);
      const encryptedPassword = body.password ? await hashPassword(body.password) : undefined;
      return engine.transaction(async (tx) => {
        if (!(await findUserById(tx, id))) throw authError(404, 'user_not_found', 'User not found');
        const user = await updateUser(tx, id, { email: body.email, encryptedPassword, appMetadata: body.app_metadata, userMetadata: body.user_metadata });
        return { status: 200, body: userJson(user) };
      });
    }
    if (method === 'DELETE') {
      const deleted = await engine.transaction((tx) => deleteUser(tx, id));
      if (!deleted) throw authError(404, 'user_not_found', 'User not found');
      return { status: 200, body: {} };
    }
  }

  throw authError(404, 'not_found', `No auth endpoint ${method} ${path}`);
}

/** `path` is what follows `/auth/v1`. */
export async function handleAuth(ctx: ServerContext, options: AuthOptions, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
  const versionHeader = { 'x-supabase-api-version': authApiVersion };
  try {
    const reply = await route(ctx, options, req, path, url);
    if (reply.status === 204) {
      res.writeHead(204, { ...versionHeader, ...reply.headers });
      res.end();
      return;
    }
    sendJson(res, reply.status, reply.body ?? {}, { ...versionHeader, ...reply.headers });
  } catch (error) {
    if (error instanceof HttpError) {
      sendJson(res, error.status, error.body, versionHeader);
      return;
    }
    throw error;
  }
}
