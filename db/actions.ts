/** "You said, we did": the latest published actions a site's families should see (its own and the organisation's). */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { actions } from './schema';
import type { Db } from './store';

export interface PublishedAction {
  id: string;
  youSaid: Record<string, string>;
  weDid: Record<string, string>;
  publishedAt: Date | null;
}

export async function latestPublishedActions(db: Db, where: { organisationId: string; siteId: string }, limit = 3): Promise<PublishedAction[]> {
  return db
    .select({ id: actions.id, youSaid: actions.youSaid, weDid: actions.weDid, publishedAt: actions.publishedAt })
    .from(actions)
    .where(and(eq(actions.organisationId, where.organisationId), eq(actions.status, 'published'), or(eq(actions.siteId, where.siteId), isNull(actions.siteId))))
    .orderBy(desc(actions.publishedAt))
    .limit(limit);
}
