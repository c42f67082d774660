/**
 * What happens before the first request, on every runtime: migrations, the first admin, and the
 * demo council on an empty database.
 */
import { migrate } from '../db/migrate';
import { isEmpty, seedDemo, seedResponses } from '../db/seed';
import type { Store } from '../db/store';
import { countUsers, createUser } from '../db/users';
import { hashPassword, randomSecret } from './auth/password';
import type { Config } from './config';

export interface BootstrapReport {
  migrated: string[];
  seeded: boolean;
  /** Set when the admin was created now: the email, and the password if we generated it. */
  admin?: { email: string; generatedPassword?: string };
}

export async function bootstrap(
  store: Store,
  config: Pick<Config, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'SEED' | 'SEED_RESPONSES'>,
  onProgress?: (done: number, total: number) => void,
): Promise<BootstrapReport> {
  const migrated = await migrate(store.client);
  const report: BootstrapReport = { migrated, seeded: false };
  if ((await countUsers(store.db)) === 0) {
    const email = config.ADMIN_EMAIL ?? 'admin@localhost';
    const password = config.ADMIN_PASSWORD ?? randomSecret(12);
    await createUser(store.db, {
      email,
      name: 'Administrator',
      passwordHash: await hashPassword(password),
      role: 'admin',
      scopeType: 'platform',
      scopeId: null,
    });
    report.admin = { email, ...(config.ADMIN_PASSWORD ? {} : { generatedPassword: password }) };
  }
  if (config.SEED === 'demo' && (await isEmpty(store))) {
    await seedDemo(store);
    if (config.SEED_RESPONSES > 0) await seedResponses(store, config.SEED_RESPONSES, onProgress ? { onProgress } : {});
    report.seeded = true;
  }
  return report;
}
