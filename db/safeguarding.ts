/** Safeguarding flags as their reviewers see them. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { allQuestions, type SurveyDefinition } from '../survey/survey-schema';
import { comments, meetings, responses, safeguardingFlags, safeguardingReviews, servicePoints, sites, surveys, surveyVersions, users } from './schema';
import { newId } from './ids';
import { scopeHas, siteIn, type Scope } from './scope';
import { auditStatement, type AuditEntry } from './audit';
import type { Db } from './store';

/** What a meeting's words are, in place of a question's title. */
const MEETING_WORDS: Record<string, string> = { notes: 'Facilitator’s notes', quote: 'Quote from someone who took part' };

/**
 * The queue's order: flags not yet closed, then present risks, then the oldest first, so nothing
 * waits behind newer, calmer cases (and a flood of new flags cannot push an old one out of sight).
 * The two leading terms are 0 or 1; with created_at and id they make the paging cursor.
 */
const queueOrder = [sql<number>`(${safeguardingFlags.status} = 'closed')`, sql<number>`(${safeguardingFlags.urgency} <> 'immediate')`] as const;

/** Where the last page ended, in the queue's order: the next page starts after this flag. */
export interface FlagCursor {
  closed: number;
  calmer: number;
  createdAt: number;
  id: string;
}

/** The cursor just after `flag`, in the queue's order. */
export const cursorAfter = (flag: { id: string; status: string; urgency: string; createdAt: Date }): FlagCursor => ({
  closed: flag.status === 'closed' ? 1 : 0,
  calmer: flag.urgency === 'immediate' ? 0 : 1,
  createdAt: flag.createdAt.getTime(),
  id: flag.id,
});

/** How many flags at the sites in `scope` are in each state, and how many open ones read as a present risk. */
export async function countFlags(db: Db, scope: Scope): Promise<{ open: number; inReview: number; closed: number; presentRisk: number }> {
  const [row] = await db
    .select({
      open: sql<number>`coalesce(sum(${safeguardingFlags.status} = 'open'), 0)`,
      inReview: sql<number>`coalesce(sum(${safeguardingFlags.status} = 'in_review'), 0)`,
      closed: sql<number>`coalesce(sum(${safeguardingFlags.status} = 'closed'), 0)`,
      presentRisk: sql<number>`coalesce(sum(${safeguardingFlags.status} <> 'closed' AND ${safeguardingFlags.urgency} = 'immediate'), 0)`,
    })
    .from(safeguardingFlags)
    .where(siteIn(safeguardingFlags.siteId, scope));
  return { open: Number(row?.open ?? 0), inReview: Number(row?.inReview ?? 0), closed: Number(row?.closed ?? 0), presentRisk: Number(row?.presentRisk ?? 0) };
}

/**
 * The flags at the sites in `scope`. The family's own words come only with flags at sites in
 * `textScope` (a safeguarding lead's sites); everyone else reads the redacted form.
 * `status: 'active'` means open or in review: everything not yet closed.
 */
