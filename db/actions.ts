/**
 * "You said, we did": what families said and what changed, written by staff as a draft, then
 * published to the thank-you pages, posters and public page of the places it names (db/schema.ts
 * `actions`, `action_places`). Writes take their audit entry and commit with it.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { type AuditEntry, auditStatement } from './audit';
import { newId } from './ids';
import { actionPlaces, actions, servicePoints, sites } from './schema';
import type { Db } from './store';

export interface PublishedAction {
  id: string;
  youSaid: Record<string, string>;
  weDid: Record<string, string>;
  publishedAt: Date | null;
  changedOn?: string | null;
}

/** A place an action is shown: a whole site, or one of its service points. */
export interface ActionPlace {
  siteId: string;
  servicePointId: string | null;
}

export interface ActionInput {
  youSaid: Record<string, string>;
  weDid: Record<string, string>;
  themes: string[];
  changedOn: string | null;
  places: ActionPlace[];
}

export interface ActionRecord extends ActionInput {
  id: string;
  organisationId: string;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date | null;
  /** The older rule for actions written without places: this site, or null for every site. */
  siteId: string | null;
}

const published = (organisationId: string) => and(eq(actions.organisationId, organisationId), eq(actions.status, 'published'));
const placed = sql`EXISTS (SELECT 1 FROM ${actionPlaces} WHERE ${actionPlaces.actionId} = ${actions.id})`;
const unplacedAt = (siteId: string) => and(sql`NOT ${placed}`, or(eq(actions.siteId, siteId), isNull(actions.siteId)));

const publishedColumns = { id: actions.id, youSaid: actions.youSaid, weDid: actions.weDid, publishedAt: actions.publishedAt, changedOn: actions.changedOn };

/**
 * The latest published actions families at a form should see: those placed at its site as a whole
 * or at its service point, and the organisation's older site-wide ones.
 */
export async function latestPublishedActions(
  db: Db,
  where: { organisationId: string; siteId: string; servicePointId?: string | null | undefined },
  limit = 3,
): Promise<PublishedAction[]> {
  const point = where.servicePointId
    ? sql`(${actionPlaces.servicePointId} IS NULL OR ${actionPlaces.servicePointId} = ${where.servicePointId})`
    : sql`${actionPlaces.servicePointId} IS NULL`;
  const here = sql`EXISTS (SELECT 1 FROM ${actionPlaces} WHERE ${actionPlaces.actionId} = ${actions.id} AND ${actionPlaces.siteId} = ${where.siteId} AND ${point})`;
  return db
    .select(publishedColumns)
    .from(actions)
    .where(and(published(where.organisationId), or(here, unplacedAt(where.siteId))))
    .orderBy(desc(actions.publishedAt))
    .limit(limit);
}

/** Every published action shown anywhere at a site (its service points' too), newest first: the hub's public page. */
export async function publishedActionsAtSite(db: Db, where: { organisationId: string; siteId: string }, limit = 50): Promise<PublishedAction[]> {
  const here = sql`EXISTS (SELECT 1 FROM ${actionPlaces} WHERE ${actionPlaces.actionId} = ${actions.id} AND ${actionPlaces.siteId} = ${where.siteId})`;
  return db
    .select(publishedColumns)
    .from(actions)
    .where(and(published(where.organisationId), or(here, unplacedAt(where.siteId))))
    .orderBy(desc(actions.publishedAt))
    .limit(limit);
}

/**
 * Actions published in [from, to) at any of the sites (or organisation-wide), for reports such as
 * the quarterly report's "actions published".
 */
export async function publishedActionsBetween(db: Db, where: { organisationId: string; siteIds?: string[]; from: Date; to: Date }): Promise<PublishedAction[]> {
  const conditions: (SQL | undefined)[] = [published(where.organisationId), gte(actions.publishedAt, where.from), lt(actions.publishedAt, where.to)];
  if (where.siteIds) {
    const ids = where.siteIds.length ? where.siteIds : [''];
    conditions.push(
      or(
        sql`EXISTS (SELECT 1 FROM ${actionPlaces} WHERE ${actionPlaces.actionId} = ${actions.id} AND ${inArray(actionPlaces.siteId, ids)})`,
        and(sql`NOT ${placed}`, or(isNull(actions.siteId), inArray(actions.siteId, ids))),
      ),
    );
  }
  return db
    .select(publishedColumns)
    .from(actions)
    .where(and(...conditions))
    .orderBy(asc(actions.publishedAt));
}

