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
