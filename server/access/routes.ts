/**
 * Every route's rule, in one table: 'public' (families, QR codes, health), 'signed-in' (any
 * session: one's own account), or the policy action it declares with `authorize`/`authorizePage`.
 * The route-matrix test (test/access/route-matrix.test.ts) fails when the app has a route that is
 * not here, and walks each route with each role to hold the app to what is written here.
 */
import type { Action } from './policy';

export type RouteRule = 'public' | 'signed-in' | Action;

export const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /': 'public',
  'GET /health': 'public',
  'GET /widget.js': 'public',
  'GET /widget/:file': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'OPTIONS /api/forms/:code': 'public',
  'GET /api/forms/:code': 'public',
  'OPTIONS /api/responses': 'public',
  'POST /api/responses': 'public',
  'GET /f/:code': 'public',
  'POST /f/:code': 'public',
  'GET /f/:code/thanks': 'public',
  'GET /f/:code/qr.svg': 'public',
  'GET /f/:code/qr.png': 'public',
  'GET /f/:code/poster': 'public',
  'GET /sites/:code/posters': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'GET /api/sites': 'sites.read',
  'GET /api/surveys': 'surveys.manage',
  'GET /api/surveys/:id': 'surveys.manage',
  'POST /api/surveys': 'surveys.manage',
  'POST /api/surveys/:id/versions': 'surveys.manage',
  'PUT /api/sites/:code/survey': 'surveys.manage',
  'GET /api/reports/satisfaction': 'reports.read',
  'GET /api/reports/equity': 'reports.read',
  'GET /api/reports/trends': 'reports.read',
  'GET /api/reports/themes': 'reports.read',
  'GET /api/safeguarding/flags': 'flags.list',
  'GET /api/safeguarding/flags/:id': 'flags.list',
  'POST /api/safeguarding/flags/:id/review': 'flags.review',
  'GET /api/comments': 'comments.read',
  'POST /api/comments/:id/themes': 'comments.correct',
  'GET /api/themes': 'themes.read',
  'POST /api/themes/model': 'themes.manage',
  'POST /api/themes/model/apply-corrections': 'themes.manage',
  'GET /api/users': 'users.manage',
  'POST /api/users': 'users.manage',
  'POST /api/users/:id/roles': 'users.manage',
  'DELETE /api/users/:id/roles/:assignmentId': 'users.manage',
  'PATCH /api/users/:id': 'users.manage',
  'GET /dashboard': 'reports.read',
  'GET /dashboard/comments': 'comments.read',
  'GET /safeguarding': 'flags.list',
  'GET /safeguarding/flags/:id': 'flags.list',
  'POST /safeguarding/flags/:id/review': 'flags.review',
};
