/**
 * Set-password links: the invitation a new account gets, the reset an admin forces (or the CLI
 * prints for an operator locked out), and the one a person asks for from the sign-in page. A link
 * is single-use and expires; only its SHA-256 is stored. Setting a password ends every session of
 * the account and is audited.
 */
import { z } from 'zod';
import { findPasswordToken, issuePasswordToken, lastTokenIssued, usePasswordToken, type PasswordTokenPurpose } from '../../db/password-tokens';
import { findUserByEmail } from '../../db/users';
import { hashPassword, randomSecret, sha256Hex } from '../auth/password';
import type { MailMessage } from '../mail/mailer';
import type { ServiceDeps } from './index';

/** An invitation is good for a week (people are away); a reset for a day. */
export const LINK_LIFETIME_MS: Record<PasswordTokenPurpose, number> = { invitation: 7 * 86_400_000, reset: 86_400_000 };
/** A person asking for their own link again within this long gets the one already sent. */
const SELF_SERVICE_GAP_MS = 5 * 60_000;

export const NewPassword = z.object({
  token: z.string().min(16).max(200),
  password: z.string().min(12, 'use at least 12 characters').max(200, 'use 200 characters or fewer'),
});

export function passwordService(deps: Pick<ServiceDeps, 'store' | 'now' | 'mailer' | 'config'>) {
  const { db } = deps.store;
  const linkFor = (token: string) => `${deps.config.PUBLIC_URL}/set-password?token=${encodeURIComponent(token)}`;

  /**
   * Issues a link for an account and returns it with its expiry (the caller mails or prints it).
   * `forgetPassword`: a forced reset, so the old password and sessions stop working at once.
   */
  async function issue(
    account: { id: string; organisationId: string | null },
    purpose: PasswordTokenPurpose,
    by: { userId: string | null; how: 'admin' | 'cli' | 'self' },
    forgetPassword = false,
  ): Promise<{ link: string; expiresAt: Date }> {
    const token = randomSecret(32);
    const at = deps.now();
    const expiresAt = new Date(at.getTime() + LINK_LIFETIME_MS[purpose]);
    await issuePasswordToken(
      db,
      { userId: account.id, purpose, tokenHash: await sha256Hex(token), expiresAt, forgetPassword },
      {
        at,
        action: purpose === 'invitation' ? 'invitation_sent' : 'password_reset_sent',
        userId: by.userId,
        organisationId: account.organisationId,
        targetType: 'user',
        targetId: account.id,
        details: { by: by.how, expiresAt: expiresAt.toISOString(), ...(forgetPassword ? { passwordForgotten: true } : {}) },
      },
    );
    return { link: linkFor(token), expiresAt };
  }

  const until = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

  function invitationMail(to: string, name: string, inviter: string, link: string, expiresAt: Date, organisationId: string | null): MailMessage {
    return {
      to,
      organisationId,
      subject: 'Your hubvoice account: set your password',
      text: [
        `Hello ${name},`,
        '',
        `${inviter} has made you a hubvoice account, for reading and acting on what families say about Family Hub services.`,
        '',
        'Choose your password here to start:',
        link,
        '',
        `The link works once, until ${until(expiresAt)}. If it has expired, ask ${inviter} to send a new one.`,
        `You will sign in with this email address (${to}).`,
        '',
        'If you did not expect this, you can ignore this email: nothing happens until the link is used.',
      ].join('\n'),
    };
  }

  function resetMail(to: string, name: string, link: string, expiresAt: Date, organisationId: string | null, why: string): MailMessage {
    return {
      to,
      organisationId,
      subject: 'Set a new hubvoice password',
      text: [
        `Hello ${name},`,
        '',
        why,
        '',
        'Choose a new password here:',
        link,
        '',
        `The link works once, until ${until(expiresAt)}.`,
        'If you did not ask for this, you can ignore this email, or tell your hubvoice administrator.',
      ].join('\n'),
    };
  }

  return {
    issue,
    invitationMail,
    resetMail,

    /** What the set-password page says about a link: whose it is and why, or null when it is no good. */
    async describe(token: string) {
      const account = await findPasswordToken(db, await sha256Hex(token), deps.now());
      return account ? { email: account.email, name: account.name, purpose: account.purpose } : null;
    },

    /** Sets the password a link is for; null when the link is unknown, used, expired or its account disabled. */
    async setPassword(input: z.infer<typeof NewPassword>) {
      return usePasswordToken(db, await sha256Hex(input.token), await hashPassword(input.password), deps.now(), (account) => ({
        at: deps.now(),
        action: 'password_set',
        userId: account.userId,
        organisationId: account.organisationId,
        targetType: 'user',
        targetId: account.userId,
        details: { purpose: account.purpose },
      }));
    },

    /**
     * A person who forgot their password asks for a link by email. The answer is the same whether
     * or not the address has an account (so the form does not tell who has one), and a second ask
     * within five minutes sends nothing more.
     */
    async requestReset(email: string): Promise<void> {
      const user = await findUserByEmail(db, email);
      if (!user || user.disabled) return;
      const last = await lastTokenIssued(db, user.id);
      if (last && deps.now().getTime() - last.getTime() < SELF_SERVICE_GAP_MS) return;
      const { link, expiresAt } = await issue(user, 'reset', { userId: null, how: 'self' });
      await deps.mailer.send(
        resetMail(
          user.email,
          user.name,
          link,
          expiresAt,
          user.organisationId,
          'Someone (we hope you) asked for a new hubvoice password for this email address.',
        ),
      );
    },

    /** For `hubvoice admin reset-password`: a link for the account, printed rather than mailed. Null when there is no such account. */
    async operatorReset(email: string): Promise<{ email: string; link: string; expiresAt: Date } | null> {
      const user = await findUserByEmail(db, email);
      if (!user) return null;
      const { link, expiresAt } = await issue(user, 'reset', { userId: null, how: 'cli' });
      return { email: user.email, link, expiresAt };
    },
  };
}
