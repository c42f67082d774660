/**
 * "You said, we did" for staff: list, read, write (a draft), change, publish and take back
 * (`/api/actions`), for admins, commissioners and provider managers within their scope. The rules
 * are in server/services/actions.ts; published actions reach families through the form pages.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import type { ActionInput } from '../services/actions';
import { LANGUAGES } from '../../survey/translate';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const Texts = z
  .object(Object.fromEntries(LANGUAGES.map((l) => [l.code, l.code === 'en' ? z.string() : z.string().optional()])) as Record<string, z.ZodString>)
  .openapi('ActionTexts', { description: 'One text per language code; English is required, the others fall back to it' });

export const ActionBody = z
  .object({
    youSaid: Texts,
    weDid: Texts,
    themes: z.array(z.string()).max(20).optional().openapi({ description: 'Theme ids of the organisation’s theme model' }),
    changedOn: z.string().nullable().optional().openapi({ description: 'When the change happened or happens, YYYY-MM-DD', example: '2026-11-01' }),
    places: z
      .array(z.string())
      .min(1)
      .max(200)
      .openapi({ description: 'Site or service-point codes where families are shown it', example: ['dvp'] }),
  })
  .openapi('ActionInput');

export const Action = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    status: z.enum(['draft', 'published']),
    youSaid: z.record(z.string(), z.string()),
    weDid: z.record(z.string(), z.string()),
    themes: z.array(z.string()),
    changedOn: z.string().nullable(),
    places: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['site', 'servicePoint', 'organisation']) })),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('Action');

const Id = z.object({ id: z.string().max(64) });
const tags = ['You said, we did'];
const NOT_YOURS = 'No such action you manage';

export function actionRoutes(deps: AppDeps) {
  const { actions } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'actions.manage')] };
  const list = createRoute({
    ...common,
    method: 'get',
    path: '/api/actions',
    summary: 'Actions the caller manages, drafts and published, newest first',
    responses: { 200: json(z.array(Action), 'The actions'), ...errors(SIGNED_IN_ERRORS) },
  });
  const one = createRoute({
    ...common,
    method: 'get',
    path: '/api/actions/{id}',
    summary: 'One action',
    request: { params: Id },
    responses: { 200: json(Action, 'The action'), ...errors({ ...SIGNED_IN_ERRORS, 404: NOT_YOURS }) },
  });
  const create = createRoute({
    ...common,
    method: 'post',
    path: '/api/actions',
    summary: 'Write an action as a draft',
    request: { body: body(ActionBody, 'What families said, what changed, when, where') },
    responses: {
      201: json(Action, 'The draft'),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'A text is missing or too long, or a place is not one you manage; `details[].field` names it' }),
    },
  });
  const update = createRoute({
    ...common,
    method: 'put',
    path: '/api/actions/{id}',
    summary: 'Change an action (a published one stays published)',
    request: { params: Id, body: body(ActionBody, 'The whole action') },
    responses: { 200: json(Action, 'The action'), ...errors({ ...SIGNED_IN_ERRORS, 404: NOT_YOURS, 422: 'As for writing one' }) },
  });
  const status = (path: string, summary: string) =>
    createRoute({
      ...common,
      method: 'post',
      path,
      summary,
      request: { params: Id },
      responses: { 200: json(Action, 'The action'), ...errors({ ...SIGNED_IN_ERRORS, 404: NOT_YOURS }) },
    });
  const publish = status('/api/actions/{id}/publish', 'Publish: families see it on its places’ thank-you pages, posters and public page');
  const unpublish = status('/api/actions/{id}/unpublish', 'Take back to draft: families no longer see it');

  return apiRoutes()
    .openapi(list, async (c) => c.json(await actions.list(c.var.principal), 200))
    .openapi(one, async (c) => c.json(await actions.get(c.var.principal, c.req.valid('param').id), 200))
    .openapi(create, async (c) => c.json(await actions.create(c.var.principal, c.req.valid('json') as ActionInput), 201))
    .openapi(update, async (c) => c.json(await actions.update(c.var.principal, c.req.valid('param').id, c.req.valid('json') as ActionInput), 200))
    .openapi(publish, async (c) => c.json(await actions.setStatus(c.var.principal, c.req.valid('param').id, 'published'), 200))
    .openapi(unpublish, async (c) => c.json(await actions.setStatus(c.var.principal, c.req.valid('param').id, 'draft'), 200));
}