/** The organisations' actions with their places, newest first. */
export async function listActions(db: Db, organisationIds: string[] | 'all'): Promise<ActionRecord[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  const rows = await db
    .select()
    .from(actions)
    .where(organisationIds === 'all' ? undefined : inArray(actions.organisationId, organisationIds))
    .orderBy(desc(actions.createdAt), desc(actions.id));
  return withPlaces(db, rows);
}

export async function getAction(db: Db, id: string): Promise<ActionRecord | null> {
  const row = await db.select().from(actions).where(eq(actions.id, id)).get();
  return row ? ((await withPlaces(db, [row]))[0] ?? null) : null;
}

async function withPlaces(db: Db, rows: (typeof actions.$inferSelect)[]): Promise<ActionRecord[]> {
  if (rows.length === 0) return [];
  const places = await db
    .select({ actionId: actionPlaces.actionId, siteId: actionPlaces.siteId, servicePointId: actionPlaces.servicePointId })
    .from(actionPlaces)
    .where(
      inArray(
        actionPlaces.actionId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    siteId: row.siteId,
    youSaid: row.youSaid,
    weDid: row.weDid,
    themes: row.themes,
    changedOn: row.changedOn,
    places: places.filter((p) => p.actionId === row.id).map(({ siteId, servicePointId }) => ({ siteId, servicePointId })),
  }));
}

const placeRows = (db: Db, actionId: string, places: ActionPlace[]) =>
  places.map((place) => db.insert(actionPlaces).values({ actionId, siteId: place.siteId, servicePointId: place.servicePointId }));

/** Writes a draft with its places and its audit row in one batch. */
export async function createAction(db: Db, organisationId: string, input: ActionInput, createdBy: string, audit: (id: string) => AuditEntry): Promise<string> {
  const id = newId('act');
  const { places, ...fields } = input;
  await db.batch([
    db.insert(actions).values({ id, organisationId, siteId: null, status: 'draft', createdBy, ...fields }),
    ...placeRows(db, id, places),
    auditStatement(db, audit(id)),
  ]);
  return id;
}

/** Replaces an action's words, themes, date and places (a published action stays published). */
export async function updateAction(db: Db, id: string, input: ActionInput, at: Date, audit: AuditEntry): Promise<void> {
  const { places, ...fields } = input;
  await db.batch([
    db
      .update(actions)
      .set({ ...fields, updatedAt: at })
      .where(eq(actions.id, id)),
    db.delete(actionPlaces).where(eq(actionPlaces.actionId, id)),
    ...placeRows(db, id, places),
    auditStatement(db, audit),
  ]);
}

/** Publishes (or takes back to draft) an action. */
export async function setActionStatus(db: Db, id: string, status: 'draft' | 'published', at: Date, audit: AuditEntry): Promise<void> {
  await db.batch([
    db
      .update(actions)
      .set({ status, publishedAt: status === 'published' ? at : null, updatedAt: at })
      .where(eq(actions.id, id)),
    auditStatement(db, audit),
  ]);
}

/** Sites (with provider) and service points by id, to check and name an action's places. */
export async function placeDetails(db: Db, siteIds: string[]) {
  if (siteIds.length === 0) return { sites: [], servicePoints: [] };
  const [siteRows, pointRows] = await Promise.all([
    db
      .select({ id: sites.id, code: sites.code, name: sites.name, organisationId: sites.organisationId, providerId: sites.providerId })
      .from(sites)
      .where(inArray(sites.id, siteIds)),
    db
      .select({ id: servicePoints.id, code: servicePoints.code, name: servicePoints.name, siteId: servicePoints.siteId })
      .from(servicePoints)
      .where(inArray(servicePoints.siteId, siteIds)),
  ]);
  return { sites: siteRows, servicePoints: pointRows };
}
