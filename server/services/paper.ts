/**
 * Paper forms keyed in by staff (issue 14): which sites the person may key in for, the form a site
 * uses, and the record of who keyed each response and the date written on the paper.
 */
import { eq } from 'drizzle-orm';
import type { FormTarget } from '../../db/forms';
import { paperEntries, sites } from '../../db/schema';
import { scopeHas, visibleSites, type Principal } from '../../db/scope';
import { scopeFor } from '../access/policy';
import type { ServiceDeps } from './index';

export function paperService(deps: Pick<ServiceDeps, 'store' | 'now' | 'forms'>) {
  const { db } = deps.store;
  return {
    /** Sites the person may key paper forms in for, by name. */
    sites: (principal: Principal) =>
      db
        .select({ code: sites.code, name: sites.name })
        .from(sites)
        .where(visibleSites(scopeFor(principal, 'paper.enter')))
        .orderBy(sites.name),

    /** The form a site's families answer, if the person may key in for that site; else null. */
    async target(principal: Principal, code: string): Promise<FormTarget | null> {
      const target = await deps.forms.find(code);
      if (!target || target.servicePoint) return null;
      const site = await db.select({ providerId: sites.providerId }).from(sites).where(eq(sites.id, target.site.id)).get();
      if (!site) return null;
      return scopeHas(scopeFor(principal, 'paper.enter'), { organisationId: target.organisationId, providerId: site.providerId, siteId: target.site.id })
        ? target
        : null;
    },

    async record(principal: Principal, entry: { responseId: string; siteId: string; paperDate: string }) {
      await db
        .insert(paperEntries)
        .values({ ...entry, keyedBy: principal.userId, keyedAt: deps.now() })
        .onConflictDoNothing();
    },
  };
}
