/**
 * Staff accounts for administrators: `GET/POST /api/users`, role assignments, and disabling. The
 * rules (whose accounts, which roles where) are in server/services/accounts.ts. New accounts get a
 * temporary password, shown once.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { NewAccount, NewAssignment } from '../services/accounts';
import { valid } from '../validate';

export { NewAccount, NewAssignment };

export function userRoutes(deps: AppDeps) {
  const { accounts } = deps.services;
  const manage = authorize(deps, 'users.manage');
  return new Hono<AppEnv>()
    .get('/api/users', manage, async (c) => c.json(await accounts.list(c.var.principal)))
    .post('/api/users', manage, valid('json', NewAccount), async (c) => c.json(await accounts.create(c.var.principal, c.req.valid('json')), 201))
    .post('/api/users/:id/roles', manage, valid('json', NewAssignment), async (c) =>
      c.json(await accounts.grant(c.var.principal, c.req.param('id'), c.req.valid('json')), 201),
    )
    .delete('/api/users/:id/roles/:assignmentId', manage, async (c) => {
      await accounts.revoke(c.var.principal, c.req.param('id'), c.req.param('assignmentId'));
      return c.body(null, 204);
    })
    .patch('/api/users/:id', manage, valid('json', z.object({ disabled: z.boolean() })), async (c) =>
      c.json(await accounts.setDisabled(c.var.principal, c.req.param('id'), c.req.valid('json').disabled)),
    );
}
