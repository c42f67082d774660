/**
 * Cloudflare Workers entry point. The store is a libSQL server or Turso (DATABASE_URL binding);
 * the app and its store are built once per isolate from the bindings, and migrations run on the
 * isolate's first request.
 */
import { createClient } from '@libsql/client/web';
import { FormDirectory } from '../db/forms';
import { ResponseWriter } from '../db/response-writer';
import { createStore } from '../db/store';
import { catalogues } from '../widget/i18n';
import { createApp, type App } from './app';
import { bootstrap } from './bootstrap';
import { parseConfig } from './config';

let ready: Promise<App> | undefined;

async function build(env: Record<string, string | undefined>): Promise<App> {
  const config = parseConfig(env);
  const client = createClient({ url: config.DATABASE_URL, ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}) });
  const store = createStore(client);
  await bootstrap(store, { ...config, SEED_RESPONSES: Math.min(config.SEED_RESPONSES, 500) });
  return createApp({ config, store, writer: new ResponseWriter(client), forms: new FormDirectory(store.db), catalogues, now: () => new Date() });
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
