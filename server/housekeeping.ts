/**
 * What runs on a timer wherever hubvoice runs, so a safeguarding alert that failed (a mail outage,
 * a webhook down, a process that stopped) still reaches someone, and original text is forgotten
 * when retention ends, and panel reminders go when they are due. Node runs it from a timer (server/node.ts); Workers from cron triggers
 * (server/worker.ts, wrangler.toml).
 */
import { forgetExpiredText } from '../db/comments';
import type { AppDeps } from './deps';

/** Alerts every safeguarding flag still un-notified a minute after it was raised. */
export const everyMinute = (deps: AppDeps): Promise<number> => deps.alerts.retryPending();

/**
 * Forgets the original text of comments past their organisation's retention period, so that the
 * bytes go too (issue 17, item 11): with secure_delete on, SQLite zeroes the space the old text
 * leaves, and a WAL checkpoint then clears the log's copy. A libSQL server, which keeps its own
 * log, refuses or ignores both; forgetting still happens.
 */
export async function hourly(deps: AppDeps): Promise<number> {
  const { client, db } = deps.store;
  await client.execute('PRAGMA secure_delete = ON').catch(() => undefined);
  const forgotten = await forgetExpiredText(db, deps.now());
  if (forgotten > 0) await client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  // Panel waves' due reminders go out on their own (non-responders only, within each wave's limit and gap).
  await deps.services.panels.remindDue().catch((error: unknown) => console.error('could not send due panel reminders:', (error as Error).message));
  return forgotten;
}
