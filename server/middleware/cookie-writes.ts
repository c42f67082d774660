/**
 * Cross-site request forgery, for the JSON API: a write that rides on the session cookie (no
 * bearer token) must come from our own origin and, when it has a body, say it is JSON. A browser
 * always sends `Origin` on a cross-site POST, and a cross-site form or `fetch` without a CORS
 * preflight can only send text/plain, urlencoded or multipart: so a sibling origin can neither
 * post a theme model as text/plain nor sign someone out with an empty body. Bearer-token callers
 * (scripts) carry no ambient credential and are left alone; so are the public submission routes,
 * which take no session at all.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { errorBody } from '../errors';
import { SESSION_COOKIE } from './require-user';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Public ways in that never read the session. */
const PUBLIC_WRITES = new Set(['/api/responses']);

export function cookieWritesFromOwnOrigin(publicUrl: string): MiddlewareHandler {
  return async function cookieWritesFromOwnOrigin(c, next) {
    if (SAFE_METHODS.has(c.req.method) || PUBLIC_WRITES.has(c.req.path)) return next();
    if (c.req.header('authorization') || getCookie(c, SESSION_COOKIE) === undefined) return next();
    const origin = c.req.header('origin');
    const own = origin === publicUrl || origin === new URL(c.req.url).origin;
    const site = c.req.header('sec-fetch-site');
    if ((origin !== undefined && !own) || (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none')) {
      return c.json(errorBody('forbidden', 'This request came from another site, so it was refused. Use hubvoice’s own pages, or a bearer token.'), 403);
    }
    // A cross-site form or simple fetch always names its type (text/plain, urlencoded, multipart);
    // only a body-less request, or JSON (which needs a preflight we never grant), gets past.
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type && type !== 'application/json') {
      return c.json(errorBody('bad_request', 'Send the body as JSON, with Content-Type: application/json.'), 415);
    }
    return next();
  };
}
