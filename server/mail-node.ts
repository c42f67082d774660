/** Kept for the imports that name it: SMTP lives in server/mail/smtp.ts. */
export { smtpMailer } from './mail/smtp';
