/** Sign-in: `POST /api/auth/login` sets an HttpOnly cookie and returns the same token for API use. */
import { Hono } from 'hono';
import { z } from 'zod';
import { changePassword, endSession, startSession } from '../auth/session';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError } from '../errors';
import { requireUser } from '../middleware/require-user';
import { valid } from '../validate';

export const LoginRequest = z.object({
  // Not z.email(): it refuses `admin@localhost`, the address bootstrap gives the first admin.
  email: z.string().trim().regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org'),
  password: z.string().min(1, 'enter your password'),
});

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'enter your current password'),
  newPassword: z.string().min(12, 'use at least 12 characters').max(200),
});

export function authRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/api/auth/login', valid('json', LoginRequest), async (c) => {
      const { email, password } = c.req.valid('json');
      const session = await startSession(deps, c, email, password);
      if (!session.ok && session.reason === 'throttled') {
        c.header('Retry-After', String(session.retryAfterSeconds));
        throw new ApiError(429, 'too_many_attempts', `Too many wrong passwords for this account. Try again in ${Math.ceil(session.retryAfterSeconds / 60)} minutes.`);
      }
      if (!session.ok) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');
      return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() });
    })
    .post('/api/auth/logout', requireUser(deps), async (c) => {
      await endSession(deps, c);
      return c.body(null, 204);
    })
    .post('/api/auth/password', requireUser(deps), valid('json', PasswordChange), async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const changed = await changePassword(deps, c.var.principal.userId, currentPassword, newPassword);
      if (!changed) throw new ApiError(422, 'validation_failed', 'currentPassword: that is not your current password', [{ field: 'currentPassword', message: 'that is not your current password' }]);
      return c.body(null, 204);
    })
    .get('/api/auth/me', requireUser(deps), (c) => {
      const { userId, email, name, assignments } = c.var.principal;
      return c.json({ id: userId, email, name, roles: assignments });
    });
}
