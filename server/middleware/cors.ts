/**
 * CORS for the public form API, per organisation: a page may read a form and post a response only
 * when its origin is in the form's organisation's `settings.allowedOrigins` (`*` allows any). An
 * allowed origin is echoed back; a refused one gets no CORS headers, a 403 for a preflight, and a
 * 403 for a write, which is refused before anything is stored (a browser sends a simple POST
 * whatever the answer, so hiding the response would not be enough).
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { errorBody } from '../errors';

export interface FormCorsOptions {
  /** The app's own origin (PUBLIC_URL): its pages need no CORS. */
  ownOrigin: string;
  /**
   * The origins allowed for this request: its form's organisation's, or for a preflight that cannot
   * name its form, those of any organisation. Null when no form matches (nothing is allowed).
   */
  allowedOrigins: (c: Context) => Promise<string[] | null>;
  methods: string[];
  /** Seconds a browser may cache a preflight's answer. */
  maxAge?: number;
}

export function formCors({ ownOrigin, allowedOrigins, methods, maxAge = 600 }: FormCorsOptions) {
  return createMiddleware(async function formCors(c, next) {
    const origin = c.req.header('origin');
    if (!origin || origin === ownOrigin || origin === new URL(c.req.url).origin) return next();
    c.header('Vary', 'Origin', { append: true });
    const allowed = await allowedOrigins(c);
    const permitted = allowed !== null && (allowed.includes('*') || allowed.includes(origin));
    const preflight = c.req.method === 'OPTIONS';
    if (!permitted) {
      if (preflight || c.req.method !== 'GET') {
        return c.json(errorBody('origin_not_allowed', `This organisation has not allowed ${origin} to use its feedback forms.`), 403);
      }
      return next();
    }
    c.header('Access-Control-Allow-Origin', origin);
    if (!preflight) return next();
    c.header('Access-Control-Allow-Methods', methods.join(', '));
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    c.header('Access-Control-Max-Age', String(maxAge));
    return c.body(null, 204);
  });
}
