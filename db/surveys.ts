/**
 * Survey definitions and their versions. A version is never changed once written: editing a live
 * survey adds a version and moves the survey's pointer to it, so every response keeps the questions
 * it answered. Definitions are validated by the caller on save and by FormDirectory on load.
 */
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { SurveyDefinition } from '../survey/survey-schema';
import { newId } from './ids';
import { organisations, servicePoints, sites, surveys, surveyVersions } from './schema';
import { auditStatement, type AuditEntry } from './audit';
import type { Db } from './store';

export type SurveyStatus = (typeof surveys.$inferSelect)['status'];

export interface SurveySummary {
  id: string;
  organisationId: string;
  name: string;
  status: SurveyStatus;
  currentVersion: number | null;
}

/** Surveys of the given organisations (all of them when `organisationIds` is undefined). */
export async function listSurveys(db: Db, organisationIds: string[] | undefined): Promise<SurveySummary[]> {
  if (organisationIds?.length === 0) return [];
  return db
    .select({ id: surveys.id, organisationId: surveys.organisationId, name: surveys.name, status: surveys.status, currentVersion: surveyVersions.version })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(organisationIds ? inArray(surveys.organisationId, organisationIds) : undefined)
    .orderBy(asc(surveys.name));
}

/** One survey with its current definition and the list of its versions, newest first. */
export async function getSurvey(db: Db, id: string) {
  const [summary] = await db
    .select({
      id: surveys.id,
      organisationId: surveys.organisationId,
      name: surveys.name,
      status: surveys.status,
      currentVersion: surveyVersions.version,
      definition: surveyVersions.definition,
      draftDefinition: surveys.draftDefinition,
      draftRevision: surveys.draftRevision,
      draftSavedAt: surveys.draftSavedAt,
    })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.id, id));
  if (!summary) return null;
  const versions = await db
    .select({ id: surveyVersions.id, version: surveyVersions.version, createdAt: surveyVersions.createdAt })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, id))
    .orderBy(desc(surveyVersions.version));
  const { definition, draftDefinition, draftRevision, draftSavedAt, ...rest } = summary;
  return {
    ...rest,
    definition: definition === null ? null : (JSON.parse(definition) as unknown),
    versions,
    /** Unpublished changes, if any; `revision` counts saves (0: never saved). */
    draft: { definition: draftDefinition === null ? null : (JSON.parse(draftDefinition) as unknown), revision: draftRevision, savedAt: draftSavedAt },
  };
}

/**
 * Saves unpublished changes if nobody has saved since `basedOn` (the revision the editor loaded);
 * returns the new revision, or null when someone else's save came first.
 */
export async function saveSurveyDraft(
  db: Db,
  surveyId: string,
  definition: SurveyDefinition | null,
  basedOn: number,
  by: { userId: string | null; at: Date },
): Promise<number | null> {
  const saved = await db
    .update(surveys)
    .set({
      draftDefinition: definition === null ? null : JSON.stringify(definition),
      draftRevision: sql`${surveys.draftRevision} + 1`,
      draftSavedAt: by.at,
      draftSavedBy: by.userId,
    })
    .where(and(eq(surveys.id, surveyId), eq(surveys.draftRevision, basedOn)))
    .returning({ revision: surveys.draftRevision });
  return saved[0]?.revision ?? null;
}

/**
 * Publishes: writes the draft (if any) as the next version, clears it, and sets the status, all in
 * one batch. Refused (false) when the draft changed since `basedOn`, so what was previewed is what goes live.
 */
export async function publishSurveyDraft(
  db: Db,
  surveyId: string,
  draft: { definition: SurveyDefinition; basedOn: number } | null,
  status: SurveyStatus,
  audits: { version: AuditEntry; status: AuditEntry | null },
): Promise<boolean> {
  if (!draft) {
    if (audits.status) await setSurveyStatus(db, surveyId, status, audits.status);
    return true;
  }
  const { version, versionId } = await nextVersion(db, surveyId);
  // The version is written only while the draft is still the one previewed: the insert selects
  // from the survey row guarded by its revision, and the update below clears the draft.
  const results = await db.batch([
    db.run(
      sql`INSERT INTO survey_versions (id, survey_id, version, definition)
          SELECT ${versionId}, ${surveyId}, ${version}, ${JSON.stringify(draft.definition)}
          FROM surveys WHERE id = ${surveyId} AND draft_revision = ${draft.basedOn}`,
    ),
    db
      .update(surveys)
      .set({ currentVersionId: versionId, status, draftDefinition: null, draftRevision: sql`${surveys.draftRevision} + 1` })
      .where(and(eq(surveys.id, surveyId), eq(surveys.draftRevision, draft.basedOn))),
    auditIfWritten(audits.version, { ...audits.version.details, version }, versionId),
    ...(audits.status ? [auditIfWritten(audits.status, audits.status.details ?? null, versionId)] : []),
  ]);
  return (results[0] as { rowsAffected: number }).rowsAffected === 1;

  /** The audit row, only if the version was written (the batch cannot stop half-way, so it asks). */
  function auditIfWritten(entry: AuditEntry, details: Record<string, unknown> | null, versionId: string) {
    return db.run(
      sql`INSERT INTO audit_log (at, action, user_id, organisation_id, target_type, target_id, details)
          SELECT ${entry.at.getTime()}, ${entry.action}, ${entry.userId}, ${entry.organisationId ?? null},
                 ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${details === null ? null : JSON.stringify(details)}
          WHERE EXISTS (SELECT 1 FROM survey_versions WHERE id = ${versionId})`,
    );
  }
}

