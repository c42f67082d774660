/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie. `requireUser`
 * refuses anyone without a live session with a 401 (the APIs); `requireSignedIn` sends them to
 * the sign-in page and back (the staff pages). Route handlers then read `c.var.principal`.
 * What the principal may do is server/access's business.
 */
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Principal } from '../../db/scope';
import { principalForSession } from '../../db/users';
import { sha256Hex } from '../auth/password';
import type { AppDeps, AppEnv } from '../deps';
import { unauthorized } from '../errors';

export const SESSION_COOKIE = 'hubvoice_session';

export function requireUser(deps: Pick<AppDeps, 'store' | 'now'>) {
  return createMiddleware<AppEnv>(async function requireUser(c, next) {
    const principal = await principalOf(deps, c);
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    await next();
  });
}

/** For pages: a visitor without a live session is sent (303) to `/sign-in?next=<this page>`. */
export function requireSignedIn(deps: Pick<AppDeps, 'store' | 'now'>) {
  return createMiddleware<AppEnv>(async function requireSignedIn(c, next) {
    const principal = await principalOf(deps, c);
    if (!principal) {
      const url = new URL(c.req.url);
      return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    c.set('principal', principal);
    await next();
  });
}

/** The principal behind the request's token, or null when there is none or it has expired. */
export async function principalOf(deps: Pick<AppDeps, 'store' | 'now'>, c: Context): Promise<Principal | null> {
  const token = sessionToken(c);
  return token ? principalForToken(deps, token) : null;
}

/** The principal behind a session token, or null when it is unknown or has expired. */
export async function principalForToken(deps: Pick<AppDeps, 'store' | 'now'>, token: string): Promise<Principal | null> {
  return principalForSession(deps.store.db, await sha256Hex(token), deps.now());
}

/** The bearer token from the Authorization header, else from the session cookie. */
export function sessionToken(c: Context): string | undefined {
  return c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);
}
