/**
 * Free text for commissioners: drill down to redacted comments, correct their themes, and adopt a
 * council's own framework — upload a model trained with `hubvoice themes train`, or teach the
 * current one from the corrections made so far. The rules are in server/services/themes.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { Filters } from '../reports';
import { Correction } from '../services/themes';
import { valid } from '../validate';

/** The report filters (same dates, same site and provider checks) plus theme, sentiment and paging. */
export const CommentsQuery = Filters.pick({ from: true, to: true, site: true, provider: true }).extend({
  theme: z.string().max(64).optional(),
  sentiment: z.enum(['-1', '0', '1']).transform(Number).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export { Correction };

const OrganisationQuery = z.object({ organisation: z.string().max(64).optional() });

export function themeRoutes(deps: AppDeps) {
  const { themes, reports } = deps.services;
  return new Hono<AppEnv>()
    .get('/api/comments', authorize(deps, 'comments.read'), valid('query', CommentsQuery), async (c) => {
      const query = c.req.valid('query');
      const rows = await themes.comments(c.var.principal, {
        ...(await reports.filtersFor(c.var.principal, query)),
        ...(query.theme ? { theme: query.theme } : {}),
        ...(query.sentiment !== undefined ? { sentiment: query.sentiment } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ comments: rows, limit: query.limit, offset: query.offset });
    })
    .post('/api/comments/:id/themes', authorize(deps, 'comments.correct'), valid('json', Correction), async (c) =>
      c.json(await themes.correct(c.var.principal, c.req.param('id'), c.req.valid('json'))),
    )
    .get('/api/themes', authorize(deps, 'themes.read'), valid('query', OrganisationQuery), async (c) =>
      c.json(await themes.model(c.var.principal, c.req.valid('query').organisation)),
    )
    .post('/api/themes/model', authorize(deps, 'themes.manage'), valid('query', OrganisationQuery), async (c) =>
      c.json(await themes.upload(c.var.principal, c.req.valid('query').organisation, await c.req.text()), 201),
    )
    .post('/api/themes/model/apply-corrections', authorize(deps, 'themes.manage'), valid('query', OrganisationQuery), async (c) =>
      c.json(await themes.applyCorrections(c.var.principal, c.req.valid('query').organisation), 201),
    );
}
