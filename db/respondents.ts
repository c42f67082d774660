/**
 * One person's own words, found by the contact details they wrote in a comment (an email address
 * or a phone number: what a family writes when they want to be called back), for the rights of
 * access and erasure. Only the original text ever holds them: redaction takes them out of what
 * staff read. Erasure forgets the original words and replaces the redacted ones, with
 * secure_delete on and a WAL checkpoint after, so the bytes leave the file and its log; the
 * answers and the themes counted stay, anonymous.
 */
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { auditStatement, type AuditEntry } from './audit';
import { underOpenFlag } from './comments';
import { comments, responses, sites } from './schema';
import { siteIn, type Scope } from './scope';
import type { Db } from './store';
import type { Client } from '@libsql/client';

/** What erased comments say from then on. */
export const ERASED_TEXT = '[removed at the writer’s request]';

/** A contact as searched: an email lower-cased, a UK phone number as its digits from 0. */
export type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** The comment text with the characters people put inside phone numbers taken out, for matching digits. */
const digitsOf = (column: SQL | typeof comments.text) =>
  sql`replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`;

function matches(contact: Contact): SQL {
  if (contact.kind === 'email') return sql`instr(lower(${comments.text}), ${contact.value}) > 0`;
  // 07700900123 is also written +447700900123 or 00447700900123.
  const national = contact.value.slice(1);
  return sql`(instr(${digitsOf(comments.text)}, ${contact.value}) > 0 OR instr(${digitsOf(comments.text)}, ${`+44${national}`}) > 0 OR instr(${digitsOf(comments.text)}, ${`0044${national}`}) > 0)`;
}

export interface FoundComment {
  id: string;
  /** The response it was written in; null for a meeting's notes or quote that holds the contact. */
  responseId: string | null;
  /** The meeting whose notes or quote it is, when it is one. */
  meetingId: string | null;
  questionId: string;
  siteName: string;
  submittedAt: Date;
  language: string;
  text: string | null;
  redacted: string;
  /** The response's other answers (JSON); '{}' for a meeting's words. */
  answers: string;
  openFlag: boolean;
}

/** Every comment in scope whose original words hold the contact, oldest first. */
export async function findByContact(db: Db, scope: Scope, contact: Contact): Promise<FoundComment[]> {
  return (
    db
      .select({
        id: comments.id,
        responseId: comments.responseId,
        meetingId: comments.meetingId,
        questionId: comments.questionId,
        siteName: sites.name,
        submittedAt: comments.submittedAt,
        language: comments.language,
        text: comments.text,
        redacted: comments.redacted,
        answers: sql<string>`coalesce(${responses.answers}, '{}')`,
        openFlag: sql<boolean>`${underOpenFlag}`.mapWith(Boolean),
      })
      .from(comments)
      // A meeting's notes may hold a family's contact too: they are found and erased with the rest.
      .leftJoin(responses, eq(responses.id, comments.responseId))
      .innerJoin(sites, eq(sites.id, comments.siteId))
      .where(and(isNotNull(comments.text), matches(contact), siteIn(comments.siteId, scope)))
      .orderBy(comments.submittedAt)
  );
}

/**
 * Forgets the original words of every comment of the given responses, and of the given comments
 * (a meeting's notes), and replaces what staff read, in one batch with its audit row, then
 * checkpoints the WAL (an embedded file's own log).
 */
export async function eraseComments(client: Client, db: Db, erase: { responseIds: string[]; commentIds: string[] }, audit: AuditEntry): Promise<void> {
  await client.execute('PRAGMA secure_delete = ON').catch(() => undefined);
  await db.batch([
    db
      .update(comments)
      .set({ text: null, redacted: ERASED_TEXT })
      .where(inArray(comments.responseId, erase.responseIds.length ? erase.responseIds : [''])),
    db
      .update(comments)
      .set({ text: null, redacted: ERASED_TEXT })
      .where(inArray(comments.id, erase.commentIds.length ? erase.commentIds : [''])),
    auditStatement(db, audit),
  ]);
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
}
