/**
 * Exports over the API: `POST /api/exports` starts one (202 with the job), `GET /api/exports/{id}`
 * reports its progress, `GET /api/exports/{id}/file` downloads it when done. The rules (scope,
 * suppression, originals, audit) are in server/services/exports.ts.
 */
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { EQUITY_DIMENSIONS } from '../reports';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportJob, type ExportRequest } from '../services/exports';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const date = z.string().openapi({ example: '2026-04-01' });
export const ExportBody = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS).optional(),
    from: date.optional(),
    to: date.optional(),
    site: z.string().optional(),
    provider: z.string().optional(),
    servicePoint: z.string().optional(),
    survey: z.string().optional(),
    groupBy: z
      .string()
      .optional()
      .openapi({ description: 'Satisfaction and trends: site, provider, servicePoint, locality, channel, language, role, month, quarter' }),
    dimension: z.enum(EQUITY_DIMENSIONS).optional(),
    period: z.enum(['month', 'quarter']).optional(),
    originals: z.boolean().optional().openapi({ description: 'Comments: the family’s own words too, where you may read them (safeguarding leads); audited' }),
  })
  .openapi('ExportRequest');

export const ExportStatus = z
  .object({
    id: z.string(),
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
    status: z.enum(['running', 'done', 'failed']),
    written: z.number().int().openapi({ description: 'Rows written so far' }),
    total: z.number().int().openapi({ description: 'Rows expected' }),
    filename: z.string(),
    href: z.string().openapi({ description: 'Where to download it once `status` is `done`' }),
  })
  .openapi('Export');

export const exportStatus = (job: ExportJob) => ({
  id: job.id,
  kind: job.kind,
  format: job.format,
  status: job.status,
  written: job.written,
  total: job.total,
  filename: job.filename,
  href: `/api/exports/${job.id}/file`,
});

/** Node's file stream as the web stream a Response carries. */
export const webStream = (stream: Readable) => Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;

export const contentDisposition = (filename: string) => `attachment; filename="${filename}"`;

export function exportRoutes(deps: AppDeps) {
  const { exports } = deps.services;
  const common = { tags: ['Exports'], security: signedIn, middleware: [authorize(deps, 'exports.read')] };
  const Id = z.object({ id: z.string().max(64) });
  const start = createRoute({
    ...common,
    method: 'post',
    path: '/api/exports',
    summary: 'Start an export (CSV with BOM, or XLSX) of responses, comments or a report table',
    description:
      'Scoped to what you may read; groups of 1-4 (and the next smallest beside one) are suppressed in report tables and their sites left out of row-level exports. Audited.',
    request: { body: body(ExportBody, 'What to export') },
    responses: {
      202: json(ExportStatus, 'Started: poll it, then download'),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'A filter or choice is invalid; `details[].field` names it' }),
    },
  });
  const status = createRoute({
    ...common,
    method: 'get',
    path: '/api/exports/{id}',
    summary: 'An export’s progress',
    request: { params: Id },
    responses: { 200: json(ExportStatus, 'The export'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such export of yours (kept an hour)' }) },
  });
  const file = createRoute({
    ...common,
    method: 'get',
    path: '/api/exports/{id}/file',
    summary: 'Download a finished export',
    request: { params: Id },
    responses: {
      200: {
        description: 'The file',
        content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
      },
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such export of yours', 409: 'Still being written, or failed' }),
    },
  });
  return apiRoutes()
    .openapi(start, async (c) => c.json(exportStatus(await exports.start(c.var.principal, c.req.valid('json') as ExportRequest)), 202))
    .openapi(status, (c) => c.json(exportStatus(exports.job(c.var.principal, c.req.valid('param').id)), 200))
    .openapi(file, (c) => {
      const { job, contentType, stream } = exports.file(c.var.principal, c.req.valid('param').id);
      return c.body(webStream(stream), 200, {
        'Content-Type': contentType,
        'Content-Disposition': contentDisposition(job.filename),
        'Cache-Control': 'no-store',
      }) as never;
    });
}