export async function createSurvey(
  db: Db,
  input: { organisationId: string; name: string; status: SurveyStatus; definition: SurveyDefinition },
  audit: Omit<AuditEntry, 'targetId'>,
): Promise<{ id: string; versionId: string; version: number }> {
  const id = newId('srv');
  const versionId = newId('sv');
  await db.batch([
    db.insert(surveys).values({ id, organisationId: input.organisationId, name: input.name, status: input.status, currentVersionId: versionId }),
    db.insert(surveyVersions).values({ id: versionId, surveyId: id, version: 1, definition: JSON.stringify(input.definition) }),
    auditStatement(db, { ...audit, targetId: id, details: { version: 1 } }),
  ]);
  return { id, versionId, version: 1 };
}

/**
 * Writes the next version and points the survey at it, in one batch (one transaction). Two editors
 * saving at once cannot both write version n: the (survey, version) unique index refuses the second.
 */
export async function addSurveyVersion(
  db: Db,
  surveyId: string,
  definition: SurveyDefinition,
  audit: AuditEntry,
): Promise<{ versionId: string; version: number }> {
  const { version, versionId } = await nextVersion(db, surveyId);
  await db.batch([
    db.insert(surveyVersions).values({ id: versionId, surveyId, version, definition: JSON.stringify(definition) }),
    db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, surveyId)),
    auditStatement(db, { ...audit, details: { ...audit.details, version } }),
  ]);
  return { versionId, version };
}

/** What a form code names, for assigning a survey: a site or a service point, with its organisation. */
export async function findCodeOwner(db: Db, code: string) {
  const lower = code.toLowerCase();
  const site = await db.select({ id: sites.id, organisationId: sites.organisationId }).from(sites).where(eq(sites.code, lower)).get();
  if (site) return { kind: 'site' as const, ...site };
  const point = await db
    .select({ id: servicePoints.id, organisationId: sites.organisationId })
    .from(servicePoints)
    .innerJoin(sites, eq(sites.id, servicePoints.siteId))
    .where(eq(servicePoints.code, lower))
    .get();
  return point ? { kind: 'servicePoint' as const, ...point } : null;
}

/**
 * Points sites and service points at a survey (null: back to the site's or organisation's
 * default), each with its audit row, all in one batch.
 */
export async function assignSurvey(db: Db, owners: { kind: 'site' | 'servicePoint'; id: string; audit: AuditEntry }[], surveyId: string | null): Promise<void> {
  const [first, ...rest] = owners.flatMap((owner) => [
    owner.kind === 'site'
      ? db.update(sites).set({ surveyId }).where(eq(sites.id, owner.id))
      : db.update(servicePoints).set({ surveyId }).where(eq(servicePoints.id, owner.id)),
    auditStatement(db, owner.audit),
  ]);
  if (first) await db.batch([first, ...rest]);
}

/** The sites and service points that answer this survey, and whether it is its organisation's default: a survey in use cannot close. */
export async function surveyUse(db: Db, surveyId: string): Promise<{ places: string[]; isDefault: boolean }> {
  const [siteRows, pointRows, defaults] = await Promise.all([
    db
      .select({ name: sites.name })
      .from(sites)
      .where(and(eq(sites.surveyId, surveyId), isNull(sites.archivedAt))),
    db
      .select({ name: servicePoints.name })
      .from(servicePoints)
      .where(and(eq(servicePoints.surveyId, surveyId), isNull(servicePoints.archivedAt))),
    db.select({ id: organisations.id }).from(organisations).where(eq(organisations.defaultSurveyId, surveyId)),
  ]);
  return { places: [...siteRows, ...pointRows].map((r) => r.name), isDefault: defaults.length > 0 };
}

/** Moves a survey to another state with its audit row, in one batch. */
export async function setSurveyStatus(db: Db, surveyId: string, status: SurveyStatus, audit: AuditEntry): Promise<void> {
  await db.batch([db.update(surveys).set({ status }).where(eq(surveys.id, surveyId)), auditStatement(db, audit)]);
}

/** The number and a new id for a survey's next version. */
async function nextVersion(db: Db, surveyId: string): Promise<{ version: number; versionId: string }> {
  const [latest] = await db
    .select({ version: max(surveyVersions.version) })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId));
  return { version: (latest?.version ?? 0) + 1, versionId: newId('sv') };
}
