/**
 * Where a query may look: a set of sites, given as whole organisations, providers and single sites
 * (or everything, for the platform). The access policy (server/access/policy.ts) works out a
 * principal's scope *for one action* from the assignments whose role permits it; queries turn that
 * scope into one SQL predicate over sites, so nobody receives rows outside it, rather than
 * receiving them and having them filtered out. `db/` knows scopes, never roles.
 */
import { inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Role, ScopeType } from './schema';
import { sites } from './schema';

/** One role held at one scope: the unit the access policy reasons about. */
export interface Assignment {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** A signed-in person and what they hold. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  assignments: Assignment[];
}

export interface Scope {
  /** Every site of every organisation. */
  platform: boolean;
  organisations: readonly string[];
  providers: readonly string[];
  sites: readonly string[];
}

export const NO_SCOPE: Scope = { platform: false, organisations: [], providers: [], sites: [] };
export const EVERY_SITE: Scope = { platform: true, organisations: [], providers: [], sites: [] };

/** The union of some assignments' scopes. */
export function scopeOf(assignments: readonly Assignment[]): Scope {
  const ids = (type: ScopeType) => [...new Set(assignments.filter((a) => a.scopeType === type && a.scopeId).map((a) => a.scopeId as string))];
  return {
    platform: assignments.some((a) => a.scopeType === 'platform'),
    organisations: ids('organisation'),
    providers: ids('provider'),
    sites: ids('site'),
  };
}

/** A predicate on `sites` selecting the sites in scope (`sql\`0\`` for none); undefined for the platform. */
export function visibleSites(scope: Scope): SQL | undefined {
  if (scope.platform) return undefined;
  const parts = [
    scope.organisations.length ? inArray(sites.organisationId, [...scope.organisations]) : undefined,
    scope.providers.length ? inArray(sites.providerId, [...scope.providers]) : undefined,
    scope.sites.length ? inArray(sites.id, [...scope.sites]) : undefined,
  ].filter((part): part is SQL => part !== undefined);
  return parts.length ? or(...parts) : sql`0`;
}

/**
 * `column IN (the sites in scope)`, or undefined when the scope is every site, so it can go
 * straight into drizzle's `and(...)`.
 *
 * @example
 * where(and(eq(comments.id, id), siteIn(comments.siteId, scope)))
 */
export function siteIn(column: SQLWrapper, scope: Scope): SQL | undefined {
  const visible = visibleSites(scope);
  return visible && sql`${column} IN (SELECT ${sites.id} FROM ${sites} WHERE ${visible})`;
}

/** visibleSites as a predicate that is always there: `1` (every site) for the platform. */
export function scopeOrAll(scope: Scope): SQL {
  return visibleSites(scope) ?? sql`1`;
}

/**
 * The site filters reports and drill-down share, over any table's site column: the sites in
 * scope, one site, and one provider's sites.
 */
export function siteFilters(column: SQLWrapper, scope: Scope, filters: { siteId?: string | undefined; providerId?: string | undefined }): SQL[] {
  const where: SQL[] = [];
  const inScope = siteIn(column, scope);
  if (inScope) where.push(inScope);
  if (filters.siteId) where.push(sql`${column} = ${filters.siteId}`);
  if (filters.providerId) where.push(sql`${column} IN (SELECT ${sites.id} FROM ${sites} WHERE ${sites.providerId} = ${filters.providerId})`);
  return where;
}

/** Whether a site (with its provider and organisation) is in scope, decided in memory. */
export function scopeHas(scope: Scope, site: { organisationId: string; providerId: string; siteId: string }): boolean {
  return scope.platform || scope.organisations.includes(site.organisationId) || scope.providers.includes(site.providerId) || scope.sites.includes(site.siteId);
}
