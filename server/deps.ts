/** What the app is built from. Entry points (Node, Workers, tests, benches) call `buildDeps`. */
import type { Client } from '@libsql/client';
import { defaultModel, type ThemeModel } from '../analysis/text';
import { FormDirectory } from '../db/forms';
import { ResponseWriter } from '../db/response-writer';
import type { Principal } from '../db/scope';
import { createStore, type Store } from '../db/store';
import { catalogues as shippedCatalogues } from '../widget/i18n';
import type { Catalogue } from '../widget/lib/i18n';
import { logMailer, SafeguardingAlerts, type Mailer } from './alerts';
import { signInFailureCounter } from './auth/session';
import type { FixedWindowCounter } from './middleware/rate-limit';
import { ThemeModels } from './theme-models';
import type { Config } from './config';

export interface AppDeps {
  config: Config;
  store: Store;
  writer: ResponseWriter;
  forms: FormDirectory;
  catalogues: Record<string, Catalogue>;
  themeModels: ThemeModels;
  /** Wrong passwords per account in the current 15-minute window (auth/session.ts). */
  signInFailures: FixedWindowCounter;
  alerts: SafeguardingAlerts;
  now: () => Date;
}

export interface AppEnv {
  Variables: { principal: Principal };
}

export function buildDeps(
  config: Config,
  client: Client,
  options: { mailer?: Mailer; now?: () => Date; themeModel?: ThemeModel; fetch?: typeof fetch } = {},
): AppDeps {
  const store = createStore(client);
  const now = options.now ?? (() => new Date());
  return {
    config,
    store,
    writer: new ResponseWriter(client, 2000, config.GROUP_COMMIT_MS),
    forms: new FormDirectory(store.db),
    catalogues: shippedCatalogues,
    themeModels: new ThemeModels(store, options.themeModel ?? defaultModel()),
    signInFailures: signInFailureCounter(),
    alerts: new SafeguardingAlerts({ store, mailer: options.mailer ?? logMailer, publicUrl: config.PUBLIC_URL, now, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    now,
  };
}
