/**
 * The staff pages for a council's places: `GET /admin/sites` (first-run setup, providers, sites,
 * CSV import) and `GET /admin/sites/{code}` (one site), with plain form posts that redirect back
 * (303) or re-render with the errors and what was typed. They call the same place service as the
 * JSON API (server/routes/places.ts).
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { authorizePage } from '../access/authorize';
import { can } from '../access/policy';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { SitePage, SitesPage } from '../pages/staff/places-pages';
import { NewOrganisation, NewProvider, NewServicePoint, NewSite, SiteChanges, type ImportResult } from '../services/places';
import { fieldErrors } from '../validate';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

/** Form field names on the pages, by the API field they carry. */
const ORGANISATION_FIELDS = { name: 'orgName', slug: 'orgSlug' };
const PROVIDER_FIELDS = { name: 'providerName', code: 'providerCode' };
const SITE_FIELDS = {
  name: 'siteName',
  code: 'siteCode',
  provider: 'siteProvider',
  kind: 'siteKind',
  locality: 'siteLocality',
  ward: 'siteWard',
  defaultLanguage: 'siteLanguage',
};
const POINT_FIELDS = { name: 'pointName', code: 'pointCode' };

/** The API's field names as the page's, so each message sits under its own input. */
const onPage = (errors: FieldError[], fields: Record<string, string>, fallback: string): FieldError[] =>
  errors.map((error) => ({ ...error, field: fields[error.field.split('.')[0] ?? ''] ?? fallback }));

