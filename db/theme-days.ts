/**
 * Keeps `theme_days` in step with `comments` (see its note in db/schema.ts). Every write that adds
 * comments or changes their themes counts them in the same transaction, and only the comments it
 * stored, so a repeated submission counts nothing. Both batch writers count the comments they hold
 * with `themeDayRows` (the ingestion thread a batch at a time with UPSERT_SQL; the client writer
 * each response's, guarded by that response being stored). A correction, which holds no comment,
 * counts stored rows by their ids with `countComments`, the same counts in SQL.
 */
import type { InStatement } from '@libsql/client';
import { sql, type SQL } from 'drizzle-orm';
import type { NewComment } from './response-rows';

/** theme_days' days are UTC days: `submitted_at / DAY_MS`, rounded down. */
export const DAY_MS = 86_400_000;

/** Counts add to a row that is there already. */
export const ADD_TO_ROW = `
  ON CONFLICT (site_id, day, theme) DO UPDATE SET
    mentions = mentions + excluded.mentions, negative = negative + excluded.negative, positive = positive + excluded.positive`;

/** Counts the comments whose ids `?2` (a JSON array) lists into theme_days, `?1` times (1 adds, -1 takes away). */
export const COUNT_COMMENTS_SQL = `
  INSERT INTO theme_days (site_id, day, theme, mentions, negative, positive)
  SELECT site_id, day, theme, ?1 * count(*), ?1 * sum(sentiment < 0), ?1 * sum(sentiment > 0) FROM (
    SELECT c.site_id, c.submitted_at / ${DAY_MS} AS day, '' AS theme, c.sentiment FROM comments c
    WHERE c.id IN (SELECT value FROM json_each(?2)) AND c.meeting_id IS NULL
    UNION ALL
    SELECT c.site_id, c.submitted_at / ${DAY_MS}, json_extract(m.value, '$.theme'), coalesce(json_extract(m.value, '$.sentiment'), c.sentiment)
    FROM comments c, json_each(c.themes) m
    WHERE c.id IN (SELECT value FROM json_each(?2)) AND c.meeting_id IS NULL
  ) WHERE true GROUP BY site_id, day, theme${ADD_TO_ROW}`;

export function countComments(commentIds: readonly string[], sign: 1 | -1 = 1): InStatement {
  return { sql: COUNT_COMMENTS_SQL, args: [sign, JSON.stringify(commentIds)] };
}

/** The same statement for drizzle (a `db.batch` with other writes). */
export function countCommentsQuery(commentIds: readonly string[], sign: 1 | -1): SQL {
  const values: Record<string, unknown> = { 1: sign, 2: JSON.stringify(commentIds) };
  // Split on the numbered parameters: text at even places, a parameter's number at odd ones.
  return sql.join(COUNT_COMMENTS_SQL.split(/\?([12])/).map((part, i) => (i % 2 ? sql`${values[part]}` : sql.raw(part))));
}

/** Adds one row of counts: site_id, day, theme, mentions, negative, positive. */
export const UPSERT_SQL = `
  INSERT INTO theme_days (site_id, day, theme, mentions, negative, positive) VALUES (?, ?, ?, ?, ?, ?)${ADD_TO_ROW}`;

/** The counts `countComments` would add for these comments, one row per site, day and theme. */
export function themeDayRows(comments: readonly NewComment[]): [string, number, string, number, number, number][] {
  const rows = new Map<string, [string, number, string, number, number, number]>();
  const add = (siteId: string, day: number, theme: string, sentiment: number) => {
    const key = `${siteId}\u0000${day}\u0000${theme}`;
    const row = rows.get(key) ?? [siteId, day, theme, 0, 0, 0];
    row[3]++;
    if (sentiment < 0) row[4]++;
    else if (sentiment > 0) row[5]++;
    rows.set(key, row);
  };
  for (const comment of comments) {
    const day = Math.floor(comment.submittedAt / DAY_MS);
    add(comment.siteId, day, '', comment.sentiment);
    for (const mention of comment.themes) add(comment.siteId, day, mention.theme, mention.sentiment ?? comment.sentiment);
  }
  return [...rows.values()];
}
