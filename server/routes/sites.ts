import { Hono } from 'hono';
import { listSites } from '../../db/sites';
import type { AppDeps, AppEnv } from '../deps';
import { authorize } from '../access/authorize';
import { scopeFor } from '../access/policy';

/** `GET /api/sites`: the sites the caller may see, each with its service points and QR codes. */
export function siteRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/api/sites', authorize(deps, 'sites.read'), async (c) =>
    c.json(await listSites(deps.store.db, scopeFor(c.var.principal, 'sites.read'))),
  );
}
