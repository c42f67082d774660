/**
 * The places a council runs: its organisation, providers, sites and service points. Admins and
 * commissioners with an organisation-wide role manage them (`sites.manage`); only the platform admin
 * adds an organisation. A place with responses is archived, never deleted: its figures stay true.
 * Every change is audited in the same batch as itself; an import is one batch of every good row.
 */
import { parse } from 'csv-parse/sync';
import type { BatchItem } from 'drizzle-orm/batch';
import { z } from 'zod';
import { auditStatement, type AuditEntry } from '../../db/audit';
import { DEFAULT_SURVEY } from '../../db/demo';
import {
  archivePointsOfSite,
  deleteServicePoint,
  deleteSite,
  findProvider,
  insertOrganisation,
  insertProvider,
  insertServicePoint,
  insertSite,
  listPlaces,
  organisationSlugTaken,
  placeOfCode,
  providerById,
  responsesAt,
  takenCodes,
  updateProvider,
  updateServicePoint,
  updateSite,
  type SiteFields,
} from '../../db/places';
import { SITE_KINDS, type SiteKind } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { LANGUAGES } from '../../survey/translate';
import { can, organisationsFor } from '../access/policy';
import { ApiError, forbidden, notFound, validationFailed, type FieldError } from '../errors';
import { fieldErrors } from '../validate';
import type { ServiceDeps } from './index';

/** A form code: what goes after /f/ on a poster, so short, lower-case and unambiguous to type. */
export const PlaceCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'use 3 to 40 lower-case letters, digits or dashes, starting and ending with a letter or digit');
const Name = z.string().trim().min(1, 'enter a name').max(120, 'use 120 characters or fewer');
const LanguageCode = z.enum(LANGUAGES.map((l) => l.code) as [string, ...string[]]);

export const NewOrganisation = z.object({ name: Name, slug: PlaceCode });
export const NewProvider = z.object({ organisationId: z.string().max(64).optional(), code: PlaceCode, name: Name });
export const ProviderChanges = z.object({ name: Name });
export const NewSite = z.object({
  organisationId: z.string().max(64).optional(),
  /** The provider's id or code. */
  provider: z.string().trim().min(1, 'choose the provider that runs the site').max(64),
  code: PlaceCode,
  name: Name,
  kind: z.enum(SITE_KINDS, { error: 'choose Family Hub, Children’s Centre or outreach venue' }),
  locality: z.string().trim().min(1, 'enter the locality').max(120, 'use 120 characters or fewer'),
  ward: z.string().trim().max(120, 'use 120 characters or fewer').optional(),
  defaultLanguage: LanguageCode.default('en'),
});
export const SiteChanges = NewSite.omit({ organisationId: true, code: true }).partial();
export const NewServicePoint = z.object({ code: PlaceCode, name: Name });
export const ServicePointChanges = z.object({ name: Name });

export { SITE_KINDS };

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  family_hub: 'Family Hub',
  childrens_centre: 'Children’s Centre',
  outreach: 'Outreach venue',
};

/** One row of a sites CSV that could not be imported, and why. */
export interface ImportProblem {
  row: number;
  messages: string[];
}

export interface ImportResult {
  providers: number;
  sites: number;
  servicePoints: number;
  problems: ImportProblem[];
}

const codeTaken = (field: string, code: string): FieldError => ({
  field,
  message: `the code "${code}" is already used by another site or service point`,
  code: 'code_taken',
});

