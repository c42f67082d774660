/**
 * Survey definitions for commissioners and admins: list, read, create, and new versions
 * (`POST /api/surveys/{id}/versions`). `PUT /api/sites/{code}/survey` points a site or service point
 * at a survey. Definitions are validated by the survey core's zod schema, so a 422 names the path
 * of the bad field; the rules are in server/services/surveys.ts.
 */
import { Hono } from 'hono';
import { authorize } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { CreateSurvey, NewSurveyVersion, SurveyAssignment } from '../services/surveys';
import { valid } from '../validate';

export { CreateSurvey, NewSurveyVersion, SurveyAssignment };

export function surveyRoutes(deps: AppDeps) {
  const { surveys } = deps.services;
  const manage = authorize(deps, 'surveys.manage');
  return new Hono<AppEnv>()
    .get('/api/surveys', manage, async (c) => c.json(await surveys.list(c.var.principal)))
    .get('/api/surveys/:id', manage, async (c) => c.json(await surveys.get(c.var.principal, c.req.param('id'))))
    .post('/api/surveys', manage, valid('json', CreateSurvey), async (c) => c.json(await surveys.create(c.var.principal, c.req.valid('json')), 201))
    .post('/api/surveys/:id/versions', manage, valid('json', NewSurveyVersion), async (c) =>
      c.json(await surveys.addVersion(c.var.principal, c.req.param('id'), c.req.valid('json').definition), 201),
    )
    .put('/api/sites/:code/survey', manage, valid('json', SurveyAssignment), async (c) =>
      c.json(await surveys.assignToCode(c.var.principal, c.req.param('code'), c.req.valid('json').surveyId)),
    );
}
