/** What the app is built from. Entry points (Node, Workers, tests, benches) call `buildDeps`. */
import type { Client } from '@libsql/client';
import { defaultModel, type ThemeModel } from '../analysis/text';
import { FormDirectory } from '../db/forms';
import { ResponseWriter, type Writer } from '../db/response-writer';
import type { Principal } from '../db/scope';
import { createStore, type Store } from '../db/store';
import { catalogues as shippedCatalogues } from '../survey/catalogues';
import type { Catalogue } from '../survey/translate';
import { SafeguardingAlerts } from './alerts';
import type { Mailer } from './mail/mailer';
import { outboxMailer } from './mail/outbox';
import { signInFailureCounter } from './auth/session';
import type { FixedWindowCounter } from './middleware/rate-limit';
import { readingWriter, type ReceivedResponse } from './text-pipeline';
import { ThemeModels } from './theme-models';
import type { QuarterlyReport } from './quarterly';
import type { Config } from './config';
import { createServices, type Services } from './services';
import { contactSealer, type ContactSealer } from './contact-crypto';
import { notifyHttp, notifySettings, type NotifySender } from './notify';

function notifyFromConfig(config: Config, fetcher?: typeof fetch): NotifySender | null {
  const settings = notifySettings(config);
  return settings ? notifyHttp(settings, fetcher) : null;
}

/** Renders a quarterly report to PDF bytes; null where no PDF writer runs (Workers). */
export type QuarterlyPdf = ((report: QuarterlyReport) => Promise<Uint8Array>) | null;

export interface AppDeps {
  /** The quarterly report's PDF writer, where the platform can run it. */
  quarterlyPdf: QuarterlyPdf;
  config: Config;
  store: Store;
  /** Reads free text and durably commits each response (server/ingest.ts hands them over). */
  writer: Writer<ReceivedResponse>;
  forms: FormDirectory;
  catalogues: Record<string, Catalogue>;
  themeModels: ThemeModels;
  /** Wrong passwords per account in the current 15-minute window (auth/session.ts). */
  signInFailures: FixedWindowCounter;
  alerts: SafeguardingAlerts;
  /** Sends mail: SMTP when configured, else the outbox page (server/mail/). */
  mailer: Mailer;
  /** GOV.UK Notify, when configured (server/notify.ts; the official client on Node). */
  notify: NotifySender | null;
  /** Seals and opens panel members' contact details (server/contact-crypto.ts). */
  contacts: ContactSealer;
  now: () => Date;
  /** Built once from the rest (server/services). */
  services: Services;
}

export interface AppEnv {
  Variables: { principal: Principal };
}

export function buildDeps(
  config: Config,
  client: Client,
  options: {
    mailer?: Mailer;
    notify?: NotifySender | null;
    now?: () => Date;
    themeModel?: ThemeModel;
    fetch?: typeof fetch;
    writer?: Writer<ReceivedResponse>;
    /** Writes the quarterly report as a PDF (server/quarterly-pdf.ts, Node only: pdfkit reads its fonts from disk). */
    quarterlyPdf?: QuarterlyPdf;
  } = {},
): AppDeps {
  const store = createStore(client);
  const now = options.now ?? (() => new Date());
  const mailer = options.mailer ?? outboxMailer(store, now);
  const themeModels = new ThemeModels(store, options.themeModel ?? defaultModel(), () => now().getTime());
  const base = {
    config,
    store,
    writer: options.writer ?? readingWriter(ResponseWriter.over(client, 2000, config.GROUP_COMMIT_MS), themeModels),
    forms: new FormDirectory(store.db),
    catalogues: shippedCatalogues,
    themeModels,
    signInFailures: signInFailureCounter(),
    alerts: new SafeguardingAlerts({
      store,
      mailer,
      publicUrl: config.PUBLIC_URL,
      now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    mailer,
    notify: options.notify !== undefined ? options.notify : notifyFromConfig(config, options.fetch),
    contacts: contactSealer(config.PANEL_CONTACT_KEYS),
    now,
    quarterlyPdf: options.quarterlyPdf ?? null,
  };
  return { ...base, services: createServices(base) };
}
