/** Comments for drill-down and the corrections commissioners make to their themes. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { auditStatement, type AuditEntry } from './audit';
import { newId } from './ids';
import { comments, meetings, organisations, sites, themeCorrections } from './schema';
import { siteFilters, siteIn, type Scope } from './scope';
import { countCommentsQuery } from './theme-days';
import type { Db } from './store';

/** Whose words: everyone's, families' own comments, or the notes and quotes of meetings held with families. */
export const COMMENT_SOURCES = ['all', 'families', 'meetings'] as const;
export type CommentSource = (typeof COMMENT_SOURCES)[number];

export interface CommentQuery {
  from?: number;
  to?: number;
  siteId?: string;
  providerId?: string;
  source?: CommentSource;
  theme?: string;
  sentiment?: number;
  /** The language the comment was written in (the form's). */
  language?: string;
  /** Words the redacted text holds, any case. */
  q?: string;
  limit: number;
  offset: number;
}

/**
 * The filters comment drill-down and the themes report share, over `comments`: the principal's
 * sites, a submitted-at range `[from, to)`, a site and a provider.
 */
export function commentFilters(scope: Scope, filters: Pick<CommentQuery, 'from' | 'to' | 'siteId' | 'providerId' | 'source'>): SQL[] {
  const where = siteFilters(comments.siteId, scope, filters);
  if (filters.source === 'families') where.push(sql`${comments.meetingId} IS NULL`);
  if (filters.source === 'meetings') where.push(sql`${comments.meetingId} IS NOT NULL`);
  if (filters.from !== undefined) where.push(sql`${comments.submittedAt} >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`${comments.submittedAt} < ${filters.to}`);
  return where;
}

/** What a comment under an open safeguarding flag says to everyone who may not read that flag's words. */
export const WITHHELD = 'withheld: under safeguarding review';

/** Whether the comment's response, or its meeting, carries a safeguarding flag nobody has closed yet. */
export const underOpenFlag = sql`(EXISTS (SELECT 1 FROM safeguarding_flags WHERE safeguarding_flags.response_id = ${comments.responseId} AND safeguarding_flags.status <> 'closed')
  OR (${comments.meetingId} IS NOT NULL AND EXISTS (SELECT 1 FROM safeguarding_flags WHERE safeguarding_flags.meeting_id = ${comments.meetingId} AND safeguarding_flags.status <> 'closed')))`;

/**
 * Whether a comment's words are withheld from this reader: under an open flag, at a site where the
 * reader may not read the family's own words (`originalScope`, `flags.readOriginal`). Every site
 * (a platform-wide lead) withholds nothing; no site withholds every flagged comment.
 */
export function withheldFrom(originalScope: Scope): SQL {
  const mayRead = siteIn(comments.siteId, originalScope);
  return mayRead ? sql`(${underOpenFlag} AND NOT ${mayRead})` : sql`0`;
}

/**
 * Redacted comments, newest first; the original text never leaves this function. A comment whose
 * response has a safeguarding flag not yet closed says only `WITHHELD`, unless its site is in
 * `originalScope` (where the caller may read the family's own words: `flags.readOriginal`):
 * pattern redaction alone is too thin a screen for a disclosure nobody has reviewed.
 */
export async function findComments(db: Db, scope: Scope, originalScope: Scope, query: CommentQuery) {
  const withheld = withheldFrom(originalScope);
  const where = commentFilters(scope, query);
  if (query.theme) where.push(sql`EXISTS (SELECT 1 FROM json_each(${comments.themes}) WHERE json_extract(value, '$.theme') = ${query.theme})`);
  if (query.sentiment !== undefined) where.push(eq(comments.sentiment, query.sentiment));
  if (query.language) where.push(eq(comments.language, query.language));
  if (query.q) where.push(sql`instr(lower(${comments.redacted}), ${query.q.toLowerCase()}) > 0`);
  return db
    .select({
      id: comments.id,
      redacted: sql<string>`CASE WHEN ${withheld} THEN ${WITHHELD} ELSE ${comments.redacted} END`,
      withheld: sql<boolean>`${withheld}`.mapWith(Boolean),
      sentiment: comments.sentiment,
      themes: comments.themes,
      language: comments.language,
      questionId: comments.questionId,
      submittedAt: comments.submittedAt,
      site: { code: sites.code, name: sites.name },
      /** The meeting whose notes or quotes these are; null for a family's own comment. */
      meeting: { id: meetings.id, kind: meetings.kind, title: meetings.title, heldOn: meetings.heldOn },
    })
    .from(comments)
    .innerJoin(sites, eq(sites.id, comments.siteId))
    .leftJoin(meetings, eq(meetings.id, comments.meetingId))
    .where(and(...where))
    .orderBy(desc(comments.submittedAt))
    .limit(query.limit)
    .offset(query.offset);
}

/** Records a correction and shows it at once on the comment; the model learns when corrections are applied. */
export async function correctComment(
  db: Db,
  scope: Scope,
  commentId: string,
  correction: { themes: string[]; sentiment?: number | undefined; userId: string },
  audit: Omit<AuditEntry, 'organisationId'>,
): Promise<{ organisationId: string } | null> {
  const [comment] = await db
    .select({ id: comments.id, organisationId: comments.organisationId })
    .from(comments)
    .where(and(eq(comments.id, commentId), siteIn(comments.siteId, scope)));
  if (!comment) return null;
  // The comment's counts in theme_days come off before the change and go back on after it.
  const recount = (sign: 1 | -1) => db.run(countCommentsQuery([commentId], sign));
  await db.batch([
    db
      .insert(themeCorrections)
      .values({ id: newId('tc'), organisationId: comment.organisationId, commentId, themes: correction.themes, userId: correction.userId }),
    recount(-1),
    db
      .update(comments)
      .set({
        themes: correction.themes.map((theme) => ({ theme, score: 1 })),
        ...(correction.sentiment !== undefined ? { sentiment: correction.sentiment } : {}),
      })
      .where(eq(comments.id, commentId)),
    recount(1),
    auditStatement(db, { ...audit, organisationId: comment.organisationId }),
  ]);
  return { organisationId: comment.organisationId };
}

/** Every correction of an organisation with the comment's text (redacted: corrections teach words, not people). */
export async function correctionsOf(db: Db, organisationId: string) {
  return db
    .select({ text: comments.redacted, themes: themeCorrections.themes, sentiment: comments.sentiment })
    .from(themeCorrections)
    .innerJoin(comments, eq(comments.id, themeCorrections.commentId))
    .where(eq(themeCorrections.organisationId, organisationId))
    .orderBy(themeCorrections.createdAt);
}

/**
 * Drops original comment text older than each organisation's retention period (365 days unless
 * set), keeping only the redacted form. Text behind a safeguarding flag not yet closed is kept
 * until the flag is.
 */
export async function forgetExpiredText(db: Db, now: Date): Promise<number> {
  const organisationRows = await db.select({ id: organisations.id, settings: organisations.settings }).from(organisations);
  let forgotten = 0;
  for (const organisation of organisationRows) {
    const days = organisation.settings.retentionDays ?? 365;
    const cutoff = now.getTime() - days * 86_400_000;
    const result = await db.run(sql`
      UPDATE comments SET text = NULL
      WHERE site_id IN (SELECT id FROM sites WHERE organisation_id = ${organisation.id}) AND submitted_at < ${cutoff} AND text IS NOT NULL
        AND NOT ${underOpenFlag}`);
    forgotten += result.rowsAffected;
  }
  return forgotten;
}
