/**
 * Finds what a QR code or embed code points at: a site or one of its service points, and the
 * survey version its families answer. Survey versions never change once written, so their parsed
 * definitions are cached for the life of the process; code look-ups are cached briefly.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SurveyDefinition } from '../survey/survey-schema';
import type { LocalSupportLine } from '../survey/support';
import { organisations, servicePoints, sites, surveys, surveyVersions } from './schema';
import type { Db } from './store';

export interface FormTarget {
  code: string;
  organisationId: string;
  /** Origins allowed to embed this form and call the public API for it; `*` allows any. */
  allowedOrigins: string[];
  /** The organisation's own help lines, shown after a possible disclosure beside the national ones. */
  supportLines: LocalSupportLine[];
  /** The organisation's look on its forms: an accent colour (checked to WCAG AA when saved) and whether it has a logo. */
  brand?: { accentColour: string | null; logo: boolean };
  /** The organisation's own wording of the free-text question after the FFT one (English). */
  followUpWording?: string | null;
  site: { id: string; code: string; name: string; defaultLanguage: string };
  servicePoint: { id: string; code: string; name: string } | null;
  survey: { id: string; versionId: string; version: number; definition: SurveyDefinition };
}

const definitions = new Map<string, SurveyDefinition>();

export class FormDirectory {
  /**
   * Found targets only, each as the in-flight or settled look-up: caching misses would let anyone
   * typing codes grow the map without bound, and sharing the promise means concurrent first
   * look-ups of a popular code make one query.
   */
  private cache = new Map<string, { at: number; target: Promise<FormTarget | null> }>();

  constructor(
    private db: Db,
    private ttlMs = 30_000,
  ) {}

  async find(code: string, now = Date.now()): Promise<FormTarget | null> {
    const key = code.toLowerCase();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.target;
    const entry = { at: now, target: findFormTarget(this.db, key) };
    this.cache.set(key, entry);
    const forget = () => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    };
    entry.target.then((target) => target ?? forget(), forget);
    return entry.target;
  }

  private anyOrigins: { at: number; origins: Promise<string[]> } | undefined;

  /** Every origin any organisation allows, for a preflight that cannot name its form (cached like codes). */
  async anyAllowedOrigins(now = Date.now()): Promise<string[]> {
    if (!this.anyOrigins || now - this.anyOrigins.at >= this.ttlMs) {
      this.anyOrigins = { at: now, origins: allowedOriginsOfAnyOrganisation(this.db) };
    }
    return this.anyOrigins.origins;
  }

  /** Forgets every cached look-up, after a survey is assigned or versioned, so families see the change at once. */
  forget(): void {
    this.cache.clear();
    this.anyOrigins = undefined;
  }
}

export async function findFormTarget(db: Db, code: string): Promise<FormTarget | null> {
  const lower = code.toLowerCase();
  const point = await db
    .select({ id: servicePoints.id, code: servicePoints.code, name: servicePoints.name, siteId: servicePoints.siteId, surveyId: servicePoints.surveyId })
    .from(servicePoints)
    // An archived place's poster may still be on a wall: its code then finds no form.
    .where(and(eq(servicePoints.code, lower), isNull(servicePoints.archivedAt)))
    .get();
  const site = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      defaultLanguage: sites.defaultLanguage,
      organisationId: sites.organisationId,
      surveyId: sites.surveyId,
      orgSurveyId: organisations.defaultSurveyId,
      settings: organisations.settings,
    })
    .from(sites)
    .innerJoin(organisations, eq(organisations.id, sites.organisationId))
    .where(and(point ? eq(sites.id, point.siteId) : eq(sites.code, lower), isNull(sites.archivedAt)))
    .get();
  if (!site) return null;
  const surveyId = point?.surveyId ?? site.surveyId ?? site.orgSurveyId;
  if (!surveyId) return null;
  const version = await db
    .select({ id: surveyVersions.id, version: surveyVersions.version, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(sql`${surveys.id} = ${surveyId} AND ${surveys.status} = 'live'`)
    .get();
  if (!version) return null;
  let definition = definitions.get(version.id);
  if (!definition) {
    definition = SurveyDefinition.parse(JSON.parse(version.definition));
    definitions.set(version.id, definition);
  }
  return {
    code: lower,
    organisationId: site.organisationId,
    allowedOrigins: site.settings.allowedOrigins ?? [],
    supportLines: site.settings.supportLines ?? [],
    brand: { accentColour: site.settings.accentColour ?? null, logo: !!site.settings.logo },
    followUpWording: site.settings.followUpWording ?? null,
    site: { id: site.id, code: site.code, name: site.name, defaultLanguage: site.defaultLanguage },
    servicePoint: point ? { id: point.id, code: point.code, name: point.name } : null,
    survey: { id: surveyId, versionId: version.id, version: version.version, definition },
  };
}

/** Every origin any organisation allows (`*` included), for a preflight that cannot name its form. */
export async function allowedOriginsOfAnyOrganisation(db: Db): Promise<string[]> {
  const rows = await db.select({ settings: organisations.settings }).from(organisations);
  return [...new Set(rows.flatMap((row) => row.settings.allowedOrigins ?? []))];
}
