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
  /**
   * The name of a Workers rate-limit binding that counts this key too, shared by every isolate
   * (the in-memory counter is per isolate). Skipped where the binding is not configured.
   */
  shared?: string;
}

/** Cloudflare's rate-limit binding (wrangler.toml `[[ratelimits]]`), as far as it is used here. */
interface PlatformLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

function platformLimiter(c: Context, name: string): PlatformLimiter | undefined {
  const binding = (c.env as Record<string, unknown> | undefined)?.[name] as Partial<PlatformLimiter> | undefined;
  return typeof binding?.limit === 'function' ? (binding as PlatformLimiter) : undefined;
}

export interface RateLimitOptions<E extends Env> {
  rules: RateLimitRule<E>[];
  onLimited: (c: Context<E>, retryAfterSeconds: number) => Response | Promise<Response>;
  now?: () => number;
  /**
   * A client more than twice over a limit is refused this many milliseconds late. A flood's own
   * connections then carry it at a trickle (each waits before it may send again), and the event
   * loop stays free for families; at most {@link MAX_HELD} refusals wait at once, so holding them
   * cannot exhaust memory. 0: refuse at once.
   */
  slowDownMs?: number;
}

/** Refusals waiting at once, across every limiter in the process. */
export const MAX_HELD = 2000;
let held = 0;

export function rateLimit<E extends Env = Env>({ rules, onLimited, now = Date.now, slowDownMs = 0 }: RateLimitOptions<E>): MiddlewareHandler<E> {
  return createMiddleware<E>(async function rateLimit(c, next) {
    const at = now();
    for (const rule of rules) {
      const key = await rule.key(c);
      if (key === undefined) continue;
      let waitMs = rule.counter.take(key, at);
      const shared = waitMs === 0 && rule.shared ? platformLimiter(c, rule.shared) : undefined;
      // The binding's window is a minute and it says only yes or no: wait out the minute.
      if (shared && !(await shared.limit({ key })).success) waitMs = 60_000;
      if (waitMs > 0) {
        if (slowDownMs > 0 && rule.counter.peek(key) > rule.counter.limit * 2 && held < MAX_HELD) {
          held++;
          try {
            await new Promise((resolve) => setTimeout(resolve, slowDownMs));
          } finally {
            held--;
          }
        }
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

/** The Workers rate-limit binding (wrangler.toml) that holds the per-client limit across isolates. */
export const SUBMISSION_LIMITER_BINDING = 'SUBMISSION_RATE_LIMITER';

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
      shared: SUBMISSION_LIMITER_BINDING,
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
 * Each request's client address, when a trusted proxy named it (see {@link trustedClient}), by
 * the request's context: later middleware may replace `c.req.raw` (the body limit does).
 */
const forwarded = new WeakMap<Context, string>();

/**
 * Behind reverse proxies (`TRUST_PROXY` = how many), the client is the address the outermost
 * trusted proxy saw: each proxy appends the address it was reached from to X-Forwarded-For, so
 * with N proxies the client is the N-th entry from the right, and anything left of it is whatever
 * the client wrote. With 0 (the default) no header is trusted.
 */
export function trustedClient(trustProxy: number): MiddlewareHandler {
  return async function trustedClient(c, next) {
    if (trustProxy > 0) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((hop) => hop.trim())
        .filter(Boolean);
      const client = hops[hops.length - trustProxy];
      if (client && /^[0-9a-fA-F.:]{2,45}$/.test(client)) forwarded.set(c, client);
    }
    await next();
  };
}

/**
 * The client's address: the one a trusted proxy gave (TRUST_PROXY), else the socket's on Node, or
 * Cloudflare's header on Workers. X-Forwarded-For is not trusted by default: anyone can send it,
 * which would make every request a new client.
 */
export function clientAddress(c: Context): string {
  const viaProxy = forwarded.get(c);
  if (viaProxy) return viaProxy;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('cf-connecting-ip') ?? 'unknown';
}
