/**
 * The security headers on every response: hono's secureHeaders defaults, less
 * Cross-Origin-Resource-Policy and Cross-Origin-Opener-Policy (the widget and its API are used from
 * other sites' pages). One list, two ways on:
 * - `securityHeaders()` sets them on each Response (Workers, and tests through `app.request`);
 * - on Node the server stamps them on the outgoing message before the app answers (server/node.ts).
 * Setting headers on a Response makes @hono/node-server build a web `Headers` for it and then copy
 * that back out: a fifth of the main thread's time for `POST /api/responses`. The outgoing message
 * takes them as they are.
 */
import type { MiddlewareHandler } from 'hono';

export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
  };
}
