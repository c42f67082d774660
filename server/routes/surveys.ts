/**
 * Survey definitions for commissioners and admins: list, read, create, and new versions
 * (`POST /api/surveys/{id}/versions`: editing a live survey makes a new version; responses keep the
 * version they answered). `PUT /api/sites/{code}/survey` points a site or service point at a survey.
 * Definitions are validated by the shared zod schema, so a 422 names the path of the bad field.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { auditLog, organisations } from '../../db/schema';
import { hasRole, type Principal } from '../../db/scope';
import { addSurveyVersion, assignSurvey, createSurvey, findCodeOwner, getSurvey, listSurveys } from '../../db/surveys';
import { SurveyDefinition } from '../../survey/survey-schema';
import type { AppDeps, AppEnv } from '../deps';
import { forbidden, notFound, validationFailed } from '../errors';
import { requireRole, requireUser } from '../middleware/require-user';
import { valid } from '../validate';

export const CreateSurvey = z.object({
  name: z.string().trim().min(1, 'give the survey a name').max(120),
  definition: SurveyDefinition,
  status: z.enum(['draft', 'live', 'closed']).default('live'),
  /** Needed only by someone who manages more than one organisation. */
  organisationId: z.string().max(64).optional(),
  /** Site or service-point codes whose families should answer this survey from now on. */
  assignTo: z.array(z.string().min(1).max(64)).max(200).optional(),
});
export const NewSurveyVersion = z.object({ definition: SurveyDefinition });
export const SurveyAssignment = z.object({ surveyId: z.string().max(64).nullable() });

const MANAGERS = ['admin', 'commissioner'] as const;

/** The organisations a principal may manage surveys for; undefined means every one (platform scope). */
function managedOrganisations(principal: Principal): string[] | undefined {
  const managing = principal.assignments.filter((a) => (MANAGERS as readonly string[]).includes(a.role));
  if (managing.some((a) => a.scopeType === 'platform')) return undefined;
  return managing.filter((a) => a.scopeType === 'organisation' && a.scopeId).map((a) => a.scopeId as string);
}

const manages = (principal: Principal, organisationId: string) => managedOrganisations(principal)?.includes(organisationId) ?? true;

export function surveyRoutes(deps: AppDeps) {
  const { db } = deps.store;
  const audit = (principal: Principal, organisationId: string, action: string, targetId: string, details: Record<string, unknown>) =>
    db.insert(auditLog).values({ at: deps.now(), userId: principal.userId, organisationId, action, targetType: 'survey', targetId, details });

  /** A survey the caller may manage, or a 404 (not a 403: other councils' surveys are not theirs to know of). */
  const managedSurvey = async (principal: Principal, id: string) => {
    const survey = await getSurvey(db, id);
    if (!survey || !manages(principal, survey.organisationId)) throw notFound('That survey');
    return survey;
  };

  /** Points each code at the survey, refusing (before changing anything) codes of another organisation. */
  const assign = async (principal: Principal, organisationId: string, codes: string[], surveyId: string | null, field: (i: number) => string) => {
    const owners = await Promise.all(codes.map((code) => findCodeOwner(db, code)));
    const bad = owners.flatMap((owner, i) => (owner && owner.organisationId === organisationId ? [] : [{ field: field(i), message: `no site or service point of this organisation has the code "${codes[i]}"`, code: 'unknown_code' }]));
    if (bad.length) throw validationFailed(bad);
    for (const owner of owners) await assignSurvey(db, owner!, surveyId);
    for (const code of codes) await audit(principal, organisationId, 'survey_assigned', surveyId ?? code, { code, surveyId });
    deps.forms.forget();
  };

  const signedIn = requireUser(deps);
  const manager = requireRole(...MANAGERS);

  return new Hono<AppEnv>()
    // '/api/surveys/*' also matches '/api/surveys' itself.
    .use('/api/surveys/*', signedIn, manager)
    .use('/api/sites/:code/survey', signedIn, manager)
    .get('/api/surveys', async (c) => c.json(await listSurveys(db, managedOrganisations(c.var.principal))))
    .get('/api/surveys/:id', async (c) => c.json(await managedSurvey(c.var.principal, c.req.param('id'))))
    .post('/api/surveys', valid('json', CreateSurvey), async (c) => {
      const { assignTo = [], organisationId: asked, ...input } = c.req.valid('json');
      const principal = c.var.principal;
      const organisationId = asked ?? (await onlyOrganisation(principal));
      if (!organisationId) throw validationFailed([{ field: 'organisationId', message: 'say which organisation the survey belongs to', code: 'required' }]);
      if (!manages(principal, organisationId)) throw forbidden();
      const created = await createSurvey(db, { organisationId, ...input });
      await audit(principal, organisationId, 'survey_created', created.id, { version: 1 });
      await assign(principal, organisationId, assignTo, created.id, (i) => `assignTo.${i}`);
      return c.json(await getSurvey(db, created.id), 201);
    })
    .post('/api/surveys/:id/versions', valid('json', NewSurveyVersion), async (c) => {
      const survey = await managedSurvey(c.var.principal, c.req.param('id'));
      const { version } = await addSurveyVersion(db, survey.id, c.req.valid('json').definition);
      await audit(c.var.principal, survey.organisationId, 'survey_version_added', survey.id, { version });
      deps.forms.forget();
      return c.json(await getSurvey(db, survey.id), 201);
    })
    .put('/api/sites/:code/survey', valid('json', SurveyAssignment), async (c) => {
      const code = c.req.param('code');
      const owner = await findCodeOwner(db, code);
      if (!owner || !manages(c.var.principal, owner.organisationId)) throw notFound(`A site or service point with the code "${code}"`);
      const { surveyId } = c.req.valid('json');
      if (surveyId) {
        const survey = await getSurvey(db, surveyId);
        if (survey?.organisationId !== owner.organisationId) {
          throw validationFailed([{ field: 'surveyId', message: 'no survey of this organisation has that id', code: 'unknown_survey' }]);
        }
      }
      await assign(c.var.principal, owner.organisationId, [code], surveyId, () => 'code');
      return c.json({ code: code.toLowerCase(), surveyId });
    });

  async function onlyOrganisation(principal: Principal): Promise<string | undefined> {
    const managed = managedOrganisations(principal);
    if (managed) return managed.length === 1 ? managed[0] : undefined;
    const all = await db.select({ id: organisations.id }).from(organisations).limit(2);
    return all.length === 1 ? all[0]!.id : undefined;
  }
}
