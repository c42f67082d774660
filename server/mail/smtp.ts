/** SMTP on Node through nodemailer (a well-kept SMTP client; Workers have no sockets for it). */
import nodemailer from 'nodemailer';
import { logMailer, type Mailer } from './mailer';

export function smtpMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return logMailer;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
