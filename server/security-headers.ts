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
import { pageScriptHashes } from '../widget/page-scripts.gen';

/**
 * What a hubvoice page may load and run: its own origin, and of inline scripts only the page
 * scripts built from widget/page/ (by hash), so an injected `<script>` or `onclick` never runs.
 * Styles may be inline (the pages' one <style> block, and bar widths); images may be `data:`.
 * Framed only by our own pages (the survey preview); forms post only to us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${pageScriptHashes.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
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
