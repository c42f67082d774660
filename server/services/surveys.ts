/**
 * Survey definitions: list, read, create, new versions (editing a live survey makes a new version;
 * responses keep the version they answered), and which survey a site or service point uses. A
 * survey belongs to a whole organisation, so only organisation-wide assignments manage it.
 */
import { z } from 'zod';
import type { AuditEntry } from '../../db/audit';
import { organisations } from '../../db/schema';
import type { Principal } from '../../db/scope';
import {
  addSurveyVersion,
  assignSurvey,
  createSurvey,
  findCodeOwner,
  getSurvey,
  listSurveys,
  publishSurveyDraft,
  saveSurveyDraft,
  setSurveyStatus,
  surveyUse,
} from '../../db/surveys';
import { SurveyDefinition } from '../../survey/survey-schema';
import { organisationsFor } from '../access/policy';
import { ApiError, forbidden, notFound, validationFailed } from '../errors';
import type { ServiceDeps } from './index';

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
/** Unpublished changes; `basedOn` is the draft revision the editor loaded (0 when there was none). */
export const SurveyDraft = z.object({ definition: SurveyDefinition, basedOn: z.int().min(0) });
/** Publishing: `basedOn`, when given, must still be the draft's revision, so what was previewed is what goes live. */
export const PublishSurvey = z.object({ basedOn: z.int().min(0).optional() });

const draftConflict = () =>
  new ApiError(409, 'conflict', 'Someone else saved changes to this survey after you opened it. Reload to see them, then make your changes again.', [
    { field: 'basedOn', message: 'the draft has changed since it was loaded', code: 'draft_changed' },
  ]);
export const SurveyAssignment = z.object({ surveyId: z.string().max(64).nullable() });

