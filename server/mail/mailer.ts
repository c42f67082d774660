/**
 * What sends mail, wherever hubvoice runs: SMTP on Node when `SMTP_URL` is set (./smtp.ts), and
 * otherwise the outbox (./outbox.ts), a table shown on the staff outbox page, so invitations and
 * alerts can still be read and followed offline. Everything that mails (alerts, invitations,
 * panels) calls `deps.mailer.send`.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The organisation the message is about, so its admins can read it in the outbox; none for platform mail. */
  organisationId?: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** True for the outbox: what is "sent" waits on the outbox page, and pages say so. */
  readonly keepsInOutbox?: boolean;
}

/** Says who would have been mailed, never what the message said (an alert's link, an invitation's token). */
export const logMailer: Mailer = {
  async send(message) {
    console.warn(`mail (no SMTP_URL configured) to ${message.to}: ${message.subject}`);
  },
};
