/**
 * The mailer while no SMTP server is configured: each message is kept in the outbox table and
 * shown on the outbox page (`/outbox`) to the admins of the organisation it is about, so a demo or
 * a council without mail can still follow an invitation or read an alert. The log says that a
 * message was kept, never what it said.
 */
import { keepMail } from '../../db/outbox';
import type { Store } from '../../db/store';
import type { Mailer } from './mailer';

export function outboxMailer(store: Store, now: () => Date): Mailer {
  return {
    keepsInOutbox: true,
    async send(message) {
      await keepMail(store.db, message, now());
      console.warn(`mail kept in the outbox (no SMTP_URL configured) for ${message.to}: ${message.subject}`);
    },
  };
}
