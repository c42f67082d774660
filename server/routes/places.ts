/**
 * A council's places through the API, for councils that script their setup: organisations,
 * providers, sites and service points (create, edit, archive, delete while unused) and a CSV import.
 * The rules are in server/services/places.ts; the staff pages (server/routes/places-pages.tsx) call
 * the same service.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { NewOrganisation, NewProvider, NewServicePoint, NewSite, ProviderChanges, ServicePointChanges, SITE_KINDS, SiteChanges } from '../services/places';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const tags = ['Places'];
const Archived = z.object({ archived: z.boolean().optional() });

const Provider = z.object({ id: z.string(), organisationId: z.string(), code: z.string(), name: z.string(), archived: z.boolean() }).openapi('Provider');
const ServicePoint = z
  .object({ id: z.string(), siteId: z.string(), code: z.string(), name: z.string(), surveyId: z.string().nullable(), archived: z.boolean() })
  .openapi('ServicePoint');
const ManagedSite = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    providerId: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(SITE_KINDS),
    locality: z.string(),
    ward: z.string().nullable(),
    defaultLanguage: z.string(),
    surveyId: z.string().nullable(),
    archived: z.boolean(),
    servicePoints: z.array(ServicePoint),
  })
  .openapi('ManagedSite');
const Organisation = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    defaultSurveyId: z.string().nullable(),
    providers: z.array(Provider),
    sites: z.array(ManagedSite),
    surveys: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  })
  .openapi('Organisation');
const ImportResult = z
  .object({
    providers: z.number().int(),
    sites: z.number().int(),
    servicePoints: z.number().int(),
    /** Rows numbered as a spreadsheet numbers them (the header is row 1). */
    problems: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
  })
  .openapi('PlacesImport');

const Code = z.object({ code: z.string().max(64) });
const WRITE_ERRORS = {
  ...SIGNED_IN_ERRORS,
  404: 'No such place you manage',
  409: 'The code is taken, or the place has responses',
  422: 'A field is invalid',
} as const;

export function placeRoutes(deps: AppDeps) {
  const places = deps.services.places;
  const manage = { tags, security: signedIn, middleware: [authorize(deps, 'sites.manage')] };
  return apiRoutes()
    .openapi(
      createRoute({
        ...manage,
        method: 'get',
        path: '/api/organisations',
        summary: 'The organisations the caller manages, with every provider, site and service point (archived ones marked)',
        responses: { 200: json(z.array(Organisation), 'The organisations'), ...errors(SIGNED_IN_ERRORS) },
      }),
      async (c) => c.json(await places.list(c.var.principal), 200),
    )
    .openapi(
      createRoute({
        tags,
        security: signedIn,
        middleware: [authorize(deps, 'organisations.create')],
        method: 'post',
        path: '/api/organisations',
        summary: 'Add an organisation (a council); platform admins only',
        request: { body: body(NewOrganisation, 'Its name and short name') },
        responses: {
          201: json(z.object({ id: z.string(), name: z.string(), slug: z.string() }), 'Created'),
          ...errors({ ...SIGNED_IN_ERRORS, 409: 'The short name is taken', 422: 'A field is invalid' }),
        },
      }),
      async (c) => c.json(await places.createOrganisation(c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'post',
        path: '/api/providers',
        summary: 'Add a provider',
        request: { body: body(NewProvider, 'The provider') },
        responses: { 201: json(Provider, 'Created'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.createProvider(c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'patch',
        path: '/api/providers/{id}',
        summary: 'Rename, archive or restore a provider',
        request: { params: z.object({ id: z.string().max(64) }), body: body(ProviderChanges.partial().extend(Archived.shape), 'What changes') },
        responses: { 200: json(Provider, 'The provider'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.updateProvider(c.var.principal, c.req.valid('param').id, c.req.valid('json') as never), 200),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'post',
        path: '/api/sites',
        summary: 'Add a site (Family Hub, Children’s Centre or outreach venue)',
        request: { body: body(NewSite, 'The site') },
        responses: { 201: json(ManagedSite, 'Created'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.createSite(c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'post',
        path: '/api/sites/import',
        summary: 'Import sites, service points and new providers from CSV; each bad row is reported and blocks nothing else',
        description:
          'Columns: provider_code, provider_name (for a new provider), site_code, site_name, kind (Family Hub, Children’s Centre, outreach venue), locality, ward, language, service_point_code, service_point_name. Every good row is written in one transaction.',
        request: { body: body(z.object({ organisationId: z.string().max(64).optional(), csv: z.string().min(1).max(2_000_000) }), 'The CSV text') },
        responses: { 200: json(ImportResult, 'What was imported, and each bad row'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => {
        const { organisationId, csv } = c.req.valid('json');
        return c.json(await places.importSites(c.var.principal, organisationId, csv), 200);
      },
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'get',
        path: '/api/sites/{code}',
        summary: 'One site, with its service points',
        request: { params: Code },
        responses: { 200: json(ManagedSite, 'The site'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such site you manage' }) },
      }),
      async (c) => c.json(await places.site(c.var.principal, c.req.valid('param').code), 200),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'patch',
        path: '/api/sites/{code}',
        summary: 'Edit, archive or restore a site (archiving a site archives its service points)',
        request: { params: Code, body: body(SiteChanges.extend(Archived.shape), 'What changes') },
        responses: { 200: json(ManagedSite, 'The site'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.updateSite(c.var.principal, c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'delete',
        path: '/api/sites/{code}',
        summary: 'Delete a site that has never had a response (otherwise archive it)',
        request: { params: Code },
        responses: { 204: { description: 'Deleted' }, ...errors(WRITE_ERRORS) },
      }),
      async (c) => {
        await places.deleteSite(c.var.principal, c.req.valid('param').code);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'post',
        path: '/api/sites/{code}/service-points',
        summary: 'Add a service point (a room, a clinic, a group) to a site; it gets its own QR code',
        request: { params: Code, body: body(NewServicePoint, 'The service point') },
        responses: { 201: json(ServicePoint, 'Created'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.createServicePoint(c.var.principal, c.req.valid('param').code, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'patch',
        path: '/api/service-points/{code}',
        summary: 'Rename, archive or restore a service point',
        request: { params: Code, body: body(ServicePointChanges.partial().extend(Archived.shape), 'What changes') },
        responses: { 200: json(ServicePoint, 'The service point'), ...errors(WRITE_ERRORS) },
      }),
      async (c) => c.json(await places.updateServicePoint(c.var.principal, c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        ...manage,
        method: 'delete',
        path: '/api/service-points/{code}',
        summary: 'Delete a service point that has never had a response (otherwise archive it)',
        request: { params: Code },
        responses: { 204: { description: 'Deleted' }, ...errors(WRITE_ERRORS) },
      }),
      async (c) => {
        await places.deleteServicePoint(c.var.principal, c.req.valid('param').code);
        return c.body(null, 204);
      },
    );
}
