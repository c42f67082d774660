/**
 * Staff accounts for administrators. An organisation's admin manages the accounts of that
 * organisation only, and grants roles only within it; platform accounts and platform roles are a
 * platform admin's. Appointing a safeguarding lead (who reads families' own words) is a separate
 * permission (`safeguarding.appoint`), never granted to oneself, and audited like every change here.
 */
import { z } from 'zod';
import {
  accountOrganisation,
  addAssignment,
  findAccount,
  findAssignment,
  placesIn,
  listAccounts,
  placeOfScope,
  removeAssignment,
  setDisabled,
} from '../../db/accounts';
import { ROLES, SCOPE_TYPES, type Role } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { createUser, findUserByEmail } from '../../db/users';
import { can, organisationsFor, PLATFORM_TARGET as PLATFORM, type Target } from '../access/policy';
import { NO_PASSWORD } from '../../db/password-tokens';
import { ApiError, forbidden, notFound, validationFailed } from '../errors';
import type { ServiceDeps } from './index';
import type { passwordService } from './passwords';

const Scope = z.object({ type: z.enum(SCOPE_TYPES), id: z.string().max(64).nullable().default(null) });
export const NewAccount = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org'),
  name: z.string().trim().min(1, 'enter their name').max(120),
  role: z.enum(ROLES),
  scope: Scope,
});
export const NewAssignment = z.object({ role: z.enum(ROLES), scope: Scope });
type ScopeInput = z.infer<typeof Scope>;

