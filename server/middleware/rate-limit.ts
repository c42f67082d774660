/**
 * Fixed-window rate limits kept in memory, per instance: enough to stop one phone or script
 * flooding a site's scores without ever asking a family to prove they are human. Each rule counts
 * requests under its own key (a client at a code, a code from everyone); the first rule over its
 * limit answers with `onLimited` and a Retry-After.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

export class FixedWindowCounter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request; returns 0 when it is allowed, else the milliseconds until the window resets. */
  take(key: string, now: number): number {
    const count = this.count(key, now) + 1;
    this.counts.set(key, count);
    return count > this.limit ? this.resetsIn(now) : 0;
  }

  /** How many requests `key` has made in the current window, without counting one. */
  count(key: string, now: number): number {
    if (now - this.windowStart >= this.windowMs) {
      // A new window forgets every key at once, so memory is bounded by one window's clients.
      this.counts.clear();
      this.windowStart = now - (now % this.windowMs);
    }
    return this.counts.get(key) ?? 0;
  }

  /** The count in the window as it stands, without starting a new one. */
  peek(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  resetsIn(now: number): number {
    return this.windowStart + this.windowMs - now;
  }
}

export interface RateLimitRule<E extends Env> {
  counter: FixedWindowCounter;
  /** The key to count under; undefined skips this rule for the request. */
  key: (c: Context<E>) => string | undefined | Promise<string | undefined>;
}

export interface RateLimitOptions<E extends Env> {
  rules: RateLimitRule<E>[];
  onLimited: (c: Context<E>, retryAfterSeconds: number) => Response | Promise<Response>;
  now?: () => number;
}

export function rateLimit<E extends Env = Env>({ rules, onLimited, now = Date.now }: RateLimitOptions<E>): MiddlewareHandler<E> {
  return createMiddleware<E>(async function rateLimit(c, next) {
    const at = now();
    for (const rule of rules) {
      const key = await rule.key(c);
      if (key === undefined) continue;
      const waitMs = rule.counter.take(key, at);
      if (waitMs > 0) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        c.header('Retry-After', String(seconds));
        return onLimited(c, seconds);
      }
    }
    await next();
  });
}

/**
 * The shared submission limits of every public channel (QR form, widget, kiosk, API): per client
 * per code, and per code from everyone together (20 times as many, for a busy hub behind one NAT).
 */
export function submissionCounters(perMinute: number) {
  return { perClient: new FixedWindowCounter(perMinute, 60_000), perCode: new FixedWindowCounter(perMinute * 20, 60_000) };
}
export type SubmissionCounters = ReturnType<typeof submissionCounters>;

/** Submissions a minute one client may always make to a code, however busy it is: a family, or two at one phone. */
export const FAMILY_SUBMISSIONS = 3;

/** The rules for a submission to `code`, counting both windows. */
export function submissionRules<E extends Env>(
  counters: SubmissionCounters,
  code: (c: Context<E>) => string | undefined | Promise<string | undefined>,
): RateLimitRule<E>[] {
  return [
    {
      counter: counters.perClient,
      key: async (c) => {
        const k = await code(c);
        return k === undefined ? undefined : `${clientAddress(c)} ${k}`;
      },
    },
    // A flood must not silence a hub: past the code's cap only clients already sending several
    // this minute are refused, so a family's first submissions still go in while a few addresses
    // hammer the code. Theirs alone count towards the cap.
    {
      counter: counters.perCode,
      key: async (c) => {
        const k = await code(c);
        return k !== undefined && counters.perClient.peek(`${clientAddress(c)} ${k}`) > FAMILY_SUBMISSIONS ? k : undefined;
      },
    },
  ];
}

/**
 * The client's address: the socket's on Node, Cloudflare's header on Workers. X-Forwarded-For is
 * not trusted: anyone can send it, which would make every request a new client.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}
