/** Sign-in: `POST /api/auth/login` sets an HttpOnly cookie and returns the same token for API use. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { auditLog } from '../../db/schema';
import { createSession, deleteSession, findUserByEmail } from '../../db/users';
import { randomSecret, sha256Hex, verifyPassword } from '../auth/password';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError } from '../errors';
import { requireUser, SESSION_COOKIE, sessionToken } from '../middleware/require-user';
import { valid } from '../validate';

export const LoginRequest = z.object({
  email: z.email('enter an email address, like name@example.org'),
  password: z.string().min(1, 'enter your password'),
});

export function authRoutes(deps: AppDeps) {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .post('/api/auth/login', valid('json', LoginRequest), async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await findUserByEmail(db, email);
      const ok = user && !user.disabled && (await verifyPassword(password, user.passwordHash));
      const at = deps.now();
      await db.insert(auditLog).values({ at, userId: user?.id ?? null, action: ok ? 'login' : 'login_failed', details: { email } });
      if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');
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
      return c.json({ token, expiresAt: expiresAt.toISOString() });
    })
    .post('/api/auth/logout', requireUser(deps), async (c) => {
      const token = sessionToken(c);
      if (token) await deleteSession(db, await sha256Hex(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/api/auth/me', requireUser(deps), (c) => {
      const { userId, email, name, assignments } = c.var.principal;
      return c.json({ id: userId, email, name, roles: assignments });
    });
}
