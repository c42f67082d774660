/**
 * Answers kept on the device, per form code: the draft while a person answers, and the submission
 * with its idempotency key once they press send, until the server confirms it. A reload, a crash or
 * a dropped connection therefore loses nothing, and a resend under the same key is stored once.
 */
import type { Answers } from './skip-logic';

export interface StoredEntry {
  idempotencyKey: string;
  answers: Answers;
  language?: string | undefined;
  page: number;
  /** Sent (or being sent) and not yet confirmed: send it again on the next chance. */
  pending: boolean;
}

/** The part of `localStorage` used, so tests and private browsing (where it throws) can stand in. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyFor = (code: string) => `hubvoice:${code.toLowerCase()}`;

export class Outbox {
  private memory = new Map<string, string>();

  constructor(private storage: KeyValueStore | undefined) {}

  read(code: string): StoredEntry | undefined {
    const text = this.attempt(() => this.storage?.getItem(keyFor(code))) ?? this.memory.get(keyFor(code));
    if (!text) return undefined;
    try {
      const entry = JSON.parse(text) as StoredEntry;
      return typeof entry.idempotencyKey === 'string' && entry.answers && typeof entry.answers === 'object' ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  write(code: string, entry: StoredEntry): void {
    const text = JSON.stringify(entry);
    this.memory.set(keyFor(code), text);
    this.attempt(() => this.storage?.setItem(keyFor(code), text));
  }

  clear(code: string): void {
    this.memory.delete(keyFor(code));
    this.attempt(() => this.storage?.removeItem(keyFor(code)));
  }

  /** Storage can throw (quota, Safari private mode, a sandboxed frame): the memory copy still holds. */
  private attempt<T>(action: () => T): T | undefined {
    try {
      return action();
    } catch {
      return undefined;
    }
  }
}

/**
 * Exponential backoff for resending: 1 s, 2 s, 4 s … capped at a minute, so a phone on a train
 * does not hammer the server, and a short blip is over before the person has noticed.
 * @example retryDelay(3) // 8000
 */
export function retryDelay(attempt: number, baseMs = 1000, capMs = 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
}

/** 128 random bits as hex. @example newIdempotencyKey().length // 32 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
