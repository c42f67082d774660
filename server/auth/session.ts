/**
 * Starting and ending a staff session: the one code path behind `POST /api/auth/login` and the
 * `/sign-in` form, so both audit the attempt and set the same HttpOnly cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { auditLog } from '../../db/schema';
import { createSession, deleteSession, findUserByEmail } from '../../db/users';
import type { AppDeps } from '../deps';
import { SESSION_COOKIE, sessionToken } from '../middleware/require-user';
import { randomSecret, sha256Hex, verifyPassword } from './password';

export interface StartedSession {
  token: string;
  expiresAt: Date;
}

/** Checks the password, audits the attempt and sets the session cookie; null when they do not match. */
export async function startSession(deps: Pick<AppDeps, 'store' | 'config' | 'now'>, c: Context, email: string, password: string): Promise<StartedSession | null> {
  const { db } = deps.store;
  const user = await findUserByEmail(db, email);
  const ok = user && !user.disabled && (await verifyPassword(password, user.passwordHash));
  const at = deps.now();
  await db.insert(auditLog).values({ at, userId: user?.id ?? null, action: ok ? 'login' : 'login_failed', details: { email } });
  if (!user || !ok) return null;
  const token = randomSecret(32);
  const expiresAt = new Date(at.getTime() + deps.config.SESSION_HOURS * 3_600_000);
  await createSession(db, user.id, await sha256Hex(token), expiresAt);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
  return { token, expiresAt };
}

/** Forgets the caller's session (bearer or cookie) and clears the cookie. */
export async function endSession(deps: Pick<AppDeps, 'store'>, c: Context): Promise<void> {
  const token = sessionToken(c);
  if (token) await deleteSession(deps.store.db, await sha256Hex(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
