/**
 * A request-size limit that trusts Content-Length when there is one. hono's bodyLimit reads
 * `c.req.raw.body`, which on Node makes @hono/node-server build a full web Request and stream for
 * every submission (about a fifth of the cost of POST /api/responses); a declared length is checked
 * for free, and only a chunked body without one goes through bodyLimit's counting stream (which
 * also catches a body longer than it declared).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function bodySize(maxSize: number, onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError: onTooLarge });
  return async function bodySize(c, next) {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (!/^\d+$/.test(declared) || Number(declared) > maxSize) return onTooLarge(c);
    await next();
  };
}

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Every route's body limit, by path: 1 MiB unless a route needs more (a theme model, a CSV of
 * sites or people) or has its own, smaller one (a family's answers: 64 KiB). Without it a 100 MB
 * login took the server from 214 MB to 1 GB.
 */
export function bodyLimitFor(path: string): number {
  if (path === '/api/themes/model') return 32 * MIB;
  if (path.endsWith('/import')) return 8 * MIB;
  return MIB;
}

/** The one limit for every request with a body, answered with the house's 413 error shape. */
export function everyBodyLimited(onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  return async function everyBodyLimited(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const limit = bodyLimitFor(c.req.path);
    let limiter = limiters.get(limit);
    if (!limiter) limiters.set(limit, (limiter = bodySize(limit, onTooLarge)));
    return limiter(c, next);
  };
}
