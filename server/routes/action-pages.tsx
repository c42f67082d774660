/**
 * "You said, we did" pages for staff (`/actions`, `/actions/new`, `/actions/{id}`, plain form posts
 * with a 303 after each write) and the public page of a hub's actions (`/sites/{code}/you-said-we-did`),
 * in the family's language. The staff pages call the same service as `/api/actions`.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { authorizePage } from '../access/authorize';
import { publishedActionsAtSite } from '../../db/actions';
import { siteByCode } from '../../db/sites';
import { createTranslator, directionOf, LANGUAGES, negotiateLanguage } from '../../survey/translate';
import { MessagePage } from '../pages/message-page';
import { renderDocument } from '../pages/render';
import { ActionFormPage, ActionsListPage, EMPTY_ACTION, type ActionFormValues } from '../pages/staff/actions-pages';
import { YouSaidWeDidPage } from '../pages/you-said-we-did-page';
import type { ActionInput, ActionView } from '../services/actions';
import { sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';
import { compress } from 'hono/compress';

const NOTICES: Record<string, string> = {
  saved: 'Saved as a draft',
  changed: 'Changes saved',
  published: 'Published: families can now see it',
  unpublished: 'Taken back to draft: families no longer see it',
};

/** The form's fields (`youSaid.pl`, `places` repeated, …) as the service's input. */
function valuesFrom(body: Record<string, string | File | (string | File)[]>): ActionFormValues {
  const all = (name: string) => {
    const value = body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
  };
  const one = (name: string) => all(name)[0] ?? '';
  const texts = (prefix: string) => Object.fromEntries(LANGUAGES.map((l) => [l.code, one(`${prefix}.${l.code}`)]));
  return { youSaid: texts('youSaid'), weDid: texts('weDid'), themes: all('themes'), changedOn: one('changedOn').trim(), places: all('places') };
}

const inputOf = (values: ActionFormValues): ActionInput =>
  ({ youSaid: values.youSaid, weDid: values.weDid, themes: values.themes, changedOn: values.changedOn || null, places: values.places }) as ActionInput;

const valuesOf = (action: ActionView): ActionFormValues => ({
  youSaid: action.youSaid,
  weDid: action.weDid,
  themes: action.themes,
  changedOn: action.changedOn ?? '',
  places: action.places.map((p) => p.code),
});

/** The service's field errors, worded for the page. */
const pageErrors = (details: FieldError[]): FieldError[] =>
  details.map((d) => ({
    ...d,
    field: d.field.startsWith('places') ? 'places' : d.field,
    message:
      d.field === 'changedOn'
        ? 'When it changed must be a real date, like 2026-11-01'
        : d.field.startsWith('places')
          ? 'Choose at least one site or service you look after'
          : d.message.replace(/^./, (c) => c.toUpperCase()),
  }));

