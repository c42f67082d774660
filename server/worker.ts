/**
 * Cloudflare Workers entry point. The store is a libSQL server or Turso (DATABASE_URL binding);
 * the app and its store are built once per isolate from the bindings, and migrations run on the
 * isolate's first request.
 *
 * Safeguarding alerts a submission starts outlive its response, so they are handed to the runtime
 * with `waitUntil` (or Workers may stop them). Housekeeping runs on cron triggers (wrangler.toml):
 * every minute, alerts that failed are retried; hourly, original text past retention is forgotten.
 */
import { createClient } from '@libsql/client/web';
import { createApp, type App } from './app';
import { bootstrap } from './bootstrap';
import { parseConfig } from './config';
import { buildDeps, type AppDeps } from './deps';
import { everyMinute, hourly } from './housekeeping';

/** The parts of the Workers ExecutionContext used here. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** The cron expressions in wrangler.toml, and what each runs. */
const CRONS: Record<string, (deps: AppDeps) => Promise<number>> = {
  '* * * * *': everyMinute,
  '7 * * * *': hourly,
};

type Env = Record<string, string | undefined>;

let ready: Promise<{ app: App; deps: AppDeps }> | undefined;

async function build(env: Env): Promise<{ app: App; deps: AppDeps }> {
  const config = parseConfig(env);
  const client = createClient({ url: config.DATABASE_URL, ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}) });
  // Workers have no SMTP: safeguarding alerts go to the organisation's webhooks (and the log).
  const deps = buildDeps(config, client);
  await bootstrap(deps.store, { ...config, SEED_RESPONSES: Math.min(config.SEED_RESPONSES, 500) });
  return { app: createApp(deps), deps };
}

function built(env: Env): Promise<{ app: App; deps: AppDeps }> {
  ready ??= build(env).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { app, deps } = await built(env);
    const response = await app.fetch(request, env, ctx as never);
    ctx.waitUntil(deps.alerts.settled());
    return response;
  },

  async scheduled(controller: { cron: string }, env: Env): Promise<void> {
    const job = CRONS[controller.cron];
    if (!job) return console.error(`no housekeeping for cron "${controller.cron}"`);
    const { deps } = await built(env);
    await job(deps);
    await deps.alerts.settled();
  },
};
