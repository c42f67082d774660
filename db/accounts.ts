/** Staff accounts and their role assignments, as administrators manage them. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { newId } from './ids';
import { organisations, providers, roleAssignments, sessions, sites, users, type Role, type ScopeType } from './schema';
import type { Principal } from './scope';
import type { Db } from './store';

/** The organisation a scope belongs to; null for platform scope or an unknown id. */
export async function organisationOfScope(db: Db, scopeType: ScopeType, scopeId: string | null): Promise<string | null> {
  if (scopeType === 'platform' || !scopeId) return null;
  if (scopeType === 'organisation') return (await db.query.organisations.findFirst({ where: (o, { eq: is }) => is(o.id, scopeId) }))?.id ?? null;
  if (scopeType === 'provider') return (await db.query.providers.findFirst({ where: eq(providers.id, scopeId) }))?.organisationId ?? null;
  return (await db.query.sites.findFirst({ where: eq(sites.id, scopeId) }))?.organisationId ?? null;
}

/** Organisations whose accounts the principal administers; 'all' for a platform admin. */
export function administeredOrganisations(principal: Principal): 'all' | string[] {
  const admin = principal.assignments.filter((a) => a.role === 'admin');
  if (admin.some((a) => a.scopeType === 'platform')) return 'all';
  return admin.filter((a) => a.scopeType === 'organisation' && a.scopeId).map((a) => a.scopeId as string);
}

/** Whether the principal may grant (or revoke) a role at this scope. */
export async function mayAdminister(db: Db, principal: Principal, scopeType: ScopeType, scopeId: string | null): Promise<boolean> {
  const organisations = administeredOrganisations(principal);
  if (organisations === 'all') return true;
  if (scopeType === 'platform') return false;
  const organisation = await organisationOfScope(db, scopeType, scopeId);
  return organisation !== null && organisations.includes(organisation);
}

export async function listAccounts(db: Db, principal: Principal) {
  const all = await db
    .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.email);
  const assignments = all.length
    ? await db.select().from(roleAssignments).where(inArray(roleAssignments.userId, all.map((u) => u.id)))
    : [];
  const administered = administeredOrganisations(principal);
  // The same rule as mayAdminister, decided in memory from one query instead of one per assignment.
  const owners = administered === 'all' ? undefined : await scopesOfOrganisations(db, administered);
  const mayAdministerAssignment = (a: (typeof assignments)[number]) =>
    owners === undefined || (a.scopeType !== 'platform' && a.scopeId !== null && owners.has(`${a.scopeType}:${a.scopeId}`));
  const visible = [];
  for (const user of all) {
    const roles = assignments
      .filter((a) => a.userId === user.id && mayAdministerAssignment(a))
      .map((a) => ({ id: a.id, role: a.role, scopeType: a.scopeType, scopeId: a.scopeId }));
    if (roles.length || administered === 'all') visible.push({ ...user, roles });
  }
  return visible;
}

/** Every organisation, provider and site scope within these organisations, as `scopeType:id`. */
async function scopesOfOrganisations(db: Db, organisationIds: string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .select({ scope: sql<string>`'organisation:' || ${organisations.id}`.as('scope') })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds))
    .unionAll(
      db.select({ scope: sql<string>`'provider:' || ${providers.id}`.as('scope') }).from(providers).where(inArray(providers.organisationId, organisationIds)),
    )
    .unionAll(
      db.select({ scope: sql<string>`'site:' || ${sites.id}`.as('scope') }).from(sites).where(inArray(sites.organisationId, organisationIds)),
    );
  return new Set(rows.map((row) => row.scope));
}

export async function addAssignment(db: Db, userId: string, role: Role, scopeType: ScopeType, scopeId: string | null): Promise<string> {
  const id = newId('ra');
  await db.insert(roleAssignments).values({ id, userId, role, scopeType, scopeId: scopeType === 'platform' ? null : scopeId });
  return id;
}

export async function findAssignment(db: Db, userId: string, assignmentId: string) {
  return db.query.roleAssignments.findFirst({ where: and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)) });
}

export async function removeAssignment(db: Db, assignmentId: string): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
}

/** Disabling an account also ends its sessions, so it cannot go on with one it already has. */
export async function setDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.batch([
    db.update(users).set({ disabled }).where(eq(users.id, userId)),
    ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : []),
  ]);
}
