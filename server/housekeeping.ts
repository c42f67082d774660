/**
 * What runs on a timer wherever hubvoice runs, so a safeguarding alert that failed (a mail outage,
 * a webhook down, a process that stopped) still reaches someone, and original text is forgotten
 * when retention ends. Node runs it from a timer (server/node.ts); Workers from cron triggers
 * (server/worker.ts, wrangler.toml).
 */
import { forgetExpiredText } from '../db/comments';
import type { AppDeps } from './deps';

/** Alerts every safeguarding flag still un-notified a minute after it was raised. */
export const everyMinute = (deps: AppDeps): Promise<number> => deps.alerts.retryPending();

/** Forgets the original text of comments past their organisation's retention period. */
export const hourly = (deps: AppDeps): Promise<number> => forgetExpiredText(deps.store.db, deps.now());
