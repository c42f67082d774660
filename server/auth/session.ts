/**
 * Starting and ending a staff session: the one code path behind `POST /api/auth/login` and the
 * `/sign-in` form, so both audit the attempt and set the same HttpOnly cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import { audited, auditStatement } from '../../db/audit';
import { sessions, users } from '../../db/schema';
import { createSession, deleteSession, findUserByEmail } from '../../db/users';
import type { AppDeps } from '../deps';
import { clientAddress, FixedWindowCounter } from '../middleware/rate-limit';
import { SESSION_COOKIE, sessionToken } from '../middleware/require-user';
import { hashPassword, randomSecret, sha256Hex, verifyPassword } from './password';

export type SessionAttempt =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'mismatch' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Failed sign-ins per account *from one client* per 15 minutes before that client is paused for
 * that account: enough for a person who mistypes, too few to guess a password. Keyed by account
 * and client, so someone guessing from one machine cannot lock the owner out of their own; an
 * account still pauses for everyone after {@link ACCOUNT_FAILURES_ALLOWED} failures from all
 * clients together (a spread-out guess). Counted per app instance (per process), like the
 * submission limits; `buildDeps` makes the counter.
 */
export const FAILURES_ALLOWED = 10;
export const ACCOUNT_FAILURES_ALLOWED = 100;
export const signInFailureCounter = () => new FixedWindowCounter(ACCOUNT_FAILURES_ALLOWED, 15 * 60_000);

/**
 * A hash of the same cost as a real one, checked when no account has the email, so the answer
 * takes as long for an unknown address as for a wrong password and does not say which exist.
 */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomSecret(16)));

/** Checks the password, audits the attempt and sets the session cookie. */
export async function startSession(
  deps: Pick<AppDeps, 'store' | 'config' | 'now' | 'signInFailures'>,
  c: Context,
  email: string,
  password: string,
): Promise<SessionAttempt> {
  const { db } = deps.store;
  const failures = deps.signInFailures;
  const at = deps.now();
  const account = email.toLowerCase();
  const fromHere = `${account}\u0000${clientAddress(c)}`;
  if (failures.count(fromHere, at.getTime()) >= FAILURES_ALLOWED || failures.count(account, at.getTime()) >= ACCOUNT_FAILURES_ALLOWED) {
    await audited(db, { at, action: 'login_throttled', userId: null, details: { email } });
    return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(failures.resetsIn(at.getTime()) / 1000) };
  }
  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
  const ok = !!user && !user.disabled && matches;
  await audited(db, { at, userId: user?.id ?? null, action: ok ? 'login' : 'login_failed', details: { email } });
  if (!user || !ok) {
    failures.take(fromHere, at.getTime());
    failures.take(account, at.getTime());
    return { ok: false, reason: 'mismatch' };
  }
  const token = randomSecret(32);
  const expiresAt = new Date(at.getTime() + deps.config.SESSION_HOURS * 3_600_000);
  await createSession(db, user.id, await sha256Hex(token), expiresAt, at);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
  return { ok: true, token, expiresAt };
}

/** Forgets the caller's session (bearer or cookie) and clears the cookie. */
export async function endSession(deps: Pick<AppDeps, 'store'>, c: Context): Promise<void> {
  const token = sessionToken(c);
  if (token) await deleteSession(deps.store.db, await sha256Hex(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Replaces a password after checking the current one, and ends every other session of the
 * account: a temporary password from an administrator stops working everywhere at once.
 */
export async function changePassword(deps: Pick<AppDeps, 'store' | 'now'>, userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const { db } = deps.store;
  const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) return false;
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword) })
      .where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    auditStatement(db, { at: deps.now(), userId, action: 'password_changed', targetType: 'user', targetId: userId }),
  ]);
  return true;
}
