/**
 * A council's places as its admins manage them: organisations, providers, sites and service points,
 * archived ones included. Each write is a list of statements the service puts in one batch with its
 * audit row (db/audit.ts), so an import of forty sites lands whole or not at all.
 */
import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId } from './ids';
import type { SurveyDefinition } from '../survey/survey-schema';
import { organisations, providers, responses, servicePoints, sites, surveys, surveyVersions, type SiteKind } from './schema';
import type { Db } from './store';

export interface PlaceProvider {
  id: string;
  organisationId: string;
  code: string;
  name: string;
  archived: boolean;
}

export interface PlacePoint {
  id: string;
  siteId: string;
  code: string;
  name: string;
  surveyId: string | null;
  archived: boolean;
}

export interface PlaceSite {
  id: string;
  organisationId: string;
  providerId: string;
  code: string;
  name: string;
  kind: SiteKind;
  locality: string;
  ward: string | null;
  defaultLanguage: string;
  surveyId: string | null;
  archived: boolean;
  servicePoints: PlacePoint[];
}

export interface PlaceOrganisation {
  id: string;
  slug: string;
  name: string;
  defaultSurveyId: string | null;
  providers: PlaceProvider[];
  sites: PlaceSite[];
  surveys: { id: string; name: string; status: string }[];
}

/** Every organisation in `organisationIds` (undefined: all), with all of its places, archived ones marked. */
export async function listPlaces(db: Db, organisationIds: string[] | undefined): Promise<PlaceOrganisation[]> {
  if (organisationIds?.length === 0) return [];
  const orgFilter = organisationIds ? inArray(organisations.id, organisationIds) : undefined;
  const orgs = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, defaultSurveyId: organisations.defaultSurveyId })
    .from(organisations)
    .where(orgFilter)
    .orderBy(asc(organisations.name));
  if (orgs.length === 0) return [];
  const ids = orgs.map((o) => o.id);
  const [providerRows, siteRows, pointRows, surveyRows] = await Promise.all([
    db.select().from(providers).where(inArray(providers.organisationId, ids)).orderBy(asc(providers.name)),
    db.select().from(sites).where(inArray(sites.organisationId, ids)).orderBy(asc(sites.name)),
    db
      .select({ point: servicePoints })
      .from(servicePoints)
      .innerJoin(sites, eq(sites.id, servicePoints.siteId))
      .where(inArray(sites.organisationId, ids))
      .orderBy(asc(servicePoints.name)),
    db
      .select({ id: surveys.id, name: surveys.name, status: surveys.status, organisationId: surveys.organisationId })
      .from(surveys)
      .where(inArray(surveys.organisationId, ids))
      .orderBy(asc(surveys.name)),
  ]);
  const points = pointRows.map(({ point }) => ({
    id: point.id,
    siteId: point.siteId,
    code: point.code,
    name: point.name,
    surveyId: point.surveyId,
    archived: point.archivedAt !== null,
  }));
  return orgs.map((org) => ({
    ...org,
    providers: providerRows
      .filter((p) => p.organisationId === org.id)
      .map((p) => ({ id: p.id, organisationId: p.organisationId, code: p.code, name: p.name, archived: p.archivedAt !== null })),
    sites: siteRows
      .filter((s) => s.organisationId === org.id)
      .map((s) => ({
        id: s.id,
        organisationId: s.organisationId,
        providerId: s.providerId,
        code: s.code,
        name: s.name,
        kind: s.kind,
        locality: s.locality,
        ward: s.ward,
        defaultLanguage: s.defaultLanguage,
        surveyId: s.surveyId,
        archived: s.archivedAt !== null,
        servicePoints: points.filter((p) => p.siteId === s.id),
      })),
    surveys: surveyRows.filter((s) => s.organisationId === org.id).map(({ id, name, status }) => ({ id, name, status })),
  }));
}

/** The codes already taken among `codes`, by a site or a service point (codes share one namespace: /f/{code}). */
export async function takenCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const lower = codes.map((c) => c.toLowerCase());
  const [siteCodes, pointCodes] = await Promise.all([
    db.select({ code: sites.code }).from(sites).where(inArray(sites.code, lower)),
    db.select({ code: servicePoints.code }).from(servicePoints).where(inArray(servicePoints.code, lower)),
  ]);
  return new Set([...siteCodes, ...pointCodes].map((r) => r.code));
}

export async function organisationSlugTaken(db: Db, slug: string): Promise<boolean> {
  return !!(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get());
}