export function surveyService(deps: Pick<ServiceDeps, 'store' | 'now' | 'forms'>) {
  const { db } = deps.store;

  /** The organisations the principal manages surveys for; undefined means every one (platform). */
  const managed = (principal: Principal) => {
    const organisationIds = organisationsFor(principal, 'surveys.manage');
    return organisationIds === 'all' ? undefined : organisationIds;
  };
  const manages = (principal: Principal, organisationId: string) => managed(principal)?.includes(organisationId) ?? true;

  const audit = (
    principal: Principal,
    organisationId: string,
    action: AuditEntry['action'],
    targetId: string | null,
    details: Record<string, unknown>,
  ): AuditEntry => ({
    at: deps.now(),
    userId: principal.userId,
    organisationId,
    action,
    targetType: 'survey',
    targetId,
    details,
  });

  /** A survey the caller may manage, or a 404 (not a 403: other councils' surveys are not theirs to know of). */
  async function managedSurvey(principal: Principal, id: string) {
    const survey = await getSurvey(db, id);
    if (!survey || !manages(principal, survey.organisationId)) throw notFound('That survey');
    return survey;
  }

  /** Points each code at the survey, refusing (before changing anything) codes of another organisation. */
  async function assign(principal: Principal, organisationId: string, codes: string[], surveyId: string | null, field: (i: number) => string) {
    const owners = await Promise.all(codes.map((code) => findCodeOwner(db, code)));
    const bad = owners.flatMap((owner, i) =>
      owner && owner.organisationId === organisationId
        ? []
        : [{ field: field(i), message: `no site or service point of this organisation has the code "${codes[i]}"`, code: 'unknown_code' }],
    );
    if (bad.length) throw validationFailed(bad);
    if (surveyId && codes.length) {
      const survey = await getSurvey(db, surveyId);
      // A draft or closed survey has no form a family can answer: pointing a poster at it would make it a 404.
      if (survey && survey.status !== 'live') {
        throw validationFailed([
          {
            field: codes.length === 1 ? (field(0) === 'code' ? 'surveyId' : field(0)) : 'surveyId',
            message: `"${survey.name}" is ${survey.status === 'draft' ? 'a draft: publish it before a site can use it' : 'closed: reopen it or choose a live survey'}`,
            code: survey.status === 'draft' ? 'survey_draft' : 'survey_closed',
          },
        ]);
      }
    }
    await assignSurvey(
      db,
      owners.map((owner, i) => ({
        ...owner!,
        audit: audit(principal, organisationId, 'survey_assigned', surveyId ?? codes[i]!, { code: codes[i], surveyId }),
      })),
      surveyId,
    );
    deps.forms.forget();
  }

  async function onlyOrganisation(principal: Principal): Promise<string | undefined> {
    const mine = managed(principal);
    if (mine) return mine.length === 1 ? mine[0] : undefined;
    const all = await db.select({ id: organisations.id }).from(organisations).limit(2);
    return all.length === 1 ? all[0]!.id : undefined;
  }

  return {
    list: (principal: Principal) => listSurveys(db, managed(principal)),
    get: (principal: Principal, id: string) => managedSurvey(principal, id),

    async create(principal: Principal, input: z.infer<typeof CreateSurvey>) {
      const { assignTo = [], organisationId: asked, ...survey } = input;
      const organisationId = asked ?? (await onlyOrganisation(principal));
      if (!organisationId) throw validationFailed([{ field: 'organisationId', message: 'say which organisation the survey belongs to', code: 'required' }]);
      if (!manages(principal, organisationId)) throw forbidden();
      if (assignTo.length && survey.status && survey.status !== 'live') {
        throw validationFailed([
          { field: 'assignTo', message: `a ${survey.status} survey cannot be given to a site: publish it first`, code: `survey_${survey.status}` },
        ]);
      }
      const created = await createSurvey(db, { organisationId, ...survey }, audit(principal, organisationId, 'survey_created', null, {}));
      await assign(principal, organisationId, assignTo, created.id, (i) => `assignTo.${i}`);
      return managedSurvey(principal, created.id);
    },

    async addVersion(principal: Principal, id: string, definition: SurveyDefinition) {
      const survey = await managedSurvey(principal, id);
      await addSurveyVersion(db, survey.id, definition, audit(principal, survey.organisationId, 'survey_version_added', survey.id, {}));
      deps.forms.forget();
      return managedSurvey(principal, survey.id);
    },

    /** Saves unpublished changes; families keep the current version until they are published. */
    async saveDraft(principal: Principal, id: string, definition: SurveyDefinition | null, basedOn: number) {
      const survey = await managedSurvey(principal, id);
      const revision = await saveSurveyDraft(db, survey.id, definition, basedOn, { userId: principal.userId, at: deps.now() });
      if (revision === null) throw draftConflict();
      return managedSurvey(principal, survey.id);
    },

    /**
     * Publishes: the draft's changes, if any, become the next version (immutable from then on),
     * and a draft survey goes live. `basedOn` guards against publishing changes nobody previewed.
     */
    async publish(principal: Principal, id: string, basedOn?: number) {
      const survey = await managedSurvey(principal, id);
      if (basedOn !== undefined && basedOn !== survey.draft.revision) throw draftConflict();
      const changes = survey.draft.definition === null ? null : SurveyDefinition.parse(survey.draft.definition);
      if (!changes && survey.status === 'live') return survey;
      const statusAudit =
        survey.status === 'live' ? null : audit(principal, survey.organisationId, 'survey_status_changed', survey.id, { from: survey.status, to: 'live' });
      const published = await publishSurveyDraft(db, survey.id, changes && { definition: changes, basedOn: survey.draft.revision }, 'live', {
        version: audit(principal, survey.organisationId, 'survey_version_added', survey.id, { published: true }),
        status: statusAudit,
      });
      if (!published) throw draftConflict();
      deps.forms.forget();
      return managedSurvey(principal, survey.id);
    },

    /**
     * Publishes a draft (live), closes a live survey, or reopens a closed one. A survey families
     * are answering somewhere cannot close: its posters would lead to nothing.
     */
    async setStatus(principal: Principal, id: string, status: 'live' | 'closed') {
      const survey = await managedSurvey(principal, id);
      if (survey.status === status) return survey;
      if (status === 'closed') {
        const use = await surveyUse(db, survey.id);
        if (use.isDefault || use.places.length) {
          const where = [
            ...(use.isDefault ? ['it is the organisation’s default survey'] : []),
            ...(use.places.length
              ? [`families answer it at ${use.places.slice(0, 5).join(', ')}${use.places.length > 5 ? ` and ${use.places.length - 5} more` : ''}`]
              : []),
          ];
          throw validationFailed([
            { field: 'status', message: `it cannot close while ${where.join(' and ')}: give them another survey first`, code: 'survey_in_use' },
          ]);
        }
      }
      await setSurveyStatus(
        db,
        survey.id,
        status,
        audit(principal, survey.organisationId, 'survey_status_changed', survey.id, { from: survey.status, to: status }),
      );
      deps.forms.forget();
      return managedSurvey(principal, survey.id);
    },

    async assignToCode(principal: Principal, code: string, surveyId: string | null) {
      const owner = await findCodeOwner(db, code);
      if (!owner || !manages(principal, owner.organisationId)) throw notFound(`A site or service point with the code "${code}"`);
      if (surveyId) {
        const survey = await getSurvey(db, surveyId);
        if (survey?.organisationId !== owner.organisationId) {
          throw validationFailed([{ field: 'surveyId', message: 'no survey of this organisation has that id', code: 'unknown_survey' }]);
        }
      }
      await assign(principal, owner.organisationId, [code], surveyId, () => 'code');
      return { code: code.toLowerCase(), surveyId };
    },
  };
}