export function placePageRoutes(deps: AppDeps) {
  const places = deps.services.places;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot manage sites',
      paragraphs: ['Only administrators and commissioners for a whole organisation can add and change sites.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const mayManage = authorizePage(deps, 'sites.manage', refused);
  // The first admin of an empty hubvoice holds a platform role: they may add the organisation itself.
  const mayCreate = authorizePage(deps, 'organisations.create', refused);

  const sitesPage = async (
    c: Context<AppEnv>,
    status: 200 | 409 | 422,
    state: { errors?: FieldError[]; values?: Record<string, string>; imported?: ImportResult; done?: string },
  ) => {
    const principal = c.var.principal;
    return c.html(
      renderDocument(
        <SitesPage
          user={staffUser(principal)}
          organisations={await places.list(principal)}
          mayCreateOrganisation={can(principal, 'organisations.create')}
          errors={state.errors ?? []}
          values={state.values ?? {}}
          imported={state.imported}
          done={state.done}
        />,
      ),
      status,
    );
  };

  const sitePage = async (
    c: Context<AppEnv>,
    code: string,
    status: 200 | 409 | 422,
    state: { errors?: FieldError[]; values?: Record<string, string>; done?: string },
  ) =>
    c.html(
      renderDocument(
        <SitePage
          user={staffUser(c.var.principal)}
          site={await places.site(c.var.principal, code)}
          publicUrl={deps.config.PUBLIC_URL}
          errors={state.errors ?? []}
          values={state.values ?? {}}
          done={state.done}
        />,
      ),
      status,
    );

  /** Runs a write; a 409 or 422 from the service comes back as the page's errors under the right fields. */
  async function attempt<T>(
    write: () => Promise<T>,
    fields: Record<string, string>,
    fallback: string,
  ): Promise<{ ok: T } | { status: 409 | 422; errors: FieldError[] }> {
    try {
      return { ok: await write() };
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
        return { status: error.status, errors: onPage(error.details ?? [{ field: fallback, message: error.message }], fields, fallback) };
      }
      throw error;
    }
  }

  const parsed = <Schema extends z.ZodType>(schema: Schema, input: unknown, fields: Record<string, string>, fallback: string) => {
    const result = schema.safeParse(input);
    return result.success ? { data: result.data as z.infer<Schema> } : { errors: onPage(fieldErrors(result.error), fields, fallback) };
  };

  const values = (body: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

  return new Hono<AppEnv>()
    .use('/admin/*', staffPageHeaders, staffCompress)
    .get('/admin/sites', mayManage, (c) => sitesPage(c, 200, { done: c.req.query('done') ? doneMessage(c.req.query('done') ?? '') : undefined }))
    .post('/admin/organisations', sameOriginForms(deps), mayCreate, async (c) => {
      const body = await c.req.parseBody();
      const input = parsed(NewOrganisation, { name: formField(body, 'orgName'), slug: formField(body, 'orgSlug') }, ORGANISATION_FIELDS, 'orgName');
      if ('errors' in input) return sitesPage(c, 422, { errors: input.errors, values: values(body) });
      const result = await attempt(() => places.createOrganisation(c.var.principal, input.data), ORGANISATION_FIELDS, 'orgSlug');
      if ('errors' in result) return sitesPage(c, result.status, { errors: result.errors, values: values(body) });
      return c.redirect('/admin/sites?done=organisation', 303);
    })
    .post('/admin/providers', sameOriginForms(deps), mayManage, async (c) => {
      const body = await c.req.parseBody();
      const input = parsed(
        NewProvider,
        { organisationId: formField(body, 'organisationId') || undefined, name: formField(body, 'providerName'), code: formField(body, 'providerCode') },
        PROVIDER_FIELDS,
        'providerName',
      );
      if ('errors' in input) return sitesPage(c, 422, { errors: input.errors, values: values(body) });
      const result = await attempt(() => places.createProvider(c.var.principal, input.data), PROVIDER_FIELDS, 'providerCode');
      if ('errors' in result) return sitesPage(c, result.status, { errors: result.errors, values: values(body) });
      return c.redirect('/admin/sites?done=provider#providers', 303);
    })
    .post('/admin/sites', sameOriginForms(deps), mayManage, async (c) => {
      const body = await c.req.parseBody();
      const input = parsed(
        NewSite,
        {
          organisationId: formField(body, 'organisationId') || undefined,
          name: formField(body, 'siteName'),
          code: formField(body, 'siteCode'),
          provider: formField(body, 'siteProvider'),
          kind: formField(body, 'siteKind'),
          locality: formField(body, 'siteLocality'),
          ward: formField(body, 'siteWard') || undefined,
          defaultLanguage: formField(body, 'siteLanguage') || 'en',
        },
        SITE_FIELDS,
        'siteName',
      );
      if ('errors' in input) return sitesPage(c, 422, { errors: input.errors, values: values(body) });
      const result = await attempt(() => places.createSite(c.var.principal, input.data), SITE_FIELDS, 'siteCode');
      if ('errors' in result) return sitesPage(c, result.status, { errors: result.errors, values: values(body) });
      return c.redirect(`/admin/sites/${result.ok.code}?done=site`, 303);
    })
    .post('/admin/sites/import', sameOriginForms(deps), mayManage, async (c) => {
      const body = await c.req.parseBody();
      const file = body.csvFile;
      const fromFile = file instanceof File && file.size > 0 ? await file.text() : '';
      const csv = fromFile || formField(body, 'csvText');
      if (!csv.trim()) return sitesPage(c, 422, { errors: [{ field: 'csvFile', message: 'Choose a CSV file, or paste the CSV' }], values: values(body) });
      const result = await attempt(
        () => places.importSites(c.var.principal, formField(body, 'organisationId') || undefined, csv),
        { csv: 'csvFile' },
        'csvFile',
      );
      if ('errors' in result) return sitesPage(c, result.status, { errors: result.errors, values: values(body) });
      // The result is shown at once, rows and all: a redirect would lose the list of rows to correct.
      return sitesPage(c, 200, { imported: result.ok });
    })
    .get('/admin/sites/:code', mayManage, async (c) =>
      sitePage(c, c.req.param('code'), 200, { done: c.req.query('done') ? doneMessage(c.req.query('done') ?? '') : undefined }),
    )
    .post('/admin/sites/:code', sameOriginForms(deps), mayManage, async (c) => {
      const code = c.req.param('code');
      const body = await c.req.parseBody();
      const input = parsed(
        SiteChanges,
        {
          name: formField(body, 'siteName'),
          provider: formField(body, 'siteProvider'),
          kind: formField(body, 'siteKind'),
          locality: formField(body, 'siteLocality'),
          ward: formField(body, 'siteWard'),
          defaultLanguage: formField(body, 'siteLanguage') || 'en',
        },
        SITE_FIELDS,
        'siteName',
      );
      if ('errors' in input) return sitePage(c, code, 422, { errors: input.errors, values: values(body) });
      const result = await attempt(() => places.updateSite(c.var.principal, code, input.data), SITE_FIELDS, 'siteName');
      if ('errors' in result) return sitePage(c, code, result.status, { errors: result.errors, values: values(body) });
      return c.redirect(`/admin/sites/${code}?done=saved`, 303);
    })
    .post('/admin/sites/:code/archive', sameOriginForms(deps), mayManage, async (c) => {
      const code = c.req.param('code');
      const archived = formField(await c.req.parseBody(), 'archived') !== 'false';
      await places.updateSite(c.var.principal, code, { archived });
      return c.redirect(`/admin/sites/${code}?done=${archived ? 'archived' : 'restored'}`, 303);
    })
    .post('/admin/sites/:code/survey', sameOriginForms(deps), mayManage, async (c) => {
      const code = c.req.param('code');
      const body = await c.req.parseBody();
      const surveyId = formField(body, 'surveyId') || null;
      const result = await attempt(() => deps.services.surveys.assignToCode(c.var.principal, code, surveyId), { surveyId: 'surveyId' }, 'surveyId');
      if ('errors' in result) return sitePage(c, code, result.status, { errors: result.errors, values: values(body) });
      return c.redirect(`/admin/sites/${code}?done=survey#survey-h`, 303);
    })
    .post('/admin/sites/:code/service-points', sameOriginForms(deps), mayManage, async (c) => {
      const code = c.req.param('code');
      const body = await c.req.parseBody();
      const input = parsed(NewServicePoint, { name: formField(body, 'pointName'), code: formField(body, 'pointCode') }, POINT_FIELDS, 'pointName');
      if ('errors' in input) return sitePage(c, code, 422, { errors: input.errors, values: values(body) });
      const result = await attempt(() => places.createServicePoint(c.var.principal, code, input.data), POINT_FIELDS, 'pointCode');
      if ('errors' in result) return sitePage(c, code, result.status, { errors: result.errors, values: values(body) });
      return c.redirect(`/admin/sites/${code}?done=point`, 303);
    })
    .post('/admin/service-points/:code/archive', sameOriginForms(deps), mayManage, async (c) => {
      const archived = formField(await c.req.parseBody(), 'archived') !== 'false';
      const point = await places.updateServicePoint(c.var.principal, c.req.param('code'), { archived });
      return c.redirect(`/admin/sites/${point.siteCode}?done=${archived ? 'point-archived' : 'point-restored'}`, 303);
    });
}

function doneMessage(done: string): string | undefined {
  return (
    {
      organisation: 'Organisation saved. Now add a provider.',
      provider: 'Provider added.',
      site: 'Site added. Add its service points, and print its posters.',
      saved: 'Details saved.',
      archived: 'Site archived. Its forms are closed; its responses stay in the reports.',
      restored: 'Site restored. Its form is open again.',
      survey: 'Survey saved. Families at this site now answer it.',
      point: 'Service point added.',
      'point-archived': 'Service point archived.',
      'point-restored': 'Service point restored.',
    } as Record<string, string>
  )[done];
}