/** How many responses a site (with its service points) or a service point holds: archive, never delete, once any exist. */
export async function responsesAt(db: Db, place: { siteId: string } | { servicePointId: string }): Promise<number> {
  const where = 'siteId' in place ? eq(responses.siteId, place.siteId) : eq(responses.servicePointId, place.servicePointId);
  const row = await db.select({ n: count() }).from(responses).where(where).get();
  return row?.n ?? 0;
}

/**
 * A new organisation with a live starter survey as its default, so a site's QR code opens a form
 * the moment the site exists; the council edits or replaces it later.
 */
export function insertOrganisation(db: Db, input: { slug: string; name: string; starterSurvey: { name: string; definition: SurveyDefinition } }) {
  const id = newId('org');
  const surveyId = newId('srv');
  const versionId = newId('sv');
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(organisations).values({ id, slug: input.slug, name: input.name, settings: {}, defaultSurveyId: surveyId }),
    db.insert(surveys).values({ id: surveyId, organisationId: id, name: input.starterSurvey.name, status: 'live', currentVersionId: versionId }),
    db.insert(surveyVersions).values({ id: versionId, surveyId, version: 1, definition: JSON.stringify(input.starterSurvey.definition) }),
  ];
  return { id, surveyId, statements };
}

export function insertProvider(db: Db, input: { organisationId: string; code: string; name: string }) {
  const id = newId('prv');
  return { id, statement: db.insert(providers).values({ id, ...input }) };
}

export interface SiteFields {
  providerId: string;
  name: string;
  kind: SiteKind;
  locality: string;
  ward: string | null;
  defaultLanguage: string;
}

export function insertSite(db: Db, input: SiteFields & { organisationId: string; code: string }) {
  const id = newId('site');
  return { id, statement: db.insert(sites).values({ id, ...input, code: input.code.toLowerCase() }) };
}

export function insertServicePoint(db: Db, input: { siteId: string; code: string; name: string }) {
  const id = newId('sp');
  return { id, statement: db.insert(servicePoints).values({ id, ...input, code: input.code.toLowerCase() }) };
}

export const updateProvider = (db: Db, id: string, changes: { name?: string; archivedAt?: Date | null }) =>
  db.update(providers).set(changes).where(eq(providers.id, id));

export const updateSite = (db: Db, id: string, changes: Partial<SiteFields> & { archivedAt?: Date | null }) =>
  db.update(sites).set(changes).where(eq(sites.id, id));

export const updateServicePoint = (db: Db, id: string, changes: { name?: string; archivedAt?: Date | null }) =>
  db.update(servicePoints).set(changes).where(eq(servicePoints.id, id));

/** Archiving a site archives its service points with it: a poster left on a wall then says the form has closed. */
export const archivePointsOfSite = (db: Db, siteId: string, at: Date) =>
  db
    .update(servicePoints)
    .set({ archivedAt: at })
    .where(and(eq(servicePoints.siteId, siteId), isNull(servicePoints.archivedAt)));

export const deleteSite = (db: Db, siteId: string): BatchItem<'sqlite'>[] => [
  db.delete(servicePoints).where(eq(servicePoints.siteId, siteId)),
  db.delete(sites).where(eq(sites.id, siteId)),
];

export const deleteServicePoint = (db: Db, id: string) => db.delete(servicePoints).where(eq(servicePoints.id, id));

/** A site or service point by its code, with where it sits: for the services' scope checks. */
export async function placeOfCode(db: Db, code: string) {
  const lower = code.toLowerCase();
  const site = await db.select({ site: sites }).from(sites).where(eq(sites.code, lower)).get();
  if (site) return { kind: 'site' as const, site: site.site, point: null };
  const point = await db
    .select({ point: servicePoints, site: sites })
    .from(servicePoints)
    .innerJoin(sites, eq(sites.id, servicePoints.siteId))
    .where(eq(servicePoints.code, lower))
    .get();
  return point ? { kind: 'servicePoint' as const, site: point.site, point: point.point } : null;
}

export async function providerById(db: Db, id: string) {
  return db.select().from(providers).where(eq(providers.id, id)).get();
}

/** A provider of the organisation by id or code. */
export async function findProvider(db: Db, organisationId: string, idOrCode: string) {
  return db
    .select()
    .from(providers)
    .where(and(eq(providers.organisationId, organisationId), or(eq(providers.id, idOrCode), eq(providers.code, idOrCode.toLowerCase()))))
    .get();
}

/** Whether any organisation exists: an empty hubvoice leads its first admin to setup. */
export async function hasOrganisation(db: Db): Promise<boolean> {
  return !!(await db.select({ one: sql`1` }).from(organisations).limit(1).get());
}
