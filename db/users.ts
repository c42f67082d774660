/** Accounts and sessions. Tokens are stored only as SHA-256 hashes. */
import { and, eq, gt } from 'drizzle-orm';
import { organisationOfScope } from './accounts';
import { auditStatement, type AuditEntry } from './audit';
import { newId } from './ids';
import { roleAssignments, sessions, users, type Role, type ScopeType } from './schema';
import type { Principal } from './scope';
import type { Db } from './store';

export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string; role: Role; scopeType: ScopeType; scopeId: string | null },
  audit?: AuditEntry,
): Promise<string> {
  const id = newId('u');
  // The account belongs to the organisation of its first role (none for a platform role).
  const organisationId = await organisationOfScope(db, input.scopeType, input.scopeId);
  await db.batch([
    db.insert(users).values({ id, email: input.email.toLowerCase(), name: input.name, passwordHash: input.passwordHash, organisationId }),
    db.insert(roleAssignments).values({ id: newId('ra'), userId: id, role: input.role, scopeType: input.scopeType, scopeId: input.scopeId }),
    ...(audit ? [auditStatement(db, { ...audit, targetId: id })] : []),
  ]);
  return id;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.query.users.findFirst({ where: eq(users.email, email.toLowerCase()) });
}

export async function countUsers(db: Db): Promise<number> {
  return await db.$count(users);
}

/** Starts a session and notes the sign-in on the account (the people page shows it). */
export async function createSession(db: Db, userId: string, tokenHash: string, expiresAt: Date, at = new Date()): Promise<void> {
  await db.batch([db.insert(sessions).values({ tokenHash, userId, expiresAt }), db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId))]);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The principal behind a live session, or null when the token is unknown, expired or disabled. */
export async function principalForSession(db: Db, tokenHash: string, now: Date): Promise<Principal | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row || row.disabled) return null;
  const assignments = await db
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, row.id));
  return { userId: row.id, email: row.email, name: row.name, assignments };
}
