/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie, and refuses
 * anyone without a live session. Route handlers then read `c.var.principal`.
 */
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { principalForSession } from '../../db/users';
import { sha256Hex } from '../auth/password';
import type { AppDeps, AppEnv } from '../deps';
import { unauthorized } from '../errors';

export const SESSION_COOKIE = 'hubvoice_session';

export function requireUser(deps: Pick<AppDeps, 'store' | 'now'>) {
  return createMiddleware<AppEnv>(async function requireUser(c, next) {
    const token = sessionToken(c);
    if (!token) throw unauthorized();
    const principal = await principalForSession(deps.store.db, await sha256Hex(token), deps.now());
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    await next();
  });
}

/** The bearer token from the Authorization header, else from the session cookie. */
export function sessionToken(c: Context): string | undefined {
  return c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);
}
