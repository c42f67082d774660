/**
 * "You said, we did": staff who run the service (`actions.manage`: admins, commissioners, provider
 * managers, each within their scope) write what families said and what changed, against themes
 * and places (sites or service points), as a draft; publishing shows it on those places'
 * thank-you pages, posters and the hub's public page. Every write is audited with it.
 */
import { z } from 'zod';
import { createAction, getAction, listActions, placeDetails, setActionStatus, updateAction, type ActionPlace, type ActionRecord } from '../../db/actions';
import type { AuditEntry } from '../../db/audit';
import { listSites } from '../../db/sites';
import type { Principal } from '../../db/scope';
import { LANGUAGES } from '../../survey/translate';
import { organisationsFor, scopeFor } from '../access/policy';
import { forbidden, notFound, validationFailed } from '../errors';
import { fieldErrors } from '../validate';
import type { ServiceDeps } from './index';

const sentence = (what: string) => z.string().trim().max(600, `keep ${what} under 600 characters`);
/** One text per language: English is required (the fallback everyone can be shown); the rest are optional. */
const translations = (what: string) =>
  z
    .object({
      en: sentence(what).min(1, `write ${what} in English`),
      ...Object.fromEntries(LANGUAGES.filter((l) => l.code !== 'en').map((l) => [l.code, sentence(what).optional()])),
    })
    .transform((texts) => Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => !!entry[1])) as Record<string, string>);

export const ActionInput = z.object({
  youSaid: translations('what families said'),
  weDid: translations('what changed'),
  themes: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'theme ids are lower-case words joined by -'))
    .max(20)
    .default([]),
  /** When the change happened, or will. */
  changedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-04-01')
    .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date')
    .nullable()
    .default(null),
  /** Codes of the sites (every form there) and service points (that form only) where families see it. */
  places: z.array(z.string().trim().min(1).max(64)).min(1, 'choose at least one site or service point').max(200),
});
export type ActionInput = z.input<typeof ActionInput>;

