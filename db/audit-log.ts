/**
 * Reading the audit log (db/audit.ts writes it): filtered by who, what and when, newest first,
 * within the organisations a caller may read: rows about them, and rows by their people (a
 * sign-in is about no organisation, but its account belongs to one).
 */
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditedAction } from './audit';
import { auditLog, users } from './schema';
import type { Db } from './store';

export interface AuditFilter {
  /** 'all' for a platform admin. */
  organisationIds: 'all' | string[];
  /** Part of the email address of who did it. */
  who?: string | undefined;
  action?: AuditedAction | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

function where(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.organisationIds !== 'all') {
    const ids = filter.organisationIds.length ? filter.organisationIds : [''];
    conditions.push(
      or(inArray(auditLog.organisationId, ids), inArray(auditLog.userId, sql`(SELECT ${users.id} FROM ${users} WHERE ${inArray(users.organisationId, ids)})`)),
    );
  }
  if (filter.who) {
    const pattern = `%${filter.who.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`lower(${users.email}) LIKE ${pattern} ESCAPE '\\'`);
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  return and(...conditions);
}

/** Audit events, newest first: `limit` of them before the event with id `before` (or the newest). */
export async function auditEvents(db: Db, filter: AuditFilter, page: { limit: number; before?: number | undefined }) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      userId: auditLog.userId,
      email: users.email,
      name: users.name,
      organisationId: auditLog.organisationId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(where(filter), page.before !== undefined ? lt(auditLog.id, page.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
  return rows;
}
