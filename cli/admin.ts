/**
 * `hubvoice admin reset-password <email>`: for the operator who has lost the first admin's
 * password (printed once at first start). Run on the server, with the same environment as the
 * server (DATABASE_URL, PUBLIC_URL), it prints a single-use link to choose a new password, valid
 * for a day; the old password keeps working until the link is used. Audited as a reset by the CLI.
 */
import { openClient } from '../db/client';
import { migrate } from '../db/migrate';
import { createStore } from '../db/store';
import { parseConfig } from '../server/config';
import { logMailer } from '../server/mail/mailer';
import { passwordService } from '../server/services/passwords';

export async function resetPasswordCommand(email: string, env: Record<string, string | undefined>): Promise<number> {
  const config = parseConfig(env);
  const client = await openClient(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await migrate(client);
    const passwords = passwordService({ store: createStore(client), now: () => new Date(), mailer: logMailer, config });
    const reset = await passwords.operatorReset(email);
    if (!reset) {
      process.stderr.write(`hubvoice: no account has the email address ${email} in ${config.DATABASE_URL}\n`);
      return 1;
    }
    process.stderr.write(
      `Open this link to choose a new password for ${reset.email}. It works once, until ${reset.expiresAt.toISOString()}; the old password works until then:\n`,
    );
    process.stdout.write(`${reset.link}\n`);
    return 0;
  } finally {
    client.close();
  }
}