export interface ActionView {
  id: string;
  organisationId: string;
  status: 'draft' | 'published';
  youSaid: Record<string, string>;
  weDid: Record<string, string>;
  themes: string[];
  changedOn: string | null;
  places: { code: string; name: string; kind: 'site' | 'servicePoint' | 'organisation' }[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string | null;
}

type Known = Awaited<ReturnType<typeof placesIn>>;

/** The sites and service points where the principal manages actions, by code and by id. */
async function placesIn(deps: Pick<ServiceDeps, 'store'>, principal: Principal) {
  const sites = await listSites(deps.store.db, scopeFor(principal, 'actions.manage'));
  const byCode = new Map<string, { place: ActionPlace; organisationId: string; name: string; kind: 'site' | 'servicePoint' }>();
  const bySite = new Map<string, (typeof sites)[number]>();
  const organisationOf = new Map<string, string>();
  for (const site of sites) bySite.set(site.id, site);
  return { sites, byCode, bySite, organisationOf };
}

export function actionService(deps: Pick<ServiceDeps, 'store' | 'now' | 'themeModels'>) {
  const { db } = deps.store;

  async function known(principal: Principal): Promise<Known> {
    const places = await placesIn(deps, principal);
    const organisations = await organisationIdsOf(places.sites.map((s) => s.id));
    for (const site of places.sites) {
      const organisationId = organisations.get(site.id)!;
      places.organisationOf.set(site.id, organisationId);
      places.byCode.set(site.code, { place: { siteId: site.id, servicePointId: null }, organisationId, name: site.name, kind: 'site' });
      for (const point of site.servicePoints) {
        places.byCode.set(point.code, {
          place: { siteId: site.id, servicePointId: point.id },
          organisationId,
          name: `${site.name} · ${point.name}`,
          kind: 'servicePoint',
        });
      }
    }
    return places;
  }

  async function organisationIdsOf(siteIds: string[]) {
    const { sites } = await placeDetails(db, siteIds);
    return new Map(sites.map((s) => [s.id, s.organisationId]));
  }

  /** Whether every place of the action is one the principal manages (an organisation-wide one: the whole organisation). */
  function manages(principal: Principal, places: Known, action: ActionRecord): boolean {
    if (action.places.length) return action.places.every((p) => places.organisationOf.get(p.siteId) === action.organisationId);
    if (action.siteId) return places.organisationOf.get(action.siteId) === action.organisationId;
    const whole = organisationsFor(principal, 'actions.manage');
    return whole === 'all' || whole.includes(action.organisationId);
  }

  function view(action: ActionRecord, places: Known): ActionView {
    const named = (place: ActionPlace) => {
      const site = places.bySite.get(place.siteId);
      const point = place.servicePointId ? site?.servicePoints.find((p) => p.id === place.servicePointId) : undefined;
      return point
        ? { code: point.code, name: `${site!.name} · ${point.name}`, kind: 'servicePoint' as const }
        : { code: site?.code ?? place.siteId, name: site?.name ?? place.siteId, kind: 'site' as const };
    };
    const legacy = action.siteId ? [named({ siteId: action.siteId, servicePointId: null })] : [{ code: '', name: 'Every site', kind: 'organisation' as const }];
    return {
      id: action.id,
      organisationId: action.organisationId,
      status: action.status,
      youSaid: action.youSaid,
      weDid: action.weDid,
      themes: action.themes,
      changedOn: action.changedOn,
      places: action.places.length ? action.places.map(named) : legacy,
      publishedAt: action.publishedAt?.toISOString() ?? null,
      createdAt: action.createdAt.toISOString(),
      updatedAt: action.updatedAt?.toISOString() ?? null,
    };
  }

  /** The places asked for, all in scope and of one organisation, or a 422 naming each one that is not. */
  function resolve(places: Known, codes: string[]): { organisationId: string; places: ActionPlace[] } {
    const found = codes.map((code) => places.byCode.get(code.toLowerCase()));
    const bad = found.flatMap((f, i) => (f ? [] : [{ field: `places.${i}`, message: `you cannot write for "${codes[i]}"`, code: 'unknown_place' }]));
    if (bad.length) throw validationFailed(bad);
    const organisationId = found[0]!.organisationId;
    if (found.some((f) => f!.organisationId !== organisationId)) {
      throw validationFailed([{ field: 'places', message: 'choose places of one organisation', code: 'mixed_organisations' }]);
    }
    const unique = new Map(found.map((f) => [`${f!.place.siteId}/${f!.place.servicePointId ?? ''}`, f!.place]));
    return { organisationId, places: [...unique.values()] };
  }

  const audit = (principal: Principal, organisationId: string, action: AuditEntry['action'], targetId: string | null, details = {}): AuditEntry => ({
    at: deps.now(),
    userId: principal.userId,
    organisationId,
    action,
    targetType: 'action',
    targetId,
    details,
  });

  async function managed(principal: Principal, id: string) {
    const [action, places] = await Promise.all([getAction(db, id), known(principal)]);
    if (!action || !manages(principal, places, action)) throw notFound('That action');
    return { action, places };
  }

  async function write(principal: Principal, input: ActionInput) {
    const result = ActionInput.safeParse(input);
    if (!result.success) throw validationFailed(fieldErrors(result.error));
    const parsed = result.data;
    const places = await known(principal);
    const resolved = resolve(places, parsed.places);
    return { parsed, places, resolved };
  }

  return {
    /** Actions the principal manages, newest first. */
    async list(principal: Principal): Promise<ActionView[]> {
      const places = await known(principal);
      const whole = organisationsFor(principal, 'actions.manage');
      const organisationIds = whole === 'all' ? 'all' : [...new Set([...places.organisationOf.values(), ...whole])];
      const actions = await listActions(db, organisationIds);
      return actions.filter((a) => manages(principal, places, a)).map((a) => view(a, places));
    },

    async get(principal: Principal, id: string): Promise<ActionView> {
      const { action, places } = await managed(principal, id);
      return view(action, places);
    },

    /** What the staff form offers: the places in scope and each organisation's themes. */
    async choices(principal: Principal) {
      const places = await known(principal);
      const organisationIds = [...new Set(places.organisationOf.values())];
      const themes = new Map<string, string>();
      for (const organisationId of organisationIds) {
        for (const theme of (await deps.themeModels.forOrganisation(organisationId)).model.themes) themes.set(theme.id, theme.name);
      }
      if (themes.size === 0) for (const theme of deps.themeModels.fallback.themes) themes.set(theme.id, theme.name);
      return {
        sites: places.sites.map((s) => ({ code: s.code, name: s.name, servicePoints: s.servicePoints.map((p) => ({ code: p.code, name: p.name })) })),
        themes: [...themes].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      };
    },

    async create(principal: Principal, input: ActionInput): Promise<ActionView> {
      const { parsed, resolved } = await write(principal, input);
      const id = await createAction(db, resolved.organisationId, { ...parsed, places: resolved.places }, principal.userId, (id) =>
        audit(principal, resolved.organisationId, 'action_created', id),
      );
      return this.get(principal, id);
    },

    async update(principal: Principal, id: string, input: ActionInput): Promise<ActionView> {
      const { action } = await managed(principal, id);
      const { parsed, resolved } = await write(principal, input);
      if (resolved.organisationId !== action.organisationId) throw forbidden();
      await updateAction(db, id, { ...parsed, places: resolved.places }, deps.now(), audit(principal, action.organisationId, 'action_updated', id));
      return this.get(principal, id);
    },

    async setStatus(principal: Principal, id: string, status: 'draft' | 'published'): Promise<ActionView> {
      const { action } = await managed(principal, id);
      if (action.status !== status) {
        await setActionStatus(
          db,
          id,
          status,
          deps.now(),
          audit(principal, action.organisationId, status === 'published' ? 'action_published' : 'action_unpublished', id),
        );
      }
      return this.get(principal, id);
    },
  };
}
