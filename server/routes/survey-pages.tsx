/**
 * The survey pages (server/pages/staff/survey-pages.tsx) and the preview: the real family form
 * page, rendered from the survey's current version in any of the six languages, that sends
 * nothing. They call the same survey service as `/api/surveys`.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_SURVEY } from '../../db/demo';
import { ABOUT_YOU_PAGE } from '../../survey/about-you';
import { childForm } from '../../survey/child-form';
import { describeCondition } from '../../survey/condition-text';
import { EQUALITY_OPTIONS, PREFER_NOT_TO_SAY } from '../../survey/equality';
import { FFT_VALUES } from '../../survey/fft';
import { resolveForm } from '../../survey/public-form';
import { allQuestions, SurveyDefinition } from '../../survey/survey-schema';
import { createTranslator, isLanguage, LANGUAGES, type Language } from '../../survey/translate';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { FormPage } from '../pages/form-page';
import { renderDocument } from '../pages/render';
import { SurveyEditorPage } from '../pages/staff/survey-editor-page';
import { SurveyPage, SurveysPage } from '../pages/staff/survey-pages';
import { editorBundle } from '../../widget/editor-bundle.gen';
import type { EditorLabels } from '../../widget/editor/model';
import { SurveyDraft } from '../services/surveys';
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

  /** The definition families will see next: the unpublished changes if there are any, else the current version. */
  const upcoming = (survey: Awaited<ReturnType<typeof surveys.get>>) => SurveyDefinition.parse(survey.draft.definition ?? survey.definition);

  const surveyPage = async (c: Context<AppEnv>, id: string, status: 200 | 409 | 422, errors: FieldError[] = [], done?: string) => {
    const survey = await surveys.get(c.var.principal, id);
    const asked = c.req.query('lang') ?? 'en';
    const preview = isLanguage(asked) ? asked : 'en';
    const forChildren = c.req.query('for') === 'child';
    const definition = upcoming(survey);
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
        leftOutForChildren: !!question.forChildren?.leaveOut,
      };
    });
    return c.html(
      renderDocument(
        <SurveyPage
          user={staffUser(c.var.principal)}
          survey={{ ...survey, status: survey.status, versions: survey.versions, questions, draft: survey.draft.definition ? survey.draft : null }}
          preview={preview}
          forChildren={forChildren}
          scriptOff={c.req.query('script') === 'off'}
          errors={errors}
          done={done}
        />,
      ),
      status,
    );
  };

  /** English words for the standard answers, so the editor's skip rules can name them. */
  const labels = (): EditorLabels => {
    const t = createTranslator(deps.catalogues, 'en');
    return {
      fftQuestion: t('fft.question'),
      fft: Object.fromEntries(FFT_VALUES.map((value) => [value, t(`fft.${value}`)])),
      yesno: { yes: t('yesno.yes'), no: t('yesno.no') },
      equality: Object.fromEntries(
        Object.entries(EQUALITY_OPTIONS).map(([field, values]) => [
          field,
          Object.fromEntries([...values.map((value) => [value, t(`equality.${field}.${value}`)]), [PREFER_NOT_TO_SAY, t('equality.preferNotToSay')]]),
        ]),
      ),
    };
  };

  const editorPage = async (c: Context<AppEnv>, id: string, status: 200 | 409 | 422, typed?: { json: string; errors: FieldError[] }) => {
    const survey = await surveys.get(c.var.principal, id);
    const definition = upcoming(survey);
    return c.html(
      renderDocument(
        <SurveyEditorPage
          user={staffUser(c.var.principal)}
          survey={{ ...survey, draftSavedAt: survey.draft.savedAt }}
          data={{
            surveyId: survey.id,
            name: survey.name,
            basedOn: survey.draft.revision,
            definition,
            languages: LANGUAGES,
            labels: labels(),
            aboutYou: ABOUT_YOU_PAGE,
          }}
          json={typed?.json ?? JSON.stringify(definition, null, 2)}
          basedOn={survey.draft.revision}
          scriptSrc={`/assets/survey-editor/${editorBundle.hash}.js`}
          errors={typed?.errors ?? []}
        />,
      ),
      status,
    );
  };

  /** Both the editor's script and its gzip bytes, built once (widget/bundle-editor.ts). */
  const editorGzip = Uint8Array.from(atob(editorBundle.gzip), (ch) => ch.charCodeAt(0));

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
      const done = {
        created: 'Draft created.',
        live: 'Published: families now answer this version wherever a site uses the survey.',
        reopened: 'Survey reopened.',
        closed: 'Survey closed.',
        saved: 'Draft saved. Preview it below, then publish.',
        discarded: 'Unpublished changes thrown away.',
      }[c.req.query('done') ?? ''];
      return surveyPage(c, c.req.param('id'), 200, [], done);
    })
    .post('/admin/surveys/:id/status', sameOriginForms(deps), may, async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody();
      const to = formField(form, 'to');
      const basedOn = Number.parseInt(formField(form, 'basedOn'), 10);
      try {
        if (to === 'closed') await surveys.setStatus(c.var.principal, id, 'closed');
        else if (to === 'reopen') await surveys.setStatus(c.var.principal, id, 'live');
        else await surveys.publish(c.var.principal, id, Number.isInteger(basedOn) ? basedOn : undefined);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 422 || error.status === 409))
          return surveyPage(c, id, error.status, [
            { field: 'status', message: error.status === 409 ? error.message : `This survey ${error.details?.[0]?.message ?? error.message}` },
          ]);
        throw error;
      }
      return c.redirect(`/admin/surveys/${id}?done=${to === 'closed' ? 'closed' : to === 'reopen' ? 'reopened' : 'live'}`, 303);
    })
    .get('/admin/surveys/:id/edit', may, (c) => editorPage(c, c.req.param('id'), 200))
    .post('/admin/surveys/:id/draft', sameOriginForms(deps), may, async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody();
      const json = formField(form, 'definition');
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        return editorPage(c, id, 422, { json, errors: [{ field: 'definition', message: `The JSON cannot be read: ${(error as Error).message}` }] });
      }
      const draft = SurveyDraft.safeParse({ definition: parsed, basedOn: Number.parseInt(formField(form, 'basedOn'), 10) || 0 });
      if (!draft.success) {
        const errors = draft.error.issues
          .slice(0, 20)
          .map((issue) => ({ field: 'definition', message: `${issue.path.join('.') || 'definition'}: ${issue.message}` }));
        return editorPage(c, id, 422, { json, errors });
      }
      try {
        await surveys.saveDraft(c.var.principal, id, draft.data.definition, draft.data.basedOn);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          return editorPage(c, id, 409, { json, errors: [{ field: 'definition', message: error.message }] });
        throw error;
      }
      return c.redirect(`/admin/surveys/${id}?done=saved#preview-h`, 303);
    })
    .post('/admin/surveys/:id/discard', sameOriginForms(deps), may, async (c) => {
      const id = c.req.param('id');
      const basedOn = Number.parseInt(formField(await c.req.parseBody(), 'basedOn'), 10) || 0;
      try {
        await surveys.saveDraft(c.var.principal, id, null, basedOn);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return surveyPage(c, id, 409, [{ field: 'status', message: error.message }]);
        throw error;
      }
      return c.redirect(`/admin/surveys/${id}?done=discarded`, 303);
    })
    .get('/assets/survey-editor/:file', (c) => {
      if (c.req.param('file') !== `${editorBundle.hash}.js`) return c.text('No such script', 404);
      const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding' };
      if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return new Response(editorBundle.code, { headers });
      return new Response(editorGzip, { headers: { ...headers, 'Content-Encoding': 'gzip' }, encodeBody: 'manual' } as ResponseInit);
    })
    .post('/admin/surveys/:id/preview', may, (c) =>
      c.redirect(`/admin/surveys/${encodeURIComponent(c.req.param('id'))}/preview?lang=${encodeURIComponent(c.req.query('lang') ?? 'en')}`, 303),
    )
    .get('/admin/surveys/:id/preview', may, async (c) => {
      const survey = await surveys.get(c.var.principal, c.req.param('id'));
      const asked = c.req.query('lang') ?? 'en';
      const language: Language = isLanguage(asked) ? asked : 'en';
      const forChildren = c.req.query('for') === 'child';
      const t = createTranslator(deps.catalogues, language);
      const form = resolveForm({ id: survey.id, version: survey.currentVersion ?? 1, definition: upcoming(survey) }, language, t);
      const href = (lang: string) => `/admin/surveys/${survey.id}/preview?lang=${lang}${forChildren ? '&for=child' : ''}`;
      return c.html(
        renderDocument(
          <FormPage
            form={forChildren ? childForm(form, t) : form}
            place={`Preview: ${survey.name}`}
            answers={{}}
            errors={[]}
            idempotencyKey="preview"
            // A preview stores nothing: its button only comes back to the preview.
            action={href(language)}
            kiosk={false}
            child={forChildren}
            t={t}
            languageHref={href}
            kioskData={{}}
          />,
        ),
      );
    });
}
