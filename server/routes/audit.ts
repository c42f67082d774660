/**
 * The audit log for administrators: `GET /api/audit` (a page of events, newest first) and
 * `GET /api/audit/export` (every matching event as CSV). Both take the same filters as the /audit
 * page; an organisation's admin reads only its organisation's events and its people's.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { AuditQuery } from '../services/audit';
import { apiRoutes, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const tags = ['Audit'];

export const AuditEvent = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    action: z.string(),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    organisationId: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEvent');

export function auditRoutes(deps: AppDeps) {
  const { audit } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'audit.read')] };
  const list = createRoute({
    ...common,
    method: 'get',
    path: '/api/audit',
    summary: 'Audited events, newest first, filtered by who (part of an email), what (the action) and when (from/to dates, inclusive)',
    description: 'Fifty a page; pass `next` back as `before` for the page after.',
    request: { query: AuditQuery },
    responses: {
      200: json(z.object({ events: z.array(AuditEvent), next: z.number().int().nullable() }), 'The events'),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'A filter is invalid' }),
    },
  });
  const exported = createRoute({
    ...common,
    method: 'get',
    path: '/api/audit/export',
    summary: 'Every matching audited event as CSV (UTF-8 with a byte-order mark)',
    description: 'Cells starting with = + - @ are prefixed with an apostrophe, so a spreadsheet shows them rather than running them.',
    request: { query: AuditQuery.omit({ before: true }) },
    responses: {
      200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } },
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'A filter is invalid' }),
    },
  });
  return apiRoutes()
    .openapi(list, async (c) => {
      const page = await audit.events(c.var.principal, c.req.valid('query'));
      return c.json({ events: page.events.map((e) => ({ ...e, at: e.at.toISOString() })), next: page.next }, 200);
    })
    .openapi(exported, (c) => {
      const stamp = new Date().toISOString().slice(0, 10);
      return c.body(audit.csv(c.var.principal, c.req.valid('query')), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="hubvoice-audit-${stamp}.csv"`,
        'cache-control': 'no-store',
      });
    });
}
