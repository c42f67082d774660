/** Staff accounts and their role assignments, as administrators manage them. */
import { and, eq, inArray } from 'drizzle-orm';
import { audited, auditStatement, type AuditEntry } from './audit';
import { newId } from './ids';
import { providers, roleAssignments, sessions, sites, users, type Role, type ScopeType } from './schema';
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
  const all = await db
    .select({ id: users.id, email: users.email, name: users.name, organisationId: users.organisationId, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .where(organisationIds === 'all' ? undefined : inArray(users.organisationId, organisationIds))
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
  return all.map((user) => ({
    ...user,
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
