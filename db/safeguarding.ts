/** Safeguarding flags as their reviewers see them. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { allQuestions, type SurveyDefinition } from '../survey/survey-schema';
import { comments, responses, safeguardingFlags, sites, surveyVersions, users } from './schema';
import { scopeHas, siteIn, type Scope } from './scope';
import { auditStatement, type AuditEntry } from './audit';
import type { Db } from './store';

/**
 * The flags at the sites in `scope`. The family's own words come only with flags at sites in
 * `textScope` (a safeguarding lead's sites); everyone else reads the redacted form.
 * `status: 'active'` means open or in review: everything not yet closed.
 */
export async function listFlags(db: Db, scope: Scope, options: { status?: string; id?: string; textScope: Scope }) {
  const where = [
    siteIn(safeguardingFlags.siteId, scope),
    options.status === 'active'
      ? sql`${safeguardingFlags.status} <> 'closed'`
      : options.status ? sql`${safeguardingFlags.status} = ${options.status}` : undefined,
    options.id ? eq(safeguardingFlags.id, options.id) : undefined,
  ].filter((w) => w !== undefined);
  const flags = await db
    .select({
      id: safeguardingFlags.id, responseId: safeguardingFlags.responseId, categories: safeguardingFlags.categories,
      urgency: safeguardingFlags.urgency, status: safeguardingFlags.status, createdAt: safeguardingFlags.createdAt,
      notifiedAt: safeguardingFlags.notifiedAt, reviewedAt: safeguardingFlags.reviewedAt, actionTaken: safeguardingFlags.actionTaken,
      reviewedBy: users.email, site: { code: sites.code, name: sites.name },
      siteId: sites.id, providerId: sites.providerId, organisationId: sites.organisationId,
    })
    .from(safeguardingFlags)
    .innerJoin(sites, eq(sites.id, safeguardingFlags.siteId))
    .leftJoin(users, eq(users.id, safeguardingFlags.reviewedBy))
    .where(and(...where))
    // Present risks first, then the oldest unreviewed: nothing waits behind newer, calmer cases.
    .orderBy(sql`${safeguardingFlags.status} = 'closed'`, sql`${safeguardingFlags.urgency} = 'priority'`, desc(safeguardingFlags.createdAt))
    .limit(500);
  if (flags.length === 0) return [];
  const texts = await db
    .select({
      responseId: comments.responseId, questionId: comments.questionId, text: comments.text, redacted: comments.redacted,
      surveyVersionId: responses.surveyVersionId, definition: surveyVersions.definition,
    })
    .from(comments)
    .innerJoin(responses, eq(responses.id, comments.responseId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(inArray(comments.responseId, flags.map((f) => f.responseId)));
  // Each answer under the question as its family read it (in English), from the version they answered.
  const titles = new Map<string, Map<string, string>>();
  const questionTitle = (versionId: string, definition: string, questionId: string) => {
    let byId = titles.get(versionId);
    if (!byId) {
      byId = new Map(allQuestions(JSON.parse(definition) as SurveyDefinition).flatMap((q) => (q.title ? [[q.id, q.title.en] as const] : [])));
      titles.set(versionId, byId);
    }
    return byId.get(questionId) ?? null;
  };
  return flags.map(({ siteId, providerId, organisationId, ...flag }) => ({
    ...flag,
    readsOriginalText: scopeHas(options.textScope, { siteId, providerId, organisationId }),
    comments: texts
      .filter((t) => t.responseId === flag.responseId)
      .map((t) => ({
        questionId: t.questionId, question: questionTitle(t.surveyVersionId, t.definition, t.questionId), redacted: t.redacted,
        ...(scopeHas(options.textScope, { siteId, providerId, organisationId }) ? { text: t.text } : {}),
      })),
  }));
}

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
    auditStatement(db, audit),
  ]);
}

/** Flags not yet closed at the sites the principal can see, for the dashboard's count. */
export async function countOpenFlags(db: Db, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(safeguardingFlags)
    .where(and(
      sql`${safeguardingFlags.status} <> 'closed'`,
      siteIn(safeguardingFlags.siteId, scope),
    ));
  return Number(row?.n ?? 0);
}
