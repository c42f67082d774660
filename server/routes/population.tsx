/**
 * Population figures for "who we are and are not hearing from": `GET /api/population` (what is
 * held) and `POST /api/population` (a CSV replacing the dimensions and localities it names), and
 * the `/population` page with the same upload as a plain form.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { authorize, authorizePage } from '../access/authorize';
import { organisationsFor } from '../access/policy';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { PopulationPage } from '../pages/staff/population-page';
import { POPULATION_GROUPS } from '../services/population';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const Figure = z
  .object({ dimension: z.string(), locality: z.string(), group: z.string(), count: z.number().int(), source: z.string().nullable() })
  .openapi('PopulationFigure');
const Upload = z.object({
  csv: z.string().max(1_000_000).openapi({ description: 'Columns `dimension,group,count`, optionally `locality` and `source`' }),
  organisation: z.string().max(64).optional(),
});

export function populationRoutes(deps: AppDeps) {
  const { population } = deps.services;
  const organisationIds = (c: Context<AppEnv>) => organisationsFor(c.var.principal, 'sites.manage');
  const common = { tags: ['Population'], security: signedIn, middleware: [authorize(deps, 'sites.manage')] };
  const list = createRoute({
    ...common,
    method: 'get',
    path: '/api/population',
    summary: 'The population figures held, per dimension, locality and group',
    responses: { 200: json(z.array(Figure), 'The figures'), ...errors(SIGNED_IN_ERRORS) },
  });
  const upload = createRoute({
    ...common,
    method: 'post',
    path: '/api/population',
    summary: 'Upload population figures as CSV: replaces the dimensions and localities the file names',
    description: `Dimensions and their groups: ${Object.entries(POPULATION_GROUPS)
      .map(([d, g]) => `\`${d}\` (${g.join(', ')})`)
      .join('; ')}. Bad rows are listed in \`problems\` and never block the good ones.`,
    request: { body: body(Upload, 'The CSV') },
    responses: {
      200: json(
        z.object({
          rows: z.number().int(),
          replaced: z.array(z.object({ dimension: z.string(), locality: z.string() })),
          problems: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })),
        }),
        'What was stored, and each bad row with what to fix',
      ),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'Not readable CSV, or no rows' }),
    },
  });
  return apiRoutes()
    .openapi(list, async (c) => c.json(await population.figures(organisationIds(c)), 200))
    .openapi(upload, async (c) => {
      const { csv, organisation } = c.req.valid('json');
      return c.json(await population.upload(c.var.principal, csv, organisation), 200);
    });
}

export function populationPageRoutes(deps: AppDeps) {
  const { population } = deps.services;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot upload population figures',
      paragraphs: ['Administrators and commissioners for a whole organisation upload them.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const may = authorizePage(deps, 'sites.manage', refused);
  const page = async (c: Context<AppEnv>, status: 200 | 422, errors: FieldError[], csv: string, done?: string) => {
    const mine = organisationsFor(c.var.principal, 'sites.manage');
    const figures = await population.figures(mine);
    return c.html(renderDocument(<PopulationPage user={staffUser(c.var.principal)} figures={figures} errors={errors} csv={csv} done={done} />), status);
  };
  return new Hono<AppEnv>()
    .use('/population', staffPageHeaders, staffCompress)
    .get('/population', may, (c) => page(c, 200, [], ''))
    .post('/population', sameOriginForms(deps), may, async (c) => {
      const form = await c.req.parseBody();
      const file = form.file;
      const csv = file instanceof File && file.size > 0 ? await file.text() : formField(form, 'csv');
      try {
        const result = await population.upload(c.var.principal, csv);
        const done = `Stored ${result.rows} ${result.rows === 1 ? 'figure' : 'figures'}${result.problems.length ? `; ${result.problems.length} ${result.problems.length === 1 ? 'row was' : 'rows were'} not used` : ''}.`;
        return page(
          c,
          result.problems.length ? 422 : 200,
          result.problems.map((p) => ({ field: 'csv', message: p.message.charAt(0).toUpperCase() + p.message.slice(1) })),
          result.problems.length ? csv : '',
          done,
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 422)
          return page(
            c,
            422,
            (error.details ?? []).map((d) => ({ field: 'csv', message: d.message.charAt(0).toUpperCase() + d.message.slice(1) })),
            csv,
          );
        throw error;
      }
    });
}
