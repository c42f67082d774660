import { Hono } from 'hono';
import type { AppDeps } from '../deps';

/** `GET /health`: 200 when the store answers, 503 (with the shared error shape too) when not. */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/health', async (c) => {
    try {
      await deps.store.client.execute('SELECT 1');
      return c.json({ status: 'ok', db: 'ok' });
    } catch (error) {
      console.error('health: database check failed', error);
      return c.json(
        { status: 'error', db: 'down', error: { code: 'unavailable', message: 'The database is not answering.' } },
        503,
      );
    }
  });
}
