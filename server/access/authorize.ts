/**
 * Every route declares its action here: `authorize(deps, action)` for the JSON API (401 without a
 * session, 403 when no assignment grants the action anywhere) and `authorizePage` for staff pages
 * (to sign-in without a session, the page's own 403 otherwise). Where exactly the action may be
 * taken (which sites, which organisation) is decided by the service with `can` and `scopeFor`.
 * `server/access/routes.ts` lists every route's rule, and the route-matrix test holds the app to it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../deps';
import { forbidden, unauthorized } from '../errors';
import { principalOf } from '../middleware/require-user';
import { can, type Action } from './policy';

export function authorize(deps: Pick<AppDeps, 'store' | 'now'>, action: Action): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async function authorizeAction(c, next) {
    const principal = c.var.principal ?? (await principalOf(deps, c));
    if (!principal) throw unauthorized();
    if (!can(principal, action)) throw forbidden();
    c.set('principal', principal);
    await next();
  });
}

/** For staff pages: a visitor without a session goes to sign-in and back; one without the action sees `refused`. */
export function authorizePage(
  deps: Pick<AppDeps, 'store' | 'now'>,
  action: Action,
  refused: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async function authorizePageAction(c, next) {
    const principal = c.var.principal ?? (await principalOf(deps, c));
    if (!principal) {
      const url = new URL(c.req.url);
      return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    c.set('principal', principal);
    if (!can(principal, action)) return refused(c);
    await next();
  });
}
