import { Hono } from 'hono';
import { listSites } from '../../db/sites';
import type { AppDeps, AppEnv } from '../deps';
import { requireUser } from '../middleware/require-user';

/** `GET /api/sites`: the sites the caller may see, each with its service points and QR codes. */
export function siteRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/api/sites', requireUser(deps), async (c) => c.json(await listSites(deps.store.db, c.var.principal)));
}
