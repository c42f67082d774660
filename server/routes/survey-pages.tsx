/**
 * The survey pages (server/pages/staff/survey-pages.tsx) and the preview: the real family form
 * page, rendered from the survey's current version in any of the six languages, that sends
 * nothing. They call the same survey service as `/api/surveys`.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_SURVEY } from '../../db/demo';
import { describeCondition } from '../../survey/condition-text';
import { resolveForm } from '../../survey/public-form';
import { allQuestions, SurveyDefinition } from '../../survey/survey-schema';
import { createTranslator, isLanguage, LANGUAGES, type Language } from '../../survey/translate';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { FormPage } from '../pages/form-page';
import { renderDocument } from '../pages/render';
import { SurveyPage, SurveysPage } from '../pages/staff/survey-pages';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const Name = z.string().trim().min(1, 'Enter a name for the survey').max(120, 'Use 120 characters or fewer');

export function surveyPageRoutes(deps: AppDeps) {
  const surveys = deps.services.surveys;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot manage surveys',
      paragraphs: ['Only administrators and commissioners for a whole organisation can write and publish surveys.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const may = authorizePage(deps, 'surveys.manage', refused);

  const listPage = async (c: Context<AppEnv>, status: 200 | 422, errors: FieldError[] = [], name?: string) =>
    c.html(renderDocument(<SurveysPage user={staffUser(c.var.principal)} surveys={await surveys.list(c.var.principal)} errors={errors} name={name} />), status);

  const surveyPage = async (c: Context<AppEnv>, id: string, status: 200 | 422, errors: FieldError[] = [], done?: string) => {
    const survey = await surveys.get(c.var.principal, id);
    const asked = c.req.query('lang') ?? 'en';
    const preview = isLanguage(asked) ? asked : 'en';
    const definition = SurveyDefinition.parse(survey.definition);
    const t = createTranslator(deps.catalogues, 'en');
    const english = resolveForm({ id: survey.id, version: survey.currentVersion ?? 1, definition }, 'en', t);
    const missingIn = (text: Record<string, string> | undefined) => (text ? LANGUAGES.filter((l) => l.code !== 'en' && !text[l.code]).map((l) => l.name) : []);
    const questions = allQuestions(definition).map((question) => {
      const shown = english.questions.find((q) => q.id === question.id);
      return {
        id: question.id,
        type: question.type,
        title: shown?.title ?? question.id,
        required: !!question.required,
        showIf: (question.showIf && describeCondition(question.showIf, english.questions, t)) || null,
        missing: question.type === 'fft' || question.type === 'equality' ? [] : missingIn(question.title),
      };
    });
    return c.html(
      renderDocument(
        <SurveyPage
          user={staffUser(c.var.principal)}
          survey={{ ...survey, status: survey.status, versions: survey.versions, questions }}
          preview={preview}
          errors={errors}
          done={done}
        />,
      ),
      status,
    );
  };

  return new Hono<AppEnv>()
    .use('/admin/surveys/*', staffPageHeaders, staffCompress)
    .use('/admin/surveys', staffPageHeaders, staffCompress)
    .get('/admin/surveys', may, (c) => listPage(c, 200))
    .post('/admin/surveys', sameOriginForms(deps), may, async (c) => {
      const typed = formField(await c.req.parseBody(), 'surveyName');
      const name = Name.safeParse(typed);
      if (!name.success) return listPage(c, 422, [{ field: 'surveyName', message: name.error.issues[0]?.message ?? 'Enter a name' }], typed);
      try {
        const created = await surveys.create(c.var.principal, { name: name.data, status: 'draft', definition: DEFAULT_SURVEY });
        return c.redirect(`/admin/surveys/${created.id}?done=created`, 303);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) return listPage(c, 422, [{ field: 'surveyName', message: error.message }], typed);
        throw error;
      }
    })
    .get('/admin/surveys/:id', may, (c) => {
      const done = { created: 'Draft created.', live: 'Published: sites can now use it.', closed: 'Survey closed.' }[c.req.query('done') ?? ''];
      return surveyPage(c, c.req.param('id'), 200, [], done);
    })
    .post('/admin/surveys/:id/status', sameOriginForms(deps), may, async (c) => {
      const id = c.req.param('id');
      const to = formField(await c.req.parseBody(), 'to') === 'closed' ? 'closed' : 'live';
      try {
        await surveys.setStatus(c.var.principal, id, to);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422)
          return surveyPage(c, id, 422, [{ field: 'status', message: `This survey ${error.details?.[0]?.message ?? error.message}` }]);
        throw error;
      }
      return c.redirect(`/admin/surveys/${id}?done=${to}`, 303);
    })
    .post('/admin/surveys/:id/preview', may, (c) =>
      c.redirect(`/admin/surveys/${encodeURIComponent(c.req.param('id'))}/preview?lang=${encodeURIComponent(c.req.query('lang') ?? 'en')}`, 303),
    )
    .get('/admin/surveys/:id/preview', may, async (c) => {
      const survey = await surveys.get(c.var.principal, c.req.param('id'));
      const asked = c.req.query('lang') ?? 'en';
      const language: Language = isLanguage(asked) ? asked : 'en';
      const t = createTranslator(deps.catalogues, language);
      const form = resolveForm({ id: survey.id, version: survey.currentVersion ?? 1, definition: SurveyDefinition.parse(survey.definition) }, language, t);
      const href = (lang: string) => `/admin/surveys/${survey.id}/preview?lang=${lang}`;
      return c.html(
        renderDocument(
          <FormPage
            form={form}
            place={`Preview: ${survey.name}`}
            answers={{}}
            errors={[]}
            idempotencyKey="preview"
            // A preview stores nothing: its button only comes back to the preview.
            action={href(language)}
            kiosk={false}
            child={false}
            t={t}
            languageHref={href}
            kioskData={{}}
          />,
        ),
      );
    });
}