export async function listFlags(db: Db, scope: Scope, options: { status?: string; id?: string; textScope: Scope; after?: FlagCursor; limit?: number }) {
  const where = [
    options.after
      ? sql`(${queueOrder[0]}, ${queueOrder[1]}, ${safeguardingFlags.createdAt}, ${safeguardingFlags.id}) > (${options.after.closed}, ${options.after.calmer}, ${options.after.createdAt}, ${options.after.id})`
      : undefined,
    siteIn(safeguardingFlags.siteId, scope),
    options.status === 'active'
      ? sql`${safeguardingFlags.status} <> 'closed'`
      : options.status
        ? sql`${safeguardingFlags.status} = ${options.status}`
        : undefined,
    options.id ? eq(safeguardingFlags.id, options.id) : undefined,
  ].filter((w) => w !== undefined);
  const flags = await db
    .select({
      id: safeguardingFlags.id,
      responseId: safeguardingFlags.responseId,
      meetingId: safeguardingFlags.meetingId,
      categories: safeguardingFlags.categories,
      urgency: safeguardingFlags.urgency,
      status: safeguardingFlags.status,
      createdAt: safeguardingFlags.createdAt,
      notifiedAt: safeguardingFlags.notifiedAt,
      reviewedAt: safeguardingFlags.reviewedAt,
      actionTaken: safeguardingFlags.actionTaken,
      reviewedBy: users.email,
      site: { code: sites.code, name: sites.name },
      // Where it came from: the form (survey and version the family answered) and the service point, if any.
      form: { survey: surveys.name, version: surveyVersions.version },
      servicePoint: { code: servicePoints.code, name: servicePoints.name },
      // Or the meeting whose notes or quotes hold the words.
      meeting: { id: meetings.id, kind: meetings.kind, title: meetings.title, heldOn: meetings.heldOn },
      siteId: sites.id,
      providerId: sites.providerId,
      organisationId: sites.organisationId,
    })
    .from(safeguardingFlags)
    .innerJoin(sites, eq(sites.id, safeguardingFlags.siteId))
    .leftJoin(responses, eq(responses.id, safeguardingFlags.responseId))
    .leftJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .leftJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
    .leftJoin(servicePoints, eq(servicePoints.id, responses.servicePointId))
    .leftJoin(meetings, eq(meetings.id, safeguardingFlags.meetingId))
    .leftJoin(users, eq(users.id, safeguardingFlags.reviewedBy))
    .where(and(...where))
    .orderBy(...queueOrder, asc(safeguardingFlags.createdAt), asc(safeguardingFlags.id))
    .limit(options.limit ?? -1);
  if (flags.length === 0) return [];
  const texts = await db
    .select({
      responseId: comments.responseId,
      meetingId: comments.meetingId,
      questionId: comments.questionId,
      text: comments.text,
      redacted: comments.redacted,
      surveyVersionId: responses.surveyVersionId,
      definition: surveyVersions.definition,
    })
    .from(comments)
    .leftJoin(responses, eq(responses.id, comments.responseId))
    .leftJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(
      or(
        inArray(
          comments.responseId,
          flags.flatMap((f) => (f.responseId ? [f.responseId] : [])),
        ),
        inArray(
          comments.meetingId,
          flags.flatMap((f) => (f.meetingId ? [f.meetingId] : [])),
        ),
      ),
    )
    .orderBy(asc(comments.id));
  // Each answer under the question as its family read it (in English), from the version they answered.
  const titles = new Map<string, Map<string, string>>();
  const questionTitle = (versionId: string | null, definition: string | null, questionId: string) => {
    if (versionId === null || definition === null) return MEETING_WORDS[questionId] ?? null;
    let byId = titles.get(versionId);
    if (!byId) {
      byId = new Map(allQuestions(JSON.parse(definition) as SurveyDefinition).flatMap((q) => (q.title ? [[q.id, q.title.en] as const] : [])));
      titles.set(versionId, byId);
    }
    return byId.get(questionId) ?? null;
  };
  return flags.map(({ siteId, providerId, organisationId, form, ...flag }) => ({
    ...flag,
    form: form?.survey != null && form.version != null ? { survey: form.survey, version: form.version } : null,
    readsOriginalText: scopeHas(options.textScope, { siteId, providerId, organisationId }),
    comments: texts
      .filter((t) => (flag.responseId ? t.responseId === flag.responseId : t.meetingId === flag.meetingId))
      .map((t) => ({
        questionId: t.questionId,
        question: questionTitle(t.surveyVersionId, t.definition, t.questionId),
        redacted: t.redacted,
        ...(scopeHas(options.textScope, { siteId, providerId, organisationId }) ? { text: t.text } : {}),
      })),
  }));
}

/** Records a review: the flag's latest state, a row in its history, and the audit entry, in one batch. */
export async function reviewFlag(
  db: Db,
  id: string,
  review: { status: 'in_review' | 'closed'; actionTaken: string; reviewerId: string; at: Date },
  audit: AuditEntry,
): Promise<void> {
  await db.batch([
    db
      .update(safeguardingFlags)
      .set({ status: review.status, actionTaken: review.actionTaken, reviewedBy: review.reviewerId, reviewedAt: review.at })
      .where(eq(safeguardingFlags.id, id)),
    db.insert(safeguardingReviews).values({
      id: newId('sr', review.at.getTime()),
      flagId: id,
      status: review.status,
      actionTaken: review.actionTaken,
      reviewedBy: review.reviewerId,
      reviewedAt: review.at,
    }),
    auditStatement(db, audit),
  ]);
}

