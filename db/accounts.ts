/** Staff accounts and their role assignments, as administrators manage them. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { audited, auditStatement, type AuditEntry } from './audit';
import { newId } from './ids';
import { NO_PASSWORD } from './password-tokens';
import { organisations, providers, roleAssignments, sessions, sites, users, type Role, type ScopeType } from './schema';
import type { Db } from './store';

/**
 * Where a scope sits: its organisation, and its provider and site where it has them; null for
 * platform scope or an unknown id. The access policy decides with it whether a grant covers it.
 */
export async function placeOfScope(
  db: Db,
  scopeType: ScopeType,
  scopeId: string | null,
): Promise<{ organisationId: string; providerId: string | null; siteId: string | null } | null> {
  if (scopeType === 'platform' || !scopeId) return null;
  if (scopeType === 'organisation') {
    const organisation = await db.query.organisations.findFirst({ where: (o, { eq: is }) => is(o.id, scopeId) });
    return organisation ? { organisationId: organisation.id, providerId: null, siteId: null } : null;
  }
  if (scopeType === 'provider') {
    const provider = await db.query.providers.findFirst({ where: eq(providers.id, scopeId) });
    return provider ? { organisationId: provider.organisationId, providerId: provider.id, siteId: null } : null;
  }
  const site = await db.query.sites.findFirst({ where: eq(sites.id, scopeId) });
  return site ? { organisationId: site.organisationId, providerId: site.providerId, siteId: site.id } : null;
}

/** The organisation a scope belongs to; null for platform scope or an unknown id. */
export async function organisationOfScope(db: Db, scopeType: ScopeType, scopeId: string | null): Promise<string | null> {
  if (scopeType === 'platform' || !scopeId) return null;
  if (scopeType === 'organisation') return (await db.query.organisations.findFirst({ where: (o, { eq: is }) => is(o.id, scopeId) }))?.id ?? null;
  if (scopeType === 'provider') return (await db.query.providers.findFirst({ where: eq(providers.id, scopeId) }))?.organisationId ?? null;
  return (await db.query.sites.findFirst({ where: eq(sites.id, scopeId) }))?.organisationId ?? null;
}

/**
 * The accounts of these organisations ('all': every account, platform ones included), each with
 * its roles. Which organisations a caller may list is the access policy's decision.
 */
export async function listAccounts(db: Db, organisationIds: 'all' | string[]) {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  return accountsWhere(db, organisationIds === 'all' ? undefined : inArray(users.organisationId, organisationIds));
}

/** One account with its roles, or undefined. */
export async function findAccount(db: Db, userId: string) {
  return (await accountsWhere(db, eq(users.id, userId)))[0];
}

async function accountsWhere(db: Db, where: SQL | undefined) {
  const all = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      organisationId: users.organisationId,
      disabled: users.disabled,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(where)
    .orderBy(users.email);
  const assignments = all.length
    ? await db
        .select()
        .from(roleAssignments)
        .where(
          inArray(
            roleAssignments.userId,
            all.map((u) => u.id),
          ),
        )
    : [];
  return all.map(({ passwordHash, ...user }) => ({
    ...user,
    /** Waiting for its first password (invited), or for a new one after a forced reset. */
    passwordState: passwordHash === NO_PASSWORD.invited ? ('invited' as const) : passwordHash === NO_PASSWORD.reset ? ('reset' as const) : ('set' as const),
    roles: assignments.filter((a) => a.userId === user.id).map((a) => ({ id: a.id, role: a.role, scopeType: a.scopeType, scopeId: a.scopeId })),
  }));
}

/** One account's organisation, or undefined when there is no such account. */
export async function accountOrganisation(db: Db, userId: string): Promise<{ organisationId: string | null } | undefined> {
  return db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, userId)).get();
}

export async function addAssignment(db: Db, userId: string, role: Role, scopeType: ScopeType, scopeId: string | null, audit: AuditEntry): Promise<string> {
  const id = newId('ra');
  await audited(db, { ...audit, details: { assignmentId: id, ...audit.details } }, [
    db.insert(roleAssignments).values({ id, userId, role, scopeType, scopeId: scopeType === 'platform' ? null : scopeId }),
  ]);
  return id;
}

export async function findAssignment(db: Db, userId: string, assignmentId: string) {
  return db.query.roleAssignments.findFirst({ where: and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)) });
}

export async function removeAssignment(db: Db, assignmentId: string, audit: AuditEntry): Promise<void> {
  await audited(db, audit, [db.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId))]);
}

/** Disabling an account also ends its sessions, so it cannot go on with one it already has. */
export async function setDisabled(db: Db, userId: string, disabled: boolean, audit: AuditEntry): Promise<void> {
  await db.batch([
    auditStatement(db, audit),
    db.update(users).set({ disabled }).where(eq(users.id, userId)),
    ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : []),
  ]);
}

/**
 * The places a role can be given at, by name, within these organisations ('all': every one): the
 * organisations themselves, their providers and their sites. For the people pages' choices, and
 * to say where a role is held in words.
 */
export async function placesIn(db: Db, organisationIds: 'all' | string[]) {
  if (organisationIds !== 'all' && organisationIds.length === 0) return { organisations: [], providers: [], sites: [] };
  const within = <T extends { organisationId: unknown }>(table: T) =>
    organisationIds === 'all' ? undefined : inArray(table.organisationId as typeof providers.organisationId, organisationIds);
  const [orgs, provs, siteRows] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(organisationIds === 'all' ? undefined : inArray(organisations.id, organisationIds))
      .orderBy(asc(organisations.name)),
    db
      .select({ id: providers.id, name: providers.name, organisationId: providers.organisationId })
      .from(providers)
      .where(within(providers))
      .orderBy(asc(providers.name)),
    db
      .select({ id: sites.id, name: sites.name, organisationId: sites.organisationId, providerId: sites.providerId })
      .from(sites)
      .where(within(sites))
      .orderBy(asc(sites.name)),
  ]);
  return { organisations: orgs, providers: provs, sites: siteRows };
}
