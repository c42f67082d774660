/** `GET /api/sites`: the sites the caller may see, each with its service points and QR codes. */
import { createRoute, z } from '@hono/zod-openapi';
import { listSites } from '../../db/sites';
import { authorize } from '../access/authorize';
import { scopeFor } from '../access/policy';
import type { AppDeps } from '../deps';
import { apiRoutes, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const Place = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const Site = Place.extend({
  kind: z.string(),
  locality: z.string(),
  ward: z.string().nullable(),
  provider: Place,
  /** Each has its own QR code: `/f/{code}`. */
  servicePoints: z.array(Place),
}).openapi('Site');

export function siteRoutes(deps: AppDeps) {
  const route = createRoute({
    method: 'get',
    path: '/api/sites',
    tags: ['Sites'],
    security: signedIn,
    middleware: [authorize(deps, 'sites.read')],
    summary: 'Sites the caller may see, with service points and their QR codes',
    responses: { 200: json(z.array(Site), 'The sites, by name'), ...errors(SIGNED_IN_ERRORS) },
  });
  return apiRoutes().openapi(route, async (c) => c.json(await listSites(deps.store.db, scopeFor(c.var.principal, 'sites.read')), 200));
}
