/**
 * What a signed-in person may see: the union of their role assignments' scopes. Queries turn a
 * scope into one SQL predicate over sites, so a provider manager never receives another provider's
 * rows, rather than receiving them and having them filtered out.
 */
import { inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Role, ScopeType } from './schema';
import { sites } from './schema';

export interface Assignment {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export interface Principal {
  userId: string;
  email: string;
  name: string;
  assignments: Assignment[];
}

/** A predicate on `sites` selecting the sites the principal can see (`sql\`0\`` for none). */
export function visibleSites(principal: Principal): SQL | undefined {
  if (principal.assignments.some((a) => a.scopeType === 'platform')) return undefined;
  const ids = (type: ScopeType) =>
    principal.assignments.filter((a) => a.scopeType === type && a.scopeId).map((a) => a.scopeId as string);
  const parts = [
    ids('organisation').length ? inArray(sites.organisationId, ids('organisation')) : undefined,
    ids('provider').length ? inArray(sites.providerId, ids('provider')) : undefined,
    ids('site').length ? inArray(sites.id, ids('site')) : undefined,
  ].filter((part): part is SQL => part !== undefined);
  return parts.length ? or(...parts) : sql`0`;
}

/**
 * `column IN (the sites the principal can see)`, or undefined when they see every site, so it can
 * go straight into drizzle's `and(...)`.
 *
 * @example
 * where(and(eq(comments.id, id), siteIn(comments.siteId, principal)))
 */
export function siteIn(column: SQLWrapper, principal: Principal): SQL | undefined {
  const scope = visibleSites(principal);
  return scope && sql`${column} IN (SELECT ${sites.id} FROM ${sites} WHERE ${scope})`;
}

/** visibleSites as a predicate that is always there: `1` (every site) for a platform scope. */
export function scopeOrAll(principal: Principal): SQL {
  return visibleSites(principal) ?? sql`1`;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.assignments.some((a) => roles.includes(a.role));
}

/**
 * The site filters reports and drill-down share, over any table's site column: the sites the
 * principal can see, one site, and one provider's sites.
 */
export function siteFilters(column: SQLWrapper, principal: Principal, filters: { siteId?: string | undefined; providerId?: string | undefined }): SQL[] {
  const where: SQL[] = [];
  const scope = siteIn(column, principal);
  if (scope) where.push(scope);
  if (filters.siteId) where.push(sql`${column} = ${filters.siteId}`);
  if (filters.providerId) where.push(sql`${column} IN (SELECT ${sites.id} FROM ${sites} WHERE ${sites.providerId} = ${filters.providerId})`);
  return where;
}
