/**
 * Answers kept on the device, per form code: the draft while a person answers, and the submission
 * with its idempotency key once they press send, until the server confirms it. A reload, a crash or
 * a dropped connection therefore loses nothing, and a resend under the same key is stored once.
 * Storage can throw (quota, Safari private mode, a sandboxed frame); these never do, and the widget
 * then still holds the answers in memory for as long as the page is open.
 */
import type { Answers } from '../../survey/skip-logic';

export interface StoredEntry {
  idempotencyKey: string;
  answers: Answers;
  language?: string | undefined;
  page: number;
  /** Sent (or being sent) and not yet confirmed: send it again on the next chance. */
  pending: boolean;
}

/** The part of `localStorage` used, so tests can stand in for it. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyFor = (code: string) => `hubvoice:${code.toLowerCase()}`;

/** The entry kept for a form, or undefined when there is none, it is damaged, or storage is blocked. */
export function readEntry(code: string, storage?: KeyValueStore): StoredEntry | undefined {
  try {
    // JSON.parse(null) is null, and reading from null throws into the catch: no entry.
    const entry = JSON.parse((storage ?? localStorage).getItem(keyFor(code))!) as StoredEntry;
    return typeof entry.idempotencyKey === 'string' && typeof entry.answers === 'object' && entry.answers ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the entry for a form, or forgets it (undefined) once the server has it. */
export function writeEntry(code: string, entry: StoredEntry | undefined, storage?: KeyValueStore): void {
  try {
    const store = storage ?? localStorage;
    if (entry) store.setItem(keyFor(code), JSON.stringify(entry));
    else store.removeItem(keyFor(code));
  } catch {
    // Blocked or full: the answers stay in the widget's memory.
  }
}

/**
 * Exponential backoff for resending: 1 s, 2 s, 4 s … capped at a minute, so a phone on a train
 * does not hammer the server, and a short blip is over before the person has noticed.
 * @example retryDelay(3) // 8000
 */
export function retryDelay(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt));
}

/** 128 random bits as hex. @example newIdempotencyKey().length // 32 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('');
}
