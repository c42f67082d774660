/**
 * Node entry point: `npm start` runs its build, dist/node.js (cli/start.mjs). Reads the environment
 * once, opens the store (an embedded libSQL file unless DATABASE_URL says otherwise), prepares it,
 * and serves the app.
 */
import { renderQuarterlyPdf } from './quarterly-pdf';
import { createServer } from 'node:http';
import { errorBody } from './errors';
import { getRequestListener } from '@hono/node-server';
import { backupTo } from '../db/backup';
import { embeddedFile, openClient } from '../db/client';
import { progressBar } from '../db/progress';
import { createApp } from './app';
import { bootstrap } from './bootstrap';
import { ConfigError, parseConfig, type Config } from './config';
import { buildDeps } from './deps';
import { notifySettings } from './notify';
import { notifyNodeClient } from './notify-node';

/** The official Notify client on Node, when Notify is configured. */
const notifyOnNode = (config: Config) => {
  const settings = notifySettings(config);
  return settings ? notifyNodeClient(settings) : null;
};
import { everyMinute, hourly } from './housekeeping';
import { IngestionThread } from './ingest-thread';
import { SECURITY_HEADERS } from './security-headers';
import { smtpMailer } from './mail/smtp';

export async function startNodeServer(config: Config) {
  const client = await openClient(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  const file = embeddedFile(config.DATABASE_URL);
  const writer = file ? new IngestionThread({ path: file }) : undefined;
  const deps = buildDeps(config, client, {
    // Without SMTP, mail waits in the outbox page (server/mail/outbox.ts).
    ...(config.SMTP_URL ? { mailer: smtpMailer(config.SMTP_URL, config.MAIL_FROM) } : {}),
    notify: notifyOnNode(config),
    ...(writer ? { writer } : {}),
    quarterlyPdf: renderQuarterlyPdf,
  });
  const report = await bootstrap(deps.store, config, progressBar('seeding demo responses'));
  const app = createApp(deps, { securityHeaders: false });
  const listener = getRequestListener(app.fetch, { hostname: config.HOST });
  // Every response gets the security headers here, on the outgoing message (see ./security-headers).
  const server = createServer((request, response) => {
    for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
    void listener(request, response);
  }).listen(config.PORT, config.HOST);
  // A request Node cannot parse (a bad Content-Length, a broken header) never reaches the app; it
  // still gets the one error shape rather than Node's bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify(
      tooLarge
        ? errorBody('payload_too_large', 'The request headers are too large.')
        : errorBody('bad_request', 'The request could not be read: check its headers, such as Content-Length.'),
    );
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // Housekeeping, after we are listening so a slow mail server cannot delay start-up: alerts that
  // failed are retried every minute; original text past retention is forgotten every hour.
  let minutes = 0;
  const housekeeping = async () => {
    const minute = minutes++;
    await everyMinute(deps);
    if (minute % 60 === 0) await hourly(deps);
    // A backup of the embedded file at start and then once a day, kept BACKUP_KEEP deep.
    if (file && config.BACKUP_DIR && minute % 1440 === 0) await backupTo(client, config.BACKUP_DIR, { keep: config.BACKUP_KEEP });
  };
  let running = housekeeping().catch((error: unknown) => console.error('housekeeping failed', error));
  const retry = setInterval(() => {
    running = running.then(housekeeping).catch((error: unknown) => console.error('housekeeping failed', error));
  }, 60_000);
  retry.unref();
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearInterval(retry);
    await running;
    // Closing the ingestion thread flushes it first.
    await (writer ? writer.close() : deps.writer.flush());
    await deps.alerts.settled();
    client.close();
  };
  return { server, close, report };
}

/** Serves hubvoice as configured by the environment, until SIGINT or SIGTERM (`npm start`: cli/start.mjs). */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { close, report } = await startNodeServer(config);
  const url = config.PUBLIC_URL;
  console.log(`hubvoice is running on ${config.DATABASE_URL}`);
  console.log(`  Home:        ${url}/`);
  console.log(`  Feedback:    ${url}/f/dvp   (poster: ${url}/f/dvp/poster)`);
  console.log(`  API docs:    ${url}/api/docs`);
  console.log(`  Health:      ${url}/health`);
  if (report.admin) {
    console.log(
      `  Admin login: ${report.admin.email}${report.admin.generatedPassword ? ` / ${report.admin.generatedPassword}  (shown once: keep it safe)` : ''}`,
    );
  }
  console.log(`  Lost the admin password? npm run -s hubvoice -- admin reset-password <email>  (prints a link to choose a new one)`);
  if (!config.SMTP_URL) console.log(`  No SMTP_URL: invitations and alerts wait in the outbox, ${url}/outbox`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().then(() => process.exit(0)));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
