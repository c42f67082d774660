/**
 * Free text for commissioners: drill down to redacted comments, correct their themes, and adopt a
 * council's own framework — upload a model trained with `hubvoice themes train`, or teach the
 * current one from the corrections made so far.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { applyCorrections, loadModel, type Sentiment } from '../../analysis/text';
import { correctComment, correctionsOf, findComments } from '../../db/comments';
import { organisationsOf } from '../../db/reports';
import { auditLog } from '../../db/schema';
import type { Principal } from '../../db/scope';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, notFound, validationFailed } from '../errors';
import { requireRole, requireUser } from '../middleware/require-user';
import { createReports, Filters } from '../reports';
import { valid } from '../validate';

/** The report filters (same dates, same site and provider checks) plus theme, sentiment and paging. */
export const CommentsQuery = Filters.pick({ from: true, to: true, site: true, provider: true }).extend({
  theme: z.string().max(64).optional(),
  sentiment: z.enum(['-1', '0', '1']).transform(Number).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const Correction = z.object({
  themes: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'theme ids are lower-case words joined by -')).min(1).max(10),
  sentiment: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
});

const OrganisationQuery = z.object({ organisation: z.string().max(64).optional() });

export function themeRoutes(deps: AppDeps) {
  const { db } = deps.store;
  const reports = createReports(deps);

  /** The organisation a model call is about: the one asked for, or the caller's only one. */
  async function organisationFor(principal: Principal, asked: string | undefined): Promise<string> {
    const mine = await organisationsOf(db, principal);
    if (asked) {
      if (!mine.includes(asked)) throw validationFailed([{ field: 'organisation', message: 'not an organisation you can see' }]);
      return asked;
    }
    if (mine.length !== 1) throw validationFailed([{ field: 'organisation', message: 'say which organisation' }]);
    return mine[0]!;
  }


  const editor = requireRole('admin', 'commissioner');

  return new Hono<AppEnv>()
    // '/x/*' also matches '/x' itself.
    .use('/api/comments/*', requireUser(deps))
    .use('/api/themes/*', requireUser(deps))
    .get('/api/comments', valid('query', CommentsQuery), async (c) => {
      const query = c.req.valid('query');
      const rows = await findComments(db, c.var.principal, {
        ...(await reports.filtersFor(c.var.principal, query)),
        ...(query.theme ? { theme: query.theme } : {}),
        ...(query.sentiment !== undefined ? { sentiment: query.sentiment } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ comments: rows, limit: query.limit, offset: query.offset });
    })
    .post('/api/comments/:id/themes', editor, valid('json', Correction), async (c) => {
      const correction = c.req.valid('json');
      const done = await correctComment(db, c.var.principal, c.req.param('id'), { ...correction, userId: c.var.principal.userId });
      if (!done) throw notFound('That comment');
      await db.insert(auditLog).values({ at: deps.now(), userId: c.var.principal.userId, organisationId: done.organisationId, action: 'comment_themes_corrected', targetType: 'comment', targetId: c.req.param('id'), details: correction });
      return c.json({ id: c.req.param('id'), ...correction });
    })
    .get('/api/themes', valid('query', OrganisationQuery), async (c) => {
      const organisationId = await organisationFor(c.var.principal, c.req.valid('query').organisation);
      const { model, version } = await deps.themeModels.forOrganisation(organisationId);
      return c.json({ version, multiLabel: model.multiLabel, trainedOn: model.trainedOn ?? null, themes: model.themes });
    })
    .post('/api/themes/model', editor, valid('query', OrganisationQuery), async (c) => {
      const organisationId = await organisationFor(c.var.principal, c.req.valid('query').organisation);
      let model;
      try {
        model = loadModel(await c.req.text());
      } catch (error) {
        throw new ApiError(422, 'invalid_model', `That is not a hubvoice theme model: ${(error as Error).message}`);
      }
      const saved = await deps.themeModels.save(organisationId, model, 'uploaded', c.var.principal.userId);
      await db.insert(auditLog).values({ at: deps.now(), userId: c.var.principal.userId, organisationId, action: 'theme_model_uploaded', details: { version: saved.version } });
      return c.json({ version: saved.version, themes: model.themes.length }, 201);
    })
    .post('/api/themes/model/apply-corrections', editor, valid('query', OrganisationQuery), async (c) => {
      const organisationId = await organisationFor(c.var.principal, c.req.valid('query').organisation);
      const corrections = await correctionsOf(db, organisationId);
      if (corrections.length === 0) throw validationFailed([{ field: 'corrections', message: 'there are no corrections to learn from yet' }]);
      const { model } = await deps.themeModels.forOrganisation(organisationId);
      const taught = applyCorrections(model, corrections.map((r) => ({ text: r.text, themes: r.themes, sentiment: r.sentiment as Sentiment })));
      const saved = await deps.themeModels.save(organisationId, taught, 'corrections', c.var.principal.userId);
      await db.insert(auditLog).values({ at: deps.now(), userId: c.var.principal.userId, organisationId, action: 'theme_model_corrected', details: { version: saved.version, corrections: corrections.length } });
      return c.json({ version: saved.version, corrections: corrections.length, themes: taught.themes.length }, 201);
    });
}
