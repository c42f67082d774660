/**
 * Meetings held with families and what was noted at them. A meeting is stored with its notes and
 * quotes (as comments) and any safeguarding flag in one batch with its audit row, so a stored
 * meeting never lacks its flag. Reads follow the site scope like comments.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { auditStatement, type AuditEntry } from './audit';
import { WITHHELD, withheldFrom } from './comments';
import type { NewComment, NewFlag } from './response-rows';
import { comments, meetings, safeguardingFlags, sites, type MeetingKind } from './schema';
import { siteFilters, siteIn, type Scope } from './scope';
import type { Db } from './store';

export type NewMeeting = typeof meetings.$inferInsert & { kind: MeetingKind };
export type NewMeetingFlag = Omit<NewFlag, 'responseId'> & { meetingId: string };

/** The meeting, its notes and quotes, any flag and the audit row: all or nothing. */
export async function storeMeeting(db: Db, meeting: NewMeeting, notes: NewComment[], flag: NewMeetingFlag | null, audit: AuditEntry): Promise<void> {
  await db.batch([
    db.insert(meetings).values(meeting),
    ...notes.map((note) => db.insert(comments).values({ ...note, submittedAt: new Date(note.submittedAt) })),
    ...(flag ? [db.insert(safeguardingFlags).values({ ...flag, responseId: null, createdAt: new Date(flag.createdAt ?? Date.now()) })] : []),
    auditStatement(db, audit),
  ]);
}

export interface MeetingFilters {
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  siteId?: string;
  providerId?: string;
}

function meetingWhere(scope: Scope, filters: MeetingFilters) {
  return and(
    ...siteFilters(meetings.siteId, scope, filters),
    filters.from ? sql`${meetings.heldOn} >= ${filters.from}` : undefined,
    filters.to ? sql`${meetings.heldOn} <= ${filters.to}` : undefined,
  );
}

/** Meetings at the sites in scope, newest first, with how many notes and quotes each holds. */
export async function listMeetings(db: Db, scope: Scope, filters: MeetingFilters = {}, limit = 200) {
  return db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      heldOn: meetings.heldOn,
      area: meetings.area,
      participants: meetings.participants,
      site: { code: sites.code, name: sites.name, locality: sites.locality },
      quotes: sql<number>`(SELECT count(*) FROM comments WHERE comments.meeting_id = ${meetings.id} AND comments.question_id = 'quote')`.mapWith(Number),
      flagged: sql<boolean>`EXISTS (SELECT 1 FROM safeguarding_flags WHERE safeguarding_flags.meeting_id = ${meetings.id})`.mapWith(Boolean),
    })
    .from(meetings)
    .innerJoin(sites, eq(sites.id, meetings.siteId))
    .where(meetingWhere(scope, filters))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(limit);
}

/**
 * One meeting in scope with its notes and quotes, redacted. Words under a flag not yet closed say
 * only `WITHHELD` unless the reader may read that site's original words (`originalScope`), as in
 * comment drill-down.
 */
export async function findMeeting(db: Db, scope: Scope, originalScope: Scope, id: string) {
  const [meeting] = await db
    .select({
      id: meetings.id,
      organisationId: meetings.organisationId,
      kind: meetings.kind,
      title: meetings.title,
      heldOn: meetings.heldOn,
      area: meetings.area,
      participants: meetings.participants,
      demographics: meetings.demographics,
      language: meetings.language,
      createdAt: meetings.createdAt,
      site: { code: sites.code, name: sites.name, locality: sites.locality },
    })
    .from(meetings)
    .innerJoin(sites, eq(sites.id, meetings.siteId))
    .where(and(eq(meetings.id, id), siteIn(meetings.siteId, scope)));
  if (!meeting) return null;
  const withheld = withheldFrom(originalScope);
  const words = await db
    .select({
      id: comments.id,
      kind: comments.questionId,
      redacted: sql<string>`CASE WHEN ${withheld} THEN ${WITHHELD} ELSE ${comments.redacted} END`,
      withheld: sql<boolean>`${withheld}`.mapWith(Boolean),
      sentiment: comments.sentiment,
      themes: comments.themes,
    })
    .from(comments)
    .where(eq(comments.meetingId, id))
    .orderBy(asc(comments.id));
  const [flag] = await db
    .select({ id: safeguardingFlags.id, status: safeguardingFlags.status })
    .from(safeguardingFlags)
    .where(eq(safeguardingFlags.meetingId, id));
  return { ...meeting, notes: words.filter((w) => w.kind === 'notes'), quotes: words.filter((w) => w.kind === 'quote'), flag: flag ?? null };
}

/** Meetings held in a date range at the sites in scope, per kind: how many, and how many people took part. */
export async function meetingsHeld(db: Db, scope: Scope, filters: MeetingFilters) {
  const rows = await db
    .select({ kind: meetings.kind, meetings: sql<number>`count(*)`.mapWith(Number), participants: sql<number>`sum(${meetings.participants})`.mapWith(Number) })
    .from(meetings)
    .where(meetingWhere(scope, filters))
    .groupBy(meetings.kind)
    .orderBy(desc(sql`count(*)`), meetings.kind);
  return rows;
}
