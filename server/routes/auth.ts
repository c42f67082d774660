/** Sign-in: `POST /api/auth/login` sets an HttpOnly cookie and returns the same token for API use. */
import { createRoute, z } from '@hono/zod-openapi';
import { changePassword, endSession, startSession } from '../auth/session';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { requireUser } from '../middleware/require-user';
import { NewAssignment } from '../services/accounts';
import { apiRoutes, body, errors, json, signedIn } from './api';

export const LoginRequest = z.object({
  // Not z.email(): it refuses `admin@localhost`, the address bootstrap gives the first admin.
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org')
    // The longest an address can be (RFC 5321): a 10 MiB one was once written into the audit log.
    .max(254, 'an email address has at most 254 characters'),
  password: z.string().min(1, 'enter your password').max(1024, 'a password has at most 1,024 characters'),
});

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'enter your current password'),
  newPassword: z.string().min(12, 'use at least 12 characters').max(200),
});

export const Session = z.object({ token: z.string(), expiresAt: z.iso.datetime() });

/** A role held somewhere: at the platform, or at one organisation, provider or site. */
export const RoleAssignment = z.object({ role: NewAssignment.shape.role, scopeType: NewAssignment.shape.scope.shape.type, scopeId: z.string().nullable() });
export const Me = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(RoleAssignment) });

const tags = ['Auth'];

export function authRoutes(deps: AppDeps) {
  const login = createRoute({
    method: 'post',
    path: '/api/auth/login',
    tags,
    summary: 'Sign in',
    description: 'Sets an HttpOnly session cookie and returns the same token for `Authorization: Bearer`.',
    request: { body: body(LoginRequest, 'Email and password') },
    responses: {
      200: json(Session, 'Signed in'),
      ...errors({
        401: 'Wrong email or password',
        422: 'A field is missing or malformed',
        429: 'Too many wrong passwords for this account; `Retry-After` says when to try again',
      }),
    },
  });
  const logout = createRoute({
    method: 'post',
    path: '/api/auth/logout',
    tags,
    security: signedIn,
    middleware: [requireUser(deps)],
    summary: 'Sign out (ends this session)',
    responses: { 204: { description: 'Signed out' }, ...errors({ 401: 'Not signed in' }) },
  });
  const password = createRoute({
    method: 'post',
    path: '/api/auth/password',
    tags,
    security: signedIn,
    middleware: [requireUser(deps)],
    summary: 'Change your password (ends your other sessions)',
    request: { body: body(PasswordChange, 'Current and new password') },
    responses: { 204: { description: 'Changed' }, ...errors({ 401: 'Not signed in', 422: 'Wrong current password, or the new one is too short' }) },
  });
  const me = createRoute({
    method: 'get',
    path: '/api/auth/me',
    tags,
    security: signedIn,
    middleware: [requireUser(deps)],
    summary: 'Who is signed in, with their roles',
    responses: { 200: json(Me, 'The account'), ...errors({ 401: 'Not signed in' }) },
  });

  return apiRoutes()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const session = await startSession(deps, c, email, password);
      if (!session.ok && session.reason === 'throttled') {
        c.header('Retry-After', String(session.retryAfterSeconds));
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many wrong passwords for this account. Try again in ${Math.ceil(session.retryAfterSeconds / 60)} minutes.`,
        );
      }
      if (!session.ok) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');
      return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, 200);
    })
    .openapi(logout, async (c) => {
      await endSession(deps, c);
      return c.body(null, 204);
    })
    .openapi(password, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const changed = await changePassword(deps, c.var.principal.userId, currentPassword, newPassword);
      if (!changed)
        throw new ApiError(422, 'validation_failed', 'currentPassword: that is not your current password', [
          { field: 'currentPassword', message: 'that is not your current password' },
        ]);
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const { userId, email, name, assignments } = c.var.principal;
      return c.json({ id: userId, email, name, roles: assignments }, 200);
    });
}
