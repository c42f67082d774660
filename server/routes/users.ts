/**
 * Staff accounts for administrators: `GET/POST /api/users`, role assignments, and disabling.
 * An organisation's admin manages roles inside that organisation (its providers and sites);
 * only a platform admin grants platform roles. New accounts get a temporary password, shown once.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { addAssignment, findAssignment, listAccounts, mayAdminister, organisationOfScope, removeAssignment, setDisabled } from '../../db/accounts';
import { auditLog, ROLES, SCOPE_TYPES } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { createUser, findUserByEmail } from '../../db/users';
import { hashPassword, randomSecret } from '../auth/password';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, forbidden, notFound, validationFailed } from '../errors';
import { requireRole, requireUser } from '../middleware/require-user';
import { valid } from '../validate';

const Scope = z.object({ type: z.enum(SCOPE_TYPES), id: z.string().max(64).nullable().default(null) });
export const NewAccount = z.object({
  email: z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org'),
  name: z.string().trim().min(1, 'enter their name').max(120),
  role: z.enum(ROLES),
  scope: Scope,
});
export const NewAssignment = z.object({ role: z.enum(ROLES), scope: Scope });

export function userRoutes(deps: AppDeps) {
  const { db } = deps.store;

  async function checkScope(principal: Principal, scope: z.infer<typeof Scope>): Promise<void> {
    if (scope.type !== 'platform' && (!scope.id || (await organisationOfScope(db, scope.type, scope.id)) === null)) {
      throw validationFailed([{ field: 'scope.id', message: `no ${scope.type} with that id` }]);
    }
    if (!(await mayAdminister(db, principal, scope.type, scope.id))) throw forbidden();
  }

  const audit = (principal: Principal, action: string, targetId: string, details: Record<string, unknown>) =>
    db.insert(auditLog).values({ at: deps.now(), userId: principal.userId, action, targetType: 'user', targetId, details });

  return new Hono<AppEnv>()
    // '/api/users/*' also matches '/api/users' itself.
    .use('/api/users/*', requireUser(deps), requireRole('admin'))
    .get('/api/users', async (c) => c.json(await listAccounts(db, c.var.principal)))
    .post('/api/users', valid('json', NewAccount), async (c) => {
      const account = c.req.valid('json');
      await checkScope(c.var.principal, account.scope);
      if (await findUserByEmail(db, account.email)) throw new ApiError(409, 'email_taken', 'An account with that email address already exists.', [{ field: 'email', message: 'already has an account' }]);
      const temporaryPassword = randomSecret(12);
      const id = await createUser(db, {
        email: account.email, name: account.name, passwordHash: await hashPassword(temporaryPassword),
        role: account.role, scopeType: account.scope.type, scopeId: account.scope.type === 'platform' ? null : account.scope.id,
      });
      await audit(c.var.principal, 'user_created', id, { email: account.email, role: account.role, scope: account.scope });
      return c.json({ id, email: account.email, temporaryPassword }, 201);
    })
    .post('/api/users/:id/roles', valid('json', NewAssignment), async (c) => {
      const assignment = c.req.valid('json');
      await checkScope(c.var.principal, assignment.scope);
      const userId = c.req.param('id');
      if (!(await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) }))) throw notFound('That account');
      const id = await addAssignment(db, userId, assignment.role, assignment.scope.type, assignment.scope.id);
      await audit(c.var.principal, 'role_granted', userId, { assignmentId: id, ...assignment });
      return c.json({ id, ...assignment }, 201);
    })
    .delete('/api/users/:id/roles/:assignmentId', async (c) => {
      const assignment = await findAssignment(db, c.req.param('id'), c.req.param('assignmentId'));
      if (!assignment) throw notFound('That role');
      if (!(await mayAdminister(db, c.var.principal, assignment.scopeType, assignment.scopeId))) throw forbidden();
      await removeAssignment(db, assignment.id);
      await audit(c.var.principal, 'role_revoked', assignment.userId, { assignmentId: assignment.id, role: assignment.role });
      return c.body(null, 204);
    })
    .patch('/api/users/:id', valid('json', z.object({ disabled: z.boolean() })), async (c) => {
      const userId = c.req.param('id');
      if (userId === c.var.principal.userId) throw new ApiError(422, 'validation_failed', 'disabled: you cannot disable your own account', [{ field: 'disabled', message: 'you cannot disable your own account' }]);
      const accounts = await listAccounts(db, c.var.principal);
      const account = accounts.find((a) => a.id === userId);
      if (!account || (account.roles.length === 0 && !(await mayAdminister(db, c.var.principal, 'platform', null)))) throw notFound('That account');
      const { disabled } = c.req.valid('json');
      await setDisabled(db, userId, disabled);
      await audit(c.var.principal, disabled ? 'user_disabled' : 'user_enabled', userId, {});
      return c.json({ id: userId, disabled });
    });
}
