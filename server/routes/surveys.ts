/**
 * Survey definitions for commissioners and admins: list, read, create, and new versions
 * (`POST /api/surveys/{id}/versions`). `PUT /api/sites/{code}/survey` points a site or service point
 * at a survey. Definitions are validated by the survey core's zod schema, so a 422 names the path
 * of the bad field; the rules are in server/services/surveys.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { CreateSurvey, NewSurveyVersion, PublishSurvey, SurveyAssignment, SurveyDraft } from '../services/surveys';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

export { CreateSurvey, NewSurveyVersion, PublishSurvey, SurveyAssignment, SurveyDraft };

export const SurveySummary = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    status: CreateSurvey.shape.status.unwrap(),
    currentVersion: z.number().int().nullable(),
  })
  .openapi('SurveySummary');
export const Survey = SurveySummary.extend({
  /** The current version's definition, as saved (the schema of `POST /api/surveys`'s `definition`). */
  definition: z.unknown().openapi({ description: 'The current version’s definition, as saved (see the request body of `POST /api/surveys`)' }),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), createdAt: z.iso.datetime() })),
  draft: z
    .object({
      definition: z.unknown().openapi({ description: 'Unpublished changes (a whole definition), or null when there are none' }),
      revision: z.number().int().openapi({ description: 'Counts saves of the draft; send it back as `basedOn`' }),
      savedAt: z.iso.datetime().nullable(),
    })
    .openapi('SurveyDraftState'),
}).openapi('Survey');

const Id = z.object({ id: z.string() });
const tags = ['Surveys'];

export function surveyRoutes(deps: AppDeps) {
  const { surveys } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'surveys.manage')] };
  const list = createRoute({
    ...common,
    method: 'get',
    path: '/api/surveys',
    summary: 'Surveys of the organisations the caller manages (admins and commissioners)',
    responses: { 200: json(z.array(SurveySummary), 'The surveys, by name'), ...errors(SIGNED_IN_ERRORS) },
  });
  const one = createRoute({
    ...common,
    method: 'get',
    path: '/api/surveys/{id}',
    summary: 'One survey: its current definition and every version',
    request: { params: Id },
    responses: { 200: json(Survey, 'The survey, versions newest first'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such survey you manage' }) },
  });
  const create = createRoute({
    ...common,
    method: 'post',
    path: '/api/surveys',
    summary: 'Create a survey (version 1), optionally pointing site or service-point codes at it',
    description:
      'The definition is validated on save (and again on load): a 422 names the path of the bad field, e.g. `definition.pages.0.questions.2.options`.',
    request: { body: body(CreateSurvey, 'The survey') },
    responses: {
      201: json(Survey, 'The survey with its definition and versions'),
      ...errors({
        ...SIGNED_IN_ERRORS,
        403: 'Not an admin or commissioner of that organisation',
        422: 'The definition or a code is invalid; `details[].field` is its path',
      }),
    },
  });
  const addVersion = createRoute({
    ...common,
    method: 'post',
    path: '/api/surveys/{id}/versions',
    summary: 'Edit a survey: writes a new version and makes it current',
    description: 'Versions never change once written; each response records the version it answered.',
    request: { params: Id, body: body(NewSurveyVersion, 'The new definition') },
    responses: {
      201: json(Survey, 'The survey, now at the new version'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such survey you manage', 422: 'The definition is invalid; `details[].field` is its path' }),
    },
  });
  const assign = createRoute({
    ...common,
    method: 'put',
    path: '/api/sites/{code}/survey',
    summary: 'Point a site or service point at a survey (`null`: back to the default)',
    request: { params: z.object({ code: z.string() }), body: body(SurveyAssignment, 'The survey') },
    responses: {
      200: json(z.object({ code: z.string(), surveyId: z.string().nullable() }), 'Assigned'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such code you manage', 422: 'The survey is not this organisation’s' }),
    },
  });

  const saveDraft = createRoute({
    ...common,
    method: 'put',
    path: '/api/surveys/{id}/draft',
    summary: 'Save unpublished changes (the survey editor’s save); families keep the current version',
    description:
      'Send the whole definition and `basedOn`, the draft `revision` you loaded. If someone saved since, the answer is a 409 and nothing is overwritten.',
    request: { params: Id, body: body(SurveyDraft, 'The changed definition') },
    responses: {
      200: json(Survey, 'Saved: `draft.revision` is the new revision'),
      ...errors({
        ...SIGNED_IN_ERRORS,
        404: 'No such survey you manage',
        409: 'Someone else saved the draft since `basedOn`',
        422: 'The definition is invalid; `details[].field` is its path',
      }),
    },
  });
  const discardDraft = createRoute({
    ...common,
    method: 'delete',
    path: '/api/surveys/{id}/draft',
    summary: 'Throw away unpublished changes',
    request: { params: Id, query: z.object({ basedOn: z.coerce.number().int().min(0) }) },
    responses: {
      200: json(Survey, 'The survey with no draft'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such survey you manage', 409: 'Someone else saved the draft since `basedOn`' }),
    },
  });
  const publish = createRoute({
    ...common,
    method: 'post',
    path: '/api/surveys/{id}/publish',
    summary: 'Publish: the draft’s changes become a new immutable version, and a draft survey goes live',
    description: 'With `basedOn`, publishing is refused (409) if the draft changed since that revision, so what was previewed is what families see.',
    request: { params: Id, body: { required: false, ...json(PublishSurvey, 'Optionally, the draft revision that was previewed') } },
    responses: {
      200: json(Survey, 'The survey, live at its new version'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such survey you manage', 409: 'The draft changed since `basedOn`' }),
    },
  });

  const status = (path: 'close' | 'reopen', summary: string) =>
    createRoute({
      ...common,
      method: 'post',
      path: `/api/surveys/{id}/${path}`,
      summary,
      request: { params: Id },
      responses: {
        200: json(Survey, 'The survey in its new state'),
        ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such survey you manage', 422: 'It cannot close while families answer it or it is the default' }),
      },
    });

  return apiRoutes()
    .openapi(publish, async (c) => c.json(await surveys.publish(c.var.principal, c.req.valid('param').id, c.req.valid('json')?.basedOn), 200))
    .openapi(saveDraft, async (c) => {
      const { definition, basedOn } = c.req.valid('json');
      return c.json(await surveys.saveDraft(c.var.principal, c.req.valid('param').id, definition, basedOn), 200);
    })
    .openapi(discardDraft, async (c) => c.json(await surveys.saveDraft(c.var.principal, c.req.valid('param').id, null, c.req.valid('query').basedOn), 200))
    .openapi(status('close', 'Close a live survey no site uses'), async (c) =>
      c.json(await surveys.setStatus(c.var.principal, c.req.valid('param').id, 'closed'), 200),
    )
    .openapi(status('reopen', 'Reopen a closed survey'), async (c) => c.json(await surveys.setStatus(c.var.principal, c.req.valid('param').id, 'live'), 200))
    .openapi(list, async (c) => c.json(await surveys.list(c.var.principal), 200))
    .openapi(one, async (c) => c.json(await surveys.get(c.var.principal, c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await surveys.create(c.var.principal, c.req.valid('json')), 201))
    .openapi(addVersion, async (c) => c.json(await surveys.addVersion(c.var.principal, c.req.valid('param').id, c.req.valid('json').definition), 201))
    .openapi(assign, async (c) => c.json(await surveys.assignToCode(c.var.principal, c.req.valid('param').code, c.req.valid('json').surveyId), 200));
}
