/**
 * Staff accounts for administrators: `GET/POST /api/users`, role assignments, and disabling. The
 * rules (whose accounts, which roles where) are in server/services/accounts.ts. New accounts get a
 * temporary password, shown once.
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
    summary: 'Add a staff account with one role; its temporary password is returned once',
    request: { body: body(NewAccount, 'The account') },
    responses: {
      201: json(z.object({ id: z.string(), email: z.string(), temporaryPassword: z.string() }), 'Created'),
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

  return apiRoutes()
    .openapi(list, async (c) => c.json(await accounts.list(c.var.principal), 200))
    .openapi(create, async (c) => c.json(await accounts.create(c.var.principal, c.req.valid('json')), 201))
    .openapi(grant, async (c) => c.json(await accounts.grant(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(revoke, async (c) => {
      const { id, assignmentId } = c.req.valid('param');
      await accounts.revoke(c.var.principal, id, assignmentId);
      return c.body(null, 204);
    })
    .openapi(disable, async (c) => c.json(await accounts.setDisabled(c.var.principal, c.req.valid('param').id, c.req.valid('json').disabled), 200));
}
