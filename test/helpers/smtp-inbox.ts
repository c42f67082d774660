/**
 * A real SMTP server on a free loopback port (smtp-server) that keeps what it receives, and the
 * app's SMTP mailer pointed at it. `refusing` makes it answer 451, as a mail store in an outage does.
 */
import { SMTPServer } from 'smtp-server';
import type { Mailer } from '../../server/alerts';
import { smtpMailer } from '../../server/mail-node';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface SmtpInbox {
  mails: ReceivedMail[];
  mailer: Mailer;
  /** The server's smtp:// URL, for a server started with SMTP_URL. */
  url: string;
  /** While true, every message is refused with 451 and not kept. */
  refusing: boolean;
  close: () => Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const inbox = { mails, refusing: false } as SmtpInbox;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (inbox.refusing) return callback(Object.assign(new Error('mail store unavailable, try later'), { responseCode: 451 }));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  inbox.url = `smtp://127.0.0.1:${port}`;
  inbox.mailer = smtpMailer(inbox.url, 'hubvoice <alerts@hubvoice.test>');
  inbox.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return inbox;
}