export function accountService(deps: Pick<ServiceDeps, 'store' | 'now' | 'mailer'>, passwords: ReturnType<typeof passwordService>) {
  const { db } = deps.store;

  /** Where a scope sits, or a 422 naming scope.id when it does not exist. */
  async function targetOf(scope: ScopeInput): Promise<Target> {
    if (scope.type === 'platform') return PLATFORM;
    const place = scope.id ? await placeOfScope(db, scope.type, scope.id) : null;
    if (!place) throw validationFailed([{ field: 'scope.id', message: `no ${scope.type} with that id` }]);
    return place;
  }

  /** Refuses a grant the principal may not make: outside their organisation, or a lead they may not appoint. */
  function checkGrant(principal: Principal, role: Role, target: Target, forUserId: string | null): void {
    if (!can(principal, 'users.manage', target)) throw forbidden();
    if (role === 'safeguarding_lead') {
      if (forUserId === principal.userId)
        throw new ApiError(403, 'forbidden', 'Nobody can make themselves a safeguarding lead: ask another lead or the platform administrator.');
      if (!can(principal, 'safeguarding.appoint', target)) {
        throw new ApiError(403, 'forbidden', 'Appointing a safeguarding lead needs a safeguarding lead or the platform administrator.');
      }
    }
  }

  /** The account, if the principal manages it (same organisation, or a platform admin); else a 404. */
  async function managedAccount(principal: Principal, userId: string): Promise<{ organisationId: string | null }> {
    const account = await accountOrganisation(db, userId);
    const managed = organisationsFor(principal, 'users.manage');
    if (!account || (managed !== 'all' && (account.organisationId === null || !managed.includes(account.organisationId)))) throw notFound('That account');
    return account;
  }

  const audit = (
    principal: Principal,
    action: 'user_created' | 'role_granted' | 'role_revoked' | 'user_disabled' | 'user_enabled',
    targetId: string | null,
    organisationId: string | null,
    details: Record<string, unknown>,
  ) => ({
    at: deps.now(),
    action,
    userId: principal.userId,
    organisationId,
    targetType: 'user' as const,
    targetId,
    details,
  });

  return {
    /** Where the principal may give roles, by name (organisations, providers, sites), and whether it may appoint safeguarding leads. */
    async places(principal: Principal) {
      const managed = organisationsFor(principal, 'users.manage');
      return { ...(await placesIn(db, managed)), platform: managed === 'all' };
    },

    list(principal: Principal) {
      return listAccounts(db, organisationsFor(principal, 'users.manage'));
    },

    /**
     * Invites a person: their account, with one role and no password yet, and an email with a
     * single-use link to choose one (through deps.mailer: SMTP, or the outbox page without it).
     */
    async create(principal: Principal, account: z.infer<typeof NewAccount>) {
      const target = await targetOf(account.scope);
      checkGrant(principal, account.role, target, null);
      if (await findUserByEmail(db, account.email))
        throw new ApiError(409, 'email_taken', 'An account with that email address already exists.', [{ field: 'email', message: 'already has an account' }]);
      const organisationId = target === PLATFORM ? null : target.organisationId;
      const id = await createUser(
        db,
        {
          email: account.email,
          name: account.name,
          passwordHash: NO_PASSWORD.invited,
          role: account.role,
          scopeType: account.scope.type,
          scopeId: account.scope.type === 'platform' ? null : account.scope.id,
        },
        audit(principal, 'user_created', null, organisationId, { email: account.email, role: account.role, scope: account.scope }),
      );
      const { link, expiresAt } = await passwords.issue({ id, organisationId }, 'invitation', { userId: principal.userId, how: 'admin' });
      await deps.mailer.send(passwords.invitationMail(account.email, account.name, principal.name, link, expiresAt, organisationId));
      return { id, email: account.email, invitation: { expiresAt: expiresAt.toISOString() } };
    },

    /** Sends an account a new invitation (never used, or expired) or, once it has a password, a reset link. */
    async sendLink(principal: Principal, userId: string, { forgetPassword }: { forgetPassword: boolean }) {
      const account = await managedAccount(principal, userId);
      const user = await findAccount(db, userId);
      if (!user) throw notFound('That account');
      if (user.disabled) throw validationFailed([{ field: 'id', message: 'that account is disabled: enable it first' }]);
      const purpose = user.passwordState === 'invited' ? ('invitation' as const) : ('reset' as const);
      const { link, expiresAt } = await passwords.issue(
        { id: userId, organisationId: account.organisationId },
        purpose,
        { userId: principal.userId, how: 'admin' },
        purpose === 'reset' && forgetPassword,
      );
      await deps.mailer.send(
        purpose === 'invitation'
          ? passwords.invitationMail(user.email, user.name, principal.name, link, expiresAt, account.organisationId)
          : passwords.resetMail(
              user.email,
              user.name,
              link,
              expiresAt,
              account.organisationId,
              forgetPassword
                ? `${principal.name} has reset your hubvoice password: the old one no longer works, and you have been signed out everywhere.`
                : `${principal.name} has sent you a link to set a new hubvoice password.`,
            ),
      );
      return { id: userId, sent: purpose, expiresAt: expiresAt.toISOString() };
    },

    /** One account the principal manages, with its roles, or a 404. */
    async one(principal: Principal, userId: string) {
      await managedAccount(principal, userId);
      const user = await findAccount(db, userId);
      if (!user) throw notFound('That account');
      return user;
    },

    async grant(principal: Principal, userId: string, assignment: z.infer<typeof NewAssignment>) {
      const target = await targetOf(assignment.scope);
      const account = await managedAccount(principal, userId);
      // A role reaches only into the account's own organisation, unless a platform admin says otherwise.
      if (target !== PLATFORM && account.organisationId !== target.organisationId && organisationsFor(principal, 'users.manage') !== 'all') {
        throw validationFailed([{ field: 'scope.id', message: "that is outside this account's organisation" }]);
      }
      checkGrant(principal, assignment.role, target, userId);
      const id = await addAssignment(
        db,
        userId,
        assignment.role,
        assignment.scope.type,
        assignment.scope.id,
        audit(principal, 'role_granted', userId, account.organisationId, { ...assignment }),
      );
      return { id, ...assignment };
    },

    async revoke(principal: Principal, userId: string, assignmentId: string) {
      const assignment = await findAssignment(db, userId, assignmentId);
      if (!assignment) throw notFound('That role');
      const account = await managedAccount(principal, userId);
      const target = await targetOf({ type: assignment.scopeType, id: assignment.scopeId });
      if (!can(principal, 'users.manage', target)) throw forbidden();
      await removeAssignment(
        db,
        assignment.id,
        audit(principal, 'role_revoked', userId, account.organisationId, { assignmentId: assignment.id, role: assignment.role }),
      );
    },

    async setDisabled(principal: Principal, userId: string, disabled: boolean) {
      if (userId === principal.userId) throw validationFailed([{ field: 'disabled', message: 'you cannot disable your own account' }]);
      const account = await managedAccount(principal, userId);
      await setDisabled(db, userId, disabled, audit(principal, disabled ? 'user_disabled' : 'user_enabled', userId, account.organisationId, {}));
      return { id: userId, disabled };
    },
  };
}