/** Every review of a flag, oldest first: who (their email), when, where it stood after, what was done. */
export async function reviewsOf(db: Db, flagId: string) {
  return db
    .select({
      status: safeguardingReviews.status,
      actionTaken: safeguardingReviews.actionTaken,
      reviewedAt: safeguardingReviews.reviewedAt,
      reviewedBy: users.email,
    })
    .from(safeguardingReviews)
    .leftJoin(users, eq(users.id, safeguardingReviews.reviewedBy))
    .where(eq(safeguardingReviews.flagId, flagId))
    .orderBy(asc(safeguardingReviews.reviewedAt), asc(safeguardingReviews.id));
}

/** A likely flood: FLOOD_FLAGS or more flags from one code (a site's or a service point's) within FLOOD_WINDOW_MS. */
export const FLOOD_FLAGS = 10;
export const FLOOD_WINDOW_MS = 10 * 60_000;

export interface LikelyFlood {
  /** The form code the flags came in on: the service point's, else the site's. */
  code: string;
  siteName: string;
  count: number;
  first: Date;
  last: Date;
}

/**
 * Codes that sent a likely flood: counted in fixed FLOOD_WINDOW_MS slices of created_at, a code
 * floods where a slice holds FLOOD_FLAGS or more; its count is the sum over those slices. From the
 * stored flags alone (no client address is stored), so it holds across restarts and Workers isolates.
 * `scope` with `open`: for the queue's banner; `siteIds` with `since`: for an alert's digest.
 */
export async function likelyFloods(db: Db, where: { scope: Scope; open: true } | { siteIds: string[]; since: Date }): Promise<LikelyFlood[]> {
  const code = sql<string>`coalesce(${servicePoints.code}, ${sites.code})`;
  const rows = await db
    .select({
      code,
      siteName: sites.name,
      count: sql<number>`count(*)`,
      first: sql<number>`min(${safeguardingFlags.createdAt})`,
      last: sql<number>`max(${safeguardingFlags.createdAt})`,
    })
    .from(safeguardingFlags)
    .innerJoin(sites, eq(sites.id, safeguardingFlags.siteId))
    .leftJoin(responses, eq(responses.id, safeguardingFlags.responseId))
    .leftJoin(servicePoints, eq(servicePoints.id, responses.servicePointId))
    .where(
      'scope' in where
        ? and(siteIn(safeguardingFlags.siteId, where.scope), sql`${safeguardingFlags.status} <> 'closed'`)
        : and(inArray(safeguardingFlags.siteId, where.siteIds), sql`${safeguardingFlags.createdAt} >= ${where.since.getTime()}`),
    )
    // Whole slices: an integer literal, since a bound JS number would divide as a real.
    .groupBy(code, sites.name, sql`${safeguardingFlags.createdAt} / ${sql.raw(String(FLOOD_WINDOW_MS))}`)
    .having(sql`count(*) >= ${sql.raw(String(FLOOD_FLAGS))}`);
  const byCode = new Map<string, LikelyFlood>();
  for (const row of rows) {
    const seen = byCode.get(row.code);
    const first = Number(row.first);
    const last = Number(row.last);
    byCode.set(
      row.code,
      seen
        ? {
            ...seen,
            count: seen.count + Number(row.count),
            first: new Date(Math.min(seen.first.getTime(), first)),
            last: new Date(Math.max(seen.last.getTime(), last)),
          }
        : { code: row.code, siteName: row.siteName, count: Number(row.count), first: new Date(first), last: new Date(last) },
    );
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count);
}

/** Flags not yet closed at the sites the principal can see, for the dashboard's count. */
export async function countOpenFlags(db: Db, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(safeguardingFlags)
    .where(and(sql`${safeguardingFlags.status} <> 'closed'`, siteIn(safeguardingFlags.siteId, scope)));
  return Number(row?.n ?? 0);
}

/**
 * The categories of the safeguarding flag committed with a response ([] when it has none): what the
 * help after a possible disclosure is chosen by, read back rather than detected a second time.
 */
export async function flagCategoriesOfResponse(db: Db, responseId: string): Promise<string[]> {
  const row = await db.select({ categories: safeguardingFlags.categories }).from(safeguardingFlags).where(eq(safeguardingFlags.responseId, responseId)).get();
  return row?.categories ?? [];
}
