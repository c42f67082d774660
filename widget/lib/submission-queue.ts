/**
 * The kiosk's queue: every submission made on one tablet, kept in storage with its idempotency key
 * until the server has it, so families can go on giving feedback while the hub's wifi is down. A
 * submission leaves the queue on success or on a refusal no retry can fix; after a `network`
 * failure the queue is sent again, oldest first, with the widget's backoff, and a resend under the
 * same key is stored once.
 */
import type { ApiFailure, Stored, Submission } from './api-client';
import { retryDelay, type KeyValueStore } from './outbox';
import type { Result } from './result';

/** Kept under this name since kiosks first queued offline, so a tablet's waiting answers survive an upgrade. */
export const KIOSK_QUEUE_KEY = 'hubvoice.kiosk.queue';

export type Send = (submission: Submission) => Promise<Result<Stored, ApiFailure>>;

export interface SubmissionQueue {
  /** Keeps the submission, then sends it: the result says whether the server has it. */
  add(submission: Submission): Promise<Result<Stored, ApiFailure>>;
  /** Sends what is waiting; after a network failure, tries again later by itself. */
  flush(): Promise<void>;
  /** The connection is back: send now and start the backoff afresh. */
  online(): Promise<void>;
}

export function submissionQueue(send: Send, storage?: KeyValueStore): SubmissionQueue {
  const read = (): Submission[] => {
    try {
      return JSON.parse((storage ?? localStorage).getItem(KIOSK_QUEUE_KEY) || '[]') as Submission[];
    } catch {
      return [];
    }
  };
  const write = (queue: Submission[]) => {
    try {
      (storage ?? localStorage).setItem(KIOSK_QUEUE_KEY, JSON.stringify(queue));
    } catch {
      // Blocked or full: this submission is sent now or not at all.
    }
  };
  const without = (key: string) => read().filter((s) => s.idempotencyKey !== key);
  const deliver = async (submission: Submission) => {
    const result = await send(submission);
    if (result.ok || result.error.kind !== 'network') write(without(submission.idempotencyKey));
    return result;
  };

  // 2 s, 4 s … a minute, as the widget retries.
  let attempt = 1;
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    if (busy) return;
    busy = true;
    clearTimeout(timer);
    let waiting = false;
    for (const submission of read()) {
      const result = await deliver(submission);
      if (!result.ok && result.error.kind === 'network') {
        waiting = true;
        break;
      }
    }
    busy = false;
    if (waiting) timer = setTimeout(flush, retryDelay(attempt++));
    else attempt = 1;
  };

  return {
    add(submission) {
      write([...without(submission.idempotencyKey), submission]);
      return deliver(submission);
    },
    flush,
    online() {
      attempt = 1;
      return flush();
    },
  };
}
