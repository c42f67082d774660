/** Sites with their providers and service points, as far as a principal may see. */
import { asc, eq, inArray } from 'drizzle-orm';
import { providers, servicePoints, sites } from './schema';
import { visibleSites, type Scope } from './scope';
import type { Db } from './store';

export async function listSites(db: Db, scope: Scope) {
  const siteRows = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      kind: sites.kind,
      locality: sites.locality,
      ward: sites.ward,
      provider: { id: providers.id, code: providers.code, name: providers.name },
    })
    .from(sites)
    .innerJoin(providers, eq(providers.id, sites.providerId))
    .where(visibleSites(scope))
    .orderBy(asc(sites.name));
  if (siteRows.length === 0) return [];
  const points = await db
    .select({ id: servicePoints.id, code: servicePoints.code, name: servicePoints.name, siteId: servicePoints.siteId })
    .from(servicePoints)
    .where(
      inArray(
        servicePoints.siteId,
        siteRows.map((s) => s.id),
      ),
    )
    .orderBy(asc(servicePoints.name));
  return siteRows.map((site) => ({
    ...site,
    servicePoints: points.filter((p) => p.siteId === site.id).map(({ id, code, name }) => ({ id, code, name })),
  }));
}

/** A site's own form code and its service points' codes, for printing every poster of a site. */
export async function siteFormCodes(db: Db, siteCode: string): Promise<string[] | null> {
  const site = await db.select({ id: sites.id, code: sites.code }).from(sites).where(eq(sites.code, siteCode.toLowerCase())).get();
  if (!site) return null;
  const points = await db.select({ code: servicePoints.code }).from(servicePoints).where(eq(servicePoints.siteId, site.id)).orderBy(asc(servicePoints.name));
  return [site.code, ...points.map((p) => p.code)];
}

/** One site by its code, for its public pages. */
export async function siteByCode(db: Db, code: string) {
  return (
    (await db
      .select({ id: sites.id, code: sites.code, name: sites.name, organisationId: sites.organisationId, defaultLanguage: sites.defaultLanguage })
      .from(sites)
      .where(eq(sites.code, code.toLowerCase()))
      .get()) ?? null
  );
}
