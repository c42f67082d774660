/** The mail outbox: messages kept instead of sent while no SMTP server is configured. */
import { desc, inArray } from 'drizzle-orm';
import { newId } from './ids';
import { mailOutbox } from './schema';
import type { Db } from './store';

export interface KeptMail {
  to: string;
  subject: string;
  text: string;
  organisationId?: string | null;
}

export async function keepMail(db: Db, mail: KeptMail, at: Date): Promise<string> {
  const id = newId('mail', at.getTime());
  await db.insert(mailOutbox).values({ id, to: mail.to, subject: mail.subject, text: mail.text, organisationId: mail.organisationId ?? null, createdAt: at });
  return id;
}

/**
 * The newest kept messages about these organisations ('all': every message, platform mail too).
 * Which organisations a caller may read is the access policy's decision.
 */
export async function listOutbox(db: Db, organisationIds: 'all' | string[], limit = 100) {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  return db
    .select()
    .from(mailOutbox)
    .where(organisationIds === 'all' ? undefined : inArray(mailOutbox.organisationId, organisationIds))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
}
