import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { apiRoutes, ErrorBody, json } from './api';

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Service and database health',
  responses: {
    200: json(z.object({ status: z.literal('ok'), db: z.literal('ok') }), 'Up'),
    503: json(ErrorBody.extend({ status: z.literal('error'), db: z.literal('down') }), 'The database is not answering'),
  },
});

/** `GET /health`: 200 when the store answers, 503 (with the shared error shape too) when not. */
export function healthRoutes(deps: AppDeps) {
  return apiRoutes().openapi(route, async (c) => {
    try {
      await deps.store.client.execute('SELECT 1');
      return c.json({ status: 'ok' as const, db: 'ok' as const }, 200);
    } catch (error) {
      console.error('health: database check failed', error);
      return c.json({ status: 'error' as const, db: 'down' as const, error: { code: 'unavailable' as const, message: 'The database is not answering.' } }, 503);
    }
  });
}
