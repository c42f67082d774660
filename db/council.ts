/**
 * A council's network, one row at a time: the organisation, its providers, sites and service
 * points, its default survey and its published "You said, we did". For a council set up by hand
 * and for the tests' own fixture (test/helpers/factories.ts); the demo seed writes the same rows
 * in bulk (db/seed.ts).
 */
import { eq } from 'drizzle-orm';
import { newId } from './ids';
import { actions, organisations, providers, servicePoints, sites, type OrganisationSettings, type SiteKind } from './schema';
import type { Db } from './store';

export async function createOrganisation(db: Db, input: { slug: string; name: string; settings?: OrganisationSettings }): Promise<string> {
  const id = newId('org');
  await db.insert(organisations).values({ id, slug: input.slug, name: input.name, settings: input.settings ?? {} });
  return id;
}

/** The survey a site or service point without its own serves. */
export async function setDefaultSurvey(db: Db, organisationId: string, surveyId: string): Promise<void> {
  await db.update(organisations).set({ defaultSurveyId: surveyId }).where(eq(organisations.id, organisationId));
}

export async function createProvider(db: Db, input: { organisationId: string; code: string; name: string }): Promise<string> {
  const id = newId('prv');
  await db.insert(providers).values({ id, ...input });
  return id;
}

/** Codes are stored lower-case, as /f/{code} looks them up. */
export async function createSite(
  db: Db,
  input: { organisationId: string; providerId: string; code: string; name: string; kind: SiteKind; locality: string; ward?: string | null },
): Promise<string> {
  const id = newId('site');
  await db.insert(sites).values({ id, ...input, code: input.code.toLowerCase(), ward: input.ward ?? null });
  return id;
}

export async function createServicePoint(db: Db, input: { siteId: string; code: string; name: string }): Promise<string> {
  const id = newId('sp');
  await db.insert(servicePoints).values({ id, ...input, code: input.code.toLowerCase() });
  return id;
}

/** A published "You said, we did" item, for one site or (siteId null) the whole organisation. */
export async function publishAction(
  db: Db,
  input: {
    organisationId: string;
    siteId: string | null;
    youSaid: Record<string, string> & { en: string };
    weDid: Record<string, string> & { en: string };
    publishedAt?: Date;
  },
): Promise<string> {
  const id = newId('act');
  await db.insert(actions).values({ id, ...input, status: 'published', publishedAt: input.publishedAt ?? new Date() });
  return id;
}