export function placeService(deps: Pick<ServiceDeps, 'store' | 'now' | 'forms'>) {
  const { db } = deps.store;

  const managed = (principal: Principal) => {
    const ids = organisationsFor(principal, 'sites.manage');
    return ids === 'all' ? undefined : ids;
  };
  const manages = (principal: Principal, organisationId: string) => managed(principal)?.includes(organisationId) ?? true;

  const audit = (
    principal: Principal,
    organisationId: string,
    action: AuditEntry['action'],
    targetType: AuditEntry['targetType'],
    targetId: string,
    details: Record<string, unknown> = {},
  ) => auditStatement(db, { at: deps.now(), userId: principal.userId, organisationId, action, targetType, targetId, details });

  const commit = async (statements: BatchItem<'sqlite'>[]) => {
    const [first, ...rest] = statements;
    if (first) await db.batch([first, ...rest]);
    deps.forms.forget();
  };

  /** The organisation a write is for: the one named, or the caller's only one. */
  async function organisationFor(principal: Principal, asked: string | undefined): Promise<string> {
    const mine = managed(principal);
    const all = mine ?? (await listPlaces(db, undefined)).map((o) => o.id);
    const id = asked ?? (all.length === 1 ? all[0] : undefined);
    if (!id) throw validationFailed([{ field: 'organisationId', message: 'say which organisation this is for', code: 'required' }]);
    if (!all.includes(id)) throw notFound('That organisation');
    return id;
  }

  /** A site or service point the caller manages, or a 404 (another council's codes are not theirs to know of). */
  async function managedPlace(principal: Principal, code: string) {
    const place = await placeOfCode(db, code);
    if (!place || !manages(principal, place.site.organisationId)) throw notFound(`A site or service point with the code "${code}"`);
    return place;
  }

  async function managedSite(principal: Principal, code: string) {
    const place = await managedPlace(principal, code);
    if (place.kind !== 'site') throw notFound(`A site with the code "${code}"`);
    return place.site;
  }

  async function providerOf(organisationId: string, idOrCode: string) {
    const provider = await findProvider(db, organisationId, idOrCode);
    if (!provider) throw validationFailed([{ field: 'provider', message: 'choose a provider of this organisation', code: 'unknown_provider' }]);
    if (provider.archivedAt) throw validationFailed([{ field: 'provider', message: 'that provider is archived; choose a current one', code: 'archived' }]);
    return provider;
  }

  return {
    /** Every organisation the caller may manage, with all its places; for the setup and sites pages. */
    list: (principal: Principal) => listPlaces(db, managed(principal)),

    /** Whether the caller's council still lacks an organisation, a provider or a site: the dashboard then leads to setup. */
    async needsSetup(principal: Principal): Promise<boolean> {
      const organisations = await listPlaces(db, managed(principal));
      if (organisations.length === 0) return can(principal, 'organisations.create') || (managed(principal)?.length ?? 0) > 0;
      return organisations.every((o) => !o.sites.some((s) => !s.archived));
    },

    async createOrganisation(principal: Principal, input: z.infer<typeof NewOrganisation>) {
      if (!can(principal, 'organisations.create')) throw forbidden();
      if (await organisationSlugTaken(db, input.slug)) {
        throw new ApiError(409, 'conflict', 'An organisation already has that short name.', [
          { field: 'slug', message: 'another organisation already has this short name', code: 'slug_taken' },
        ]);
      }
      const { id, surveyId, statements } = insertOrganisation(db, { ...input, starterSurvey: { name: 'Family Hub feedback', definition: DEFAULT_SURVEY } });
      await commit([
        ...statements,
        audit(principal, id, 'organisation_created', 'organisation', id, { name: input.name }),
        audit(principal, id, 'survey_created', 'survey', surveyId, { version: 1, starter: true }),
      ]);
      return { id, ...input };
    },

    async createProvider(principal: Principal, input: z.infer<typeof NewProvider>) {
      const organisationId = await organisationFor(principal, input.organisationId);
      if (await findProvider(db, organisationId, input.code)) {
        throw new ApiError(409, 'conflict', 'A provider already has that code.', [
          { field: 'code', message: 'another provider of this organisation has this code', code: 'code_taken' },
        ]);
      }
      const { id, statement } = insertProvider(db, { organisationId, code: input.code, name: input.name });
      await commit([statement, audit(principal, organisationId, 'place_created', 'provider', id, { code: input.code })]);
      return { id, organisationId, code: input.code, name: input.name, archived: false };
    },

    async updateProvider(principal: Principal, id: string, changes: z.infer<typeof ProviderChanges> & { archived?: boolean }) {
      const provider = await providerById(db, id);
      if (!provider || !manages(principal, provider.organisationId)) throw notFound('That provider');
      const archivedAt = changes.archived === undefined ? undefined : changes.archived ? deps.now() : null;
      await commit([
        updateProvider(db, id, { name: changes.name, ...(archivedAt !== undefined ? { archivedAt } : {}) }),
        audit(principal, provider.organisationId, changes.archived ? 'place_archived' : 'place_updated', 'provider', id, changes),
      ]);
      return {
        id,
        organisationId: provider.organisationId,
        code: provider.code,
        name: changes.name ?? provider.name,
        archived: archivedAt === undefined ? !!provider.archivedAt : !!archivedAt,
      };
    },

    async createSite(principal: Principal, input: z.infer<typeof NewSite>) {
      const organisationId = await organisationFor(principal, input.organisationId);
      const provider = await providerOf(organisationId, input.provider);
      if ((await takenCodes(db, [input.code])).size) throw new ApiError(409, 'conflict', 'That code is already in use.', [codeTaken('code', input.code)]);
      const fields: SiteFields = {
        providerId: provider.id,
        name: input.name,
        kind: input.kind,
        locality: input.locality,
        ward: input.ward || null,
        defaultLanguage: input.defaultLanguage,
      };
      const { id, statement } = insertSite(db, { organisationId, code: input.code, ...fields });
      await commit([statement, audit(principal, organisationId, 'place_created', 'site', id, { code: input.code })]);
      return this.site(principal, input.code);
    },

    /** One site the caller manages, with its service points. */
    async site(principal: Principal, code: string) {
      const site = await managedSite(principal, code);
      const [organisation] = await listPlaces(db, [site.organisationId]);
      const found = organisation?.sites.find((s) => s.id === site.id);
      if (!organisation || !found) throw notFound(`A site with the code "${code}"`);
      return {
        ...found,
        organisation: { id: organisation.id, name: organisation.name, defaultSurveyId: organisation.defaultSurveyId },
        providers: organisation.providers,
        surveys: organisation.surveys,
      };
    },

    async updateSite(principal: Principal, code: string, changes: z.infer<typeof SiteChanges> & { archived?: boolean }) {
      const site = await managedSite(principal, code);
      const { provider, ward, archived, ...rest } = changes;
      const providerId = provider ? (await providerOf(site.organisationId, provider)).id : undefined;
      const at = deps.now();
      const statements: BatchItem<'sqlite'>[] = [
        updateSite(db, site.id, {
          ...rest,
          ...(providerId ? { providerId } : {}),
          ...(ward !== undefined ? { ward: ward || null } : {}),
          ...(archived !== undefined ? { archivedAt: archived ? at : null } : {}),
        }),
        audit(principal, site.organisationId, archived ? 'place_archived' : 'place_updated', 'site', site.id, { code: site.code, ...changes }),
      ];
      if (archived) statements.push(archivePointsOfSite(db, site.id, at));
      await commit(statements);
      return this.site(principal, site.code);
    },

    /** Deletes a site that never had a response; one with responses must be archived instead (409 says so). */
    async deleteSite(principal: Principal, code: string) {
      const site = await managedSite(principal, code);
      if ((await responsesAt(db, { siteId: site.id })) > 0) {
        throw new ApiError(409, 'conflict', 'This site has responses, so it can be archived but not deleted.', [
          { field: 'code', message: 'this site has responses: archive it instead, so its figures stay in the reports', code: 'has_responses' },
        ]);
      }
      await commit([...deleteSite(db, site.id), audit(principal, site.organisationId, 'place_deleted', 'site', site.id, { code: site.code })]);
    },

    async createServicePoint(principal: Principal, siteCode: string, input: z.infer<typeof NewServicePoint>) {
      const site = await managedSite(principal, siteCode);
      if (site.archivedAt)
        throw validationFailed([{ field: 'code', message: 'this site is archived; restore it before adding service points', code: 'archived' }]);
      if ((await takenCodes(db, [input.code])).size) throw new ApiError(409, 'conflict', 'That code is already in use.', [codeTaken('code', input.code)]);
      const { id, statement } = insertServicePoint(db, { siteId: site.id, ...input });
      await commit([statement, audit(principal, site.organisationId, 'place_created', 'service_point', id, { code: input.code, site: site.code })]);
      return { id, siteId: site.id, code: input.code, name: input.name, surveyId: null, archived: false };
    },

    async updateServicePoint(principal: Principal, code: string, changes: Partial<z.infer<typeof ServicePointChanges>> & { archived?: boolean }) {
      const place = await managedPlace(principal, code);
      if (!place.point) throw notFound(`A service point with the code "${code}"`);
      const point = place.point;
      if (changes.archived === false && place.site.archivedAt) {
        throw validationFailed([{ field: 'archived', message: 'its site is archived; restore the site first', code: 'archived' }]);
      }
      await commit([
        updateServicePoint(db, point.id, {
          ...(changes.name ? { name: changes.name } : {}),
          ...(changes.archived !== undefined ? { archivedAt: changes.archived ? deps.now() : null } : {}),
        }),
        audit(principal, place.site.organisationId, changes.archived ? 'place_archived' : 'place_updated', 'service_point', point.id, {
          code: point.code,
          ...changes,
        }),
      ]);
      return {
        id: point.id,
        siteId: point.siteId,
        siteCode: place.site.code,
        code: point.code,
        name: changes.name ?? point.name,
        surveyId: point.surveyId,
        archived: changes.archived ?? point.archivedAt !== null,
      };
    },

    async deleteServicePoint(principal: Principal, code: string) {
      const place = await managedPlace(principal, code);
      if (!place.point) throw notFound(`A service point with the code "${code}"`);
      if ((await responsesAt(db, { servicePointId: place.point.id })) > 0) {
        throw new ApiError(409, 'conflict', 'This service point has responses, so it can be archived but not deleted.', [
          { field: 'code', message: 'this service point has responses: archive it instead', code: 'has_responses' },
        ]);
      }
      await commit([
        deleteServicePoint(db, place.point.id),
        audit(principal, place.site.organisationId, 'place_deleted', 'service_point', place.point.id, { code: place.point.code }),
      ]);
    },

    /**
     * Imports sites (and their service points, and providers new to the organisation) from CSV.
     * Every good row goes in one batch; each bad row comes back with what to fix, and blocks nothing
     * else. Columns: provider_code, provider_name (to add a provider), site_code, site_name, kind,
     * locality, ward, language, service_point_code, service_point_name. A site's later rows only add
     * service points.
     */
    async importSites(principal: Principal, organisationIdAsked: string | undefined, csv: string): Promise<ImportResult> {
      const organisationId = await organisationFor(principal, organisationIdAsked);
      let records: Record<string, string>[];
      try {
        records = parse(csv.replace(/^\uFEFF/, ''), {
          columns: (header: string[]) => header.map(columnName),
          skip_empty_lines: true,
          trim: true,
          relax_column_count: true,
        });
      } catch (error) {
        throw validationFailed([{ field: 'csv', message: `the file is not readable CSV (${(error as Error).message.split('\n')[0]})`, code: 'bad_csv' }]);
      }
      if (records.length === 0) throw validationFailed([{ field: 'csv', message: 'the file has no rows under its header', code: 'empty' }]);
      const missing = ['site_code', 'site_name', 'kind', 'locality'].filter((column) => !(column in (records[0] ?? {})));
      if (missing.length) throw validationFailed([{ field: 'csv', message: `the header needs the columns ${missing.join(', ')}`, code: 'missing_columns' }]);

      const [organisation] = await listPlaces(db, [organisationId]);
      const providersByCode = new Map((organisation?.providers ?? []).filter((p) => !p.archived).map((p) => [p.code, p.id]));
      const codes = records.flatMap((r) => [r.site_code ?? '', r.service_point_code ?? '']).filter(Boolean);
      const taken = await takenCodes(db, codes);
      const newSites = new Map<string, string>();
      const seenPoints = new Set<string>();
      const statements: BatchItem<'sqlite'>[] = [];
      const problems: ImportProblem[] = [];
      const counts = { providers: 0, sites: 0, servicePoints: 0 };

      records.forEach((record, index) => {
        const row = index + 2; // the header is row 1, as a spreadsheet numbers it
        const messages: string[] = [];
        const pending: BatchItem<'sqlite'>[] = [];
        const rowCounts = { providers: 0, sites: 0, servicePoints: 0 };
        let newProvider: { code: string; id: string } | undefined;
        const siteCode = (record.site_code ?? '').toLowerCase();
        let siteId = newSites.get(siteCode);
        if (!siteId) {
          const providerCode = (record.provider_code ?? '').toLowerCase();
          let providerId = providersByCode.get(providerCode);
          if (!providerId && providerCode) {
            const provider = NewProvider.safeParse({ code: providerCode, name: record.provider_name ?? '' });
            if (provider.success) {
              const made = insertProvider(db, { organisationId, code: provider.data.code, name: provider.data.name });
              providerId = made.id;
              newProvider = { code: providerCode, id: made.id };
              pending.push(made.statement);
              rowCounts.providers++;
            } else messages.push(`provider "${providerCode}" is new: give its provider_name`);
          } else if (!providerCode) messages.push('provider_code: enter the code of the provider that runs the site');
          const site = NewSite.safeParse({
            provider: providerId ?? 'unknown',
            code: record.site_code ?? '',
            name: record.site_name ?? '',
            kind: parseKind(record.kind ?? ''),
            locality: record.locality ?? '',
            ward: record.ward || undefined,
            defaultLanguage: (record.language || 'en').toLowerCase(),
          });
          if (!site.success) messages.push(...fieldErrors(site.error).map((e) => `${columnOf(e.field)}: ${e.message}`));
          else if (taken.has(site.data.code)) messages.push(`site_code: the code "${site.data.code}" is already used by another site or service point`);
          if (messages.length === 0 && site.success && providerId) {
            const made = insertSite(db, {
              organisationId,
              code: site.data.code,
              providerId,
              name: site.data.name,
              kind: site.data.kind,
              locality: site.data.locality,
              ward: site.data.ward || null,
              defaultLanguage: site.data.defaultLanguage,
            });
            siteId = made.id;
            pending.push(made.statement);
            rowCounts.sites++;
          }
        }
        const pointCode = record.service_point_code ?? '';
        if (siteId && messages.length === 0 && pointCode) {
          const point = NewServicePoint.safeParse({ code: pointCode, name: record.service_point_name ?? '' });
          if (!point.success) messages.push(...fieldErrors(point.error).map((e) => `service_point_${e.field}: ${e.message}`));
          else if (taken.has(point.data.code) || seenPoints.has(point.data.code) || newSites.has(point.data.code) || point.data.code === siteCode) {
            messages.push(`service_point_code: the code "${point.data.code}" is already used by another site or service point`);
          } else {
            pending.push(insertServicePoint(db, { siteId, ...point.data }).statement);
            rowCounts.servicePoints++;
            seenPoints.add(point.data.code);
          }
        }
        if (!siteId && messages.length === 0) messages.push('site_code: the site on an earlier row could not be imported');
        if (messages.length) {
          problems.push({ row, messages });
          return;
        }
        // Only now is the row good: what it made counts, and later rows may build on it.
        if (newProvider) providersByCode.set(newProvider.code, newProvider.id);
        statements.push(...pending);
        counts.providers += rowCounts.providers;
        counts.sites += rowCounts.sites;
        counts.servicePoints += rowCounts.servicePoints;
        if (siteId && rowCounts.sites) {
          newSites.set(siteCode, siteId);
          taken.add(siteCode);
        }
      });
      if (statements.length) {
        statements.push(audit(principal, organisationId, 'places_imported', 'organisation', organisationId, { ...counts, problems: problems.length }));
        await commit(statements);
      }
      return { ...counts, problems };
    },
  };
}

/** "Site code", "site-code" and "SITE_CODE" are the same column. */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const columnOf = (field: string) => ({ code: 'site_code', name: 'site_name', defaultLanguage: 'language', provider: 'provider_code' })[field] ?? field;

/** "Family Hub", "family_hub", "Children's Centre" and "outreach venue" as the kinds they mean. */
export function parseKind(text: string): string {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[\s-]+/g, '_');
  if (key.startsWith('family_hub') || key === 'hub') return 'family_hub';
  if (key.startsWith('childrens_centre') || key.startsWith('children_centre') || key.startsWith('childrens_center')) return 'childrens_centre';
  if (key.startsWith('outreach')) return 'outreach';
  return key;
}
