/**
 * Staff accounts for administrators: `GET/POST /api/users`, role assignments, and disabling. The
 * rules (whose accounts, which roles where) are in server/services/accounts.ts. A new account is
 * invited: it gets an email with a single-use link to choose its password, and so does an account
 * an admin resets.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { NewAccount, NewAssignment } from '../services/accounts';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';
import { RoleAssignment } from './auth';

export { NewAccount, NewAssignment };

export const Account = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    /** Null for platform accounts. */
    organisationId: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.iso.datetime(),
    /** Null until the account first signs in. */
    lastSignInAt: z.iso.datetime().nullable(),
    /** `invited`: no password chosen yet; `reset`: an admin reset it and a new one is awaited. */
    passwordState: z.enum(['set', 'invited', 'reset']),
    roles: z.array(RoleAssignment.extend({ id: z.string() })),
  })
  .openapi('Account');

const tags = ['Users'];
const Id = z.object({ id: z.string() });

export function userRoutes(deps: AppDeps) {
  const { accounts } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'users.manage')] };
  const list = createRoute({
    ...common,
    method: 'get',
    path: '/api/users',
    summary: 'Staff accounts of the organisations the caller administers, with their roles',
    responses: { 200: json(z.array(Account), 'The accounts, by email'), ...errors(SIGNED_IN_ERRORS) },
  });
  const create = createRoute({
    ...common,
    method: 'post',
    path: '/api/users',
    summary: 'Invite a person: an account with one role, and an email with a single-use link to choose a password',
    description:
      'The invitation goes through the mailer: SMTP when `SMTP_URL` is set, otherwise the outbox page (`/outbox`). The link expires after 7 days; `POST /api/users/{id}/password-link` sends a new one.',
    request: { body: body(NewAccount, 'The account') },
    responses: {
      201: json(z.object({ id: z.string(), email: z.string(), invitation: z.object({ expiresAt: z.iso.datetime() }) }), 'Invited'),
      ...errors({
        ...SIGNED_IN_ERRORS,
        403: 'Outside your organisation, or a safeguarding lead you may not appoint',
        409: 'The email already has an account',
        422: 'A field is invalid, or the scope does not exist',
      }),
    },
  });
  const grant = createRoute({
    ...common,
    method: 'post',
    path: '/api/users/{id}/roles',
    summary: 'Grant a role at the platform, an organisation, a provider or a site',
    request: { params: Id, body: body(NewAssignment, 'The role and its scope') },
    responses: {
      201: json(NewAssignment.extend({ id: z.string() }), 'The assignment'),
      ...errors({
        ...SIGNED_IN_ERRORS,
        403: 'Outside your organisation, or a safeguarding lead you may not appoint',
        404: 'No such account you manage',
        422: 'The scope does not exist or is outside the account’s organisation',
      }),
    },
  });
  const revoke = createRoute({
    ...common,
    method: 'delete',
    path: '/api/users/{id}/roles/{assignmentId}',
    summary: 'Take a role away',
    request: { params: z.object({ id: z.string(), assignmentId: z.string() }) },
    responses: { 204: { description: 'Revoked' }, ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such role on an account you manage' }) },
  });
  const disable = createRoute({
    ...common,
    method: 'patch',
    path: '/api/users/{id}',
    summary: 'Disable (or enable again) an account; a disabled account cannot sign in',
    request: { params: Id, body: body(z.object({ disabled: z.boolean() }), 'Whether it is disabled') },
    responses: {
      200: json(z.object({ id: z.string(), disabled: z.boolean() }), 'Changed'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such account you manage', 422: 'Your own account' }),
    },
  });

  const one = createRoute({
    ...common,
    method: 'get',
    path: '/api/users/{id}',
    summary: 'One staff account, with its roles and last sign-in',
    request: { params: Id },
    responses: { 200: json(Account, 'The account'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such account you manage' }) },
  });
  const link = createRoute({
    ...common,
    method: 'post',
    path: '/api/users/{id}/password-link',
    summary: 'Email a set-password link: a new invitation if none was used yet, else a reset',
    description:
      'With `forgetPassword: true` (forcing a reset) the current password stops working and every session of the account ends at once. The link works once and expires (invitation 7 days, reset 1 day).',
    request: { params: Id, body: body(z.object({ forgetPassword: z.boolean().default(false) }), 'Whether to forget the current password now') },
    responses: {
      200: json(z.object({ id: z.string(), sent: z.enum(['invitation', 'reset']), expiresAt: z.iso.datetime() }), 'Sent'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such account you manage', 422: 'The account is disabled' }),
    },
  });

  const asJson = <T extends { createdAt: Date; lastSignInAt: Date | null }>(account: T) => ({
    ...account,
    createdAt: account.createdAt.toISOString(),
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  });

  return apiRoutes()
    .openapi(one, async (c) => c.json(asJson(await accounts.one(c.var.principal, c.req.valid('param').id)), 200))
    .openapi(link, async (c) => c.json(await accounts.sendLink(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(list, async (c) => c.json((await accounts.list(c.var.principal)).map(asJson), 200))
    .openapi(create, async (c) => c.json(await accounts.create(c.var.principal, c.req.valid('json')), 201))
    .openapi(grant, async (c) => c.json(await accounts.grant(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(revoke, async (c) => {
      const { id, assignmentId } = c.req.valid('param');
      await accounts.revoke(c.var.principal, id, assignmentId);
      return c.body(null, 204);
    })
    .openapi(disable, async (c) => c.json(await accounts.setDisabled(c.var.principal, c.req.valid('param').id, c.req.valid('json').disabled), 200));
}