export function actionPageRoutes(deps: AppDeps) {
  const { actions } = deps.services;

  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot write “You said, we did”',
      paragraphs: ['Administrators, commissioners and provider managers write what changed for families. If you need to, ask your hubvoice administrator.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const notFoundPage = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'Action not found',
      paragraphs: ['There is no action at this address that you can change.'],
      links: [{ href: '/actions', text: 'Go to You said, we did' }],
    });
  const gate = authorizePage(deps, 'actions.manage', forbiddenPage);
  const forms = sameOriginForms(deps);

  async function form(c: Context<AppEnv>, values: ActionFormValues, errors: FieldError[], action?: ActionView) {
    const choices = await actions.choices(c.var.principal);
    const notice = NOTICES[c.req.query('done') ?? ''];
    return c.html(
      renderDocument(<ActionFormPage user={staffUser(c.var.principal)} choices={choices} values={values} errors={errors} action={action} notice={notice} />),
      errors.length ? 422 : 200,
    );
  }

  /** Runs a write; a 422 comes back as the form with its errors, a 404 as the page's. */
  async function attempt(c: Context<AppEnv>, values: ActionFormValues, write: () => Promise<ActionView>, action?: ActionView) {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return form(c, values, pageErrors(error.details ?? []), action);
      if (error instanceof ApiError && error.status === 404) return notFoundPage(c);
      throw error;
    }
  }

  const find = (c: Context<AppEnv>) => actions.get(c.var.principal, c.req.param('id') ?? '').catch(() => null);

  return new Hono<AppEnv>()
    .use('/actions', staffPageHeaders, staffCompress)
    .use('/actions/*', staffPageHeaders, staffCompress)
    .use('/sites/:code/you-said-we-did', compress())
    .get('/actions', gate, async (c) =>
      c.html(
        renderDocument(
          <ActionsListPage user={staffUser(c.var.principal)} actions={await actions.list(c.var.principal)} notice={NOTICES[c.req.query('done') ?? '']} />,
        ),
      ),
    )
    .get('/actions/new', gate, (c) => form(c, EMPTY_ACTION, []))
    .post('/actions', forms, gate, async (c) => {
      const values = valuesFrom(await c.req.parseBody({ all: true }));
      const result = await attempt(c, values, () => actions.create(c.var.principal, inputOf(values)));
      return result instanceof Response ? result : c.redirect(`/actions/${encodeURIComponent(result.id)}?done=saved`, 303);
    })
    .get('/actions/:id', gate, async (c) => {
      const action = await find(c);
      return action ? form(c, valuesOf(action), [], action) : notFoundPage(c);
    })
    .post('/actions/:id', forms, gate, async (c) => {
      const action = await find(c);
      if (!action) return notFoundPage(c);
      const values = valuesFrom(await c.req.parseBody({ all: true }));
      const result = await attempt(c, values, () => actions.update(c.var.principal, action.id, inputOf(values)), action);
      return result instanceof Response ? result : c.redirect(`/actions/${encodeURIComponent(action.id)}?done=changed`, 303);
    })
    .post('/actions/:id/publish', forms, gate, async (c) => {
      const result = await attempt(c, EMPTY_ACTION, () => actions.setStatus(c.var.principal, c.req.param('id'), 'published'));
      return result instanceof Response ? result : c.redirect(`/actions/${encodeURIComponent(result.id)}?done=published`, 303);
    })
    .post('/actions/:id/unpublish', forms, gate, async (c) => {
      const result = await attempt(c, EMPTY_ACTION, () => actions.setStatus(c.var.principal, c.req.param('id'), 'draft'));
      return result instanceof Response ? result : c.redirect(`/actions/${encodeURIComponent(result.id)}?done=unpublished`, 303);
    })
    .get('/sites/:code/you-said-we-did', async (c) => {
      const site = await siteByCode(deps.store.db, c.req.param('code'));
      const language = negotiateLanguage(c.req.query('lang'), c.req.header('accept-language'), site?.defaultLanguage ?? 'en');
      const t = createTranslator(deps.catalogues, language);
      if (!site) {
        return c.html(
          renderDocument(
            <MessagePage
              language={language}
              dir={directionOf(language)}
              title={t('notFound.title')}
              body={t('notFound.body', { code: c.req.param('code') })}
              links={[{ href: '/', text: t('notFound.start') }]}
              t={t}
            />,
          ),
          404,
        );
      }
      const published = await publishedActionsAtSite(deps.store.db, { organisationId: site.organisationId, siteId: site.id });
      return c.html(
        renderDocument(
          <YouSaidWeDidPage
            language={language}
            dir={directionOf(language)}
            site={site.name}
            actions={published}
            t={t}
            languageHref={(lang) => `/sites/${encodeURIComponent(site.code)}/you-said-we-did?lang=${lang}`}
            formHref={`/f/${encodeURIComponent(site.code)}?lang=${language}`}
          />,
        ),
      );
    });
}
