/**
 * Public password routes for scripts and clients: use a set-password link
 * (`POST /api/auth/set-password`), and ask for one by email (`POST /api/auth/password-reset`).
 * The pages at /set-password and /sign-in/help do the same in a browser.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { validationFailed } from '../errors';
import { NewPassword } from '../services/passwords';
import { apiRoutes, body, errors } from './api';

const tags = ['Auth'];

/** What a link that does not work says, in the API and on the page. */
export const LINK_UNUSABLE = 'this link has expired or has already been used: ask your administrator for a new one';

export function passwordRoutes(deps: AppDeps) {
  const { passwords } = deps.services;
  const set = createRoute({
    method: 'post',
    path: '/api/auth/set-password',
    tags,
    summary: 'Choose a password with a set-password link (an invitation or a reset)',
    description: 'The `token` is the `token` parameter of the emailed link. It works once; every session of the account ends.',
    request: { body: body(NewPassword, 'The link’s token and the new password') },
    responses: {
      204: { description: 'The password is set; sign in with it' },
      ...errors({ 422: 'The password is too short, or the link expired or was used' }),
    },
  });
  const request = createRoute({
    method: 'post',
    path: '/api/auth/password-reset',
    tags,
    summary: 'Email a set-password link to an account’s address',
    description:
      'Answers 202 whether or not the address has an account, so it does not tell who has one. A second request within five minutes sends nothing more. The link works once, for a day.',
    request: {
      body: body(
        z.object({
          email: z
            .string()
            .trim()
            .max(254)
            .regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org'),
        }),
        'The email address',
      ),
    },
    responses: { 202: { description: 'If the address has an account, a link is on its way' }, ...errors({ 422: 'Not an email address' }) },
  });
  return apiRoutes()
    .openapi(set, async (c) => {
      const done = await passwords.setPassword(c.req.valid('json'));
      if (!done) throw validationFailed([{ field: 'token', message: LINK_UNUSABLE }]);
      return c.body(null, 204);
    })
    .openapi(request, async (c) => {
      await passwords.requestReset(c.req.valid('json').email);
      return c.body(null, 202);
    });
}
