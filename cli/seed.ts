/**
 * `npm run seed -- --responses N`: adds N realistic synthetic responses to the configured store
 * (seeding the demo council first if the store is empty), with a progress bar.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../server/config';
import { bootstrap } from '../server/bootstrap';
import { openClient } from '../db/client';
import { progressBar } from '../db/progress';
import { seedResponses } from '../db/seed';
import { createStore } from '../db/store';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const count = Number(values.responses);
if (!Number.isInteger(count) || count < 0) {
  console.error(`--responses must be a whole number, got "${values.responses}"`);
  process.exit(2);
}
const config = parseConfig(process.env);
const client = await openClient(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
const store = createStore(client);
const report = await bootstrap(store, { ...config, SEED: 'demo', SEED_RESPONSES: 0 });
if (report.admin?.generatedPassword) console.log(`Admin login: ${report.admin.email} / ${report.admin.generatedPassword}`);
const started = performance.now();
await seedResponses(store, count, {
  seed: values.seed ? Number(values.seed) : Date.now() % 1_000_000,
  onProgress: progressBar('seeding'),
});
console.log(`Added ${count.toLocaleString('en-GB')} responses in ${((performance.now() - started) / 1000).toFixed(1)} s to ${config.DATABASE_URL}`);
client.close();
