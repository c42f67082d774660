/** SMTP on Node through nodemailer (a well-kept SMTP client; Workers use webhooks instead). */
import nodemailer from 'nodemailer';
import { logMailer, type Mailer } from './alerts';

export function smtpMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return logMailer;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
