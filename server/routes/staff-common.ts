/** What every staff page route shares: no caching, gzip, CSRF checks on form posts, and the user for the header. */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import type { Principal } from '../../db/scope';
import type { AppDeps } from '../deps';
import { can } from '../access/policy';
import { mayReviewFlags } from '../services/flags';
import type { StaffUser } from '../pages/staff/staff-shell';

/** Staff pages carry families' words and figures: never kept by a shared cache or the back-forward cache of another user. */
export const staffPageHeaders = createMiddleware(async function staffPageHeaders(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
});

export const staffCompress = compress();

/**
 * Form posts only from our own pages: the session cookie is SameSite=Lax, and this refuses a
 * cross-site form post (login CSRF included) from browsers that send Origin or Sec-Fetch-Site.
 */
export function sameOriginForms(deps: Pick<AppDeps, 'config'>): MiddlewareHandler {
  return csrf({ origin: (origin, c) => origin === deps.config.PUBLIC_URL || origin === new URL(c.req.url).origin });
}

export const staffUser = (principal: Principal): StaffUser => ({
  name: principal.name,
  reviewsFlags: mayReviewFlags(principal),
  readsReports: can(principal, 'reports.read'),
  managesActions: can(principal, 'actions.manage'),
  managesSites: can(principal, 'sites.manage'),
  managesPeople: can(principal, 'users.manage'),
  managesSettings: can(principal, 'settings.manage'),
  readsAudit: can(principal, 'audit.read'),
  readsPanels: can(principal, 'panels.read'),
  managesSurveys: can(principal, 'surveys.manage'),
  entersPaper: can(principal, 'paper.enter'),
  readsMeetings: can(principal, 'meetings.read'),
});

/** Where a person goes after signing in when no page asked for them: the dashboard, or the queue for someone who reads no reports. */
export const homeFor = (principal: Principal) => (!can(principal, 'reports.read') && mayReviewFlags(principal) ? '/safeguarding' : '/dashboard');

/** The first value of a urlencoded form field as a string ('' when absent). */
export function formField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
