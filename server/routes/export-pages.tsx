/**
 * The staff pages for exports: `GET /exports` (the choices, pre-filled from the dashboard's filters),
 * `POST /exports` (starts one, 303 to its progress), `GET /exports/{id}` (progress, refreshing
 * itself without script) and `GET /exports/{id}/file` (the file). The same service as `/api/exports`.
 */
import { Hono, type Context } from 'hono';
import { listSites } from '../../db/sites';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { authorizePage } from '../access/authorize';
import { can, scopeFor } from '../access/policy';
import { renderDocument } from '../pages/render';
import { ExportProgressPage, ExportsPage, type ExportFormValues } from '../pages/staff/exports-pages';
import type { ExportRequest } from '../services/exports';
import { contentDisposition, webStream } from './exports';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const MESSAGES: Record<string, string> = {
  kind: 'Choose what to download',
  format: 'Choose CSV or Excel',
  from: 'From must be a real date, like 2026-04-01',
  to: 'To must be a real date, like 2026-04-01',
  site: 'Choose a site from the list',
  provider: 'Choose a provider from the list',
  groupBy: 'Choose what each row is',
  dimension: 'Choose what to compare by',
};

export function exportPageRoutes(deps: AppDeps) {
  const { exports } = deps.services;
  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot download data',
      paragraphs: ['Your roles do not include reading feedback reports. If you need them, ask your hubvoice administrator.'],
      links: [],
    });
  const notFoundPage = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'Download not found',
      paragraphs: ['Downloads are kept for an hour, for the person who started them. Start it again from Download data.'],
      links: [{ href: '/exports', text: 'Go to Download data' }],
    });
  const gate = authorizePage(deps, 'exports.read', forbiddenPage);

  async function page(c: Context<AppEnv>, values: ExportFormValues, errors: FieldError[]) {
    const principal = c.var.principal;
    const sites = await listSites(deps.store.db, scopeFor(principal, 'exports.read'));
    const providers = [...new Map(sites.map((s) => [s.provider.code, { code: s.provider.code, name: s.provider.name }])).values()];
    return c.html(
      renderDocument(
        <ExportsPage
          user={staffUser(principal)}
          values={values}
          errors={errors}
          sites={sites.map((s) => ({ code: s.code, name: s.name }))}
          providers={providers}
          mayReadOriginals={can(principal, 'flags.readOriginal')}
        />,
      ),
      errors.length ? 422 : 200,
    );
  }

  const job = (c: Context<AppEnv>) => {
    try {
      return exports.job(c.var.principal, c.req.param('id') ?? '');
    } catch {
      return null;
    }
  };

  return new Hono<AppEnv>()
    .use('/exports', staffPageHeaders, staffCompress)
    .use('/exports/*', staffPageHeaders)
    .get('/exports', gate, (c) => {
      const q = c.req.query();
      return page(
        c,
        {
          kind: q.kind ?? 'satisfaction',
          groupBy: q.groupBy ?? 'site',
          dimension: q.dimension ?? 'ethnicGroup',
          format: q.format ?? 'csv',
          from: q.from ?? '',
          to: q.to ?? '',
          site: q.site ?? '',
          provider: q.provider ?? '',
          originals: false,
        },
        [],
      );
    })
    .post('/exports', sameOriginForms(deps), gate, async (c) => {
      const body = await c.req.parseBody();
      const values: ExportFormValues = {
        kind: formField(body, 'kind'),
        groupBy: formField(body, 'groupBy') || 'site',
        dimension: formField(body, 'dimension') || 'ethnicGroup',
        format: formField(body, 'format') || 'csv',
        from: formField(body, 'from').trim(),
        to: formField(body, 'to').trim(),
        site: formField(body, 'site'),
        provider: formField(body, 'provider'),
        originals: formField(body, 'originals') === '1',
      };
      const request = Object.fromEntries(
        Object.entries({ ...values, originals: values.originals }).filter(([, value]) => value !== '' && value !== false),
      ) as unknown as ExportRequest;
      if (values.from && values.to && values.from > values.to) return page(c, values, [{ field: 'from', message: 'From must be on or before To' }]);
      try {
        const started = await exports.start(c.var.principal, request);
        return c.redirect(`/exports/${started.id}`, 303);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) {
          const errors = [...new Set((error.details ?? []).map((d) => d.field))].map((field) => ({ field, message: MESSAGES[field] ?? `Check ${field}` }));
          return page(c, values, errors);
        }
        throw error;
      }
    })
    .get('/exports/:id', gate, (c) => {
      const found = job(c);
      if (!found) return notFoundPage(c);
      // The Refresh header reloads the page without script until the file is ready.
      if (found.status === 'running') c.header('Refresh', '1');
      return c.html(renderDocument(<ExportProgressPage user={staffUser(c.var.principal)} job={found} />));
    })
    .get('/exports/:id/file', gate, (c) => {
      try {
        const { job: done, contentType, stream } = exports.file(c.var.principal, c.req.param('id'));
        return c.body(webStream(stream), 200, { 'Content-Type': contentType, 'Content-Disposition': contentDisposition(done.filename) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return c.redirect(`/exports/${c.req.param('id')}`, 303);
        return notFoundPage(c);
      }
    });
}
