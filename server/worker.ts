/**
 * Cloudflare Workers entry point. The store is a libSQL server or Turso (DATABASE_URL binding);
 * the app and its store are built once per isolate from the bindings, and migrations run on the
 * isolate's first request.
 */
import { createClient } from '@libsql/client/web';
import { createApp, type App } from './app';
import { bootstrap } from './bootstrap';
import { parseConfig } from './config';
import { buildDeps } from './deps';

let ready: Promise<App> | undefined;

async function build(env: Record<string, string | undefined>): Promise<App> {
  const config = parseConfig(env);
  const client = createClient({ url: config.DATABASE_URL, ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}) });
  // Workers have no SMTP: safeguarding alerts go to the organisation's webhooks (and the log).
  const deps = buildDeps(config, client);
  await bootstrap(deps.store, { ...config, SEED_RESPONSES: Math.min(config.SEED_RESPONSES, 500) });
  return createApp(deps);
}

export default {
  async fetch(request: Request, env: Record<string, string | undefined>, ctx: unknown): Promise<Response> {
    ready ??= build(env).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready).fetch(request, env, ctx as never);
  },
};
