/**
 * Single-use set-password links (invitations and resets). Only the token's SHA-256 is stored; a
 * new link for an account replaces any it had not used, and using one ends the account's sessions.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditStatement, type AuditEntry } from './audit';
import { passwordTokens, sessions, users } from './schema';
import type { Db } from './store';

/** Stored instead of a password hash while an account waits for its first password, or after a forced reset: nothing signs in with it. */
export const NO_PASSWORD = { invited: '!invited', reset: '!reset' } as const;

export type PasswordTokenPurpose = 'invitation' | 'reset';

/**
 * Issues a link for the account: forgets its unused ones and, for a forced reset, its password
 * and sessions too, with the audit row in the same batch.
 */
export async function issuePasswordToken(
  db: Db,
  input: { userId: string; purpose: PasswordTokenPurpose; tokenHash: string; expiresAt: Date; forgetPassword?: boolean },
  audit: AuditEntry,
): Promise<void> {
  await db.batch([
    db.delete(passwordTokens).where(and(eq(passwordTokens.userId, input.userId), isNull(passwordTokens.usedAt))),
    db
      .insert(passwordTokens)
      .values({ tokenHash: input.tokenHash, userId: input.userId, purpose: input.purpose, expiresAt: input.expiresAt, createdAt: audit.at }),
    ...(input.forgetPassword
      ? [
          db.update(users).set({ passwordHash: NO_PASSWORD.reset }).where(eq(users.id, input.userId)),
          db.delete(sessions).where(eq(sessions.userId, input.userId)),
        ]
      : []),
    auditStatement(db, audit),
  ]);
}

/** The account a link is for, while the link is unused and unexpired and the account enabled; else null. */
export async function findPasswordToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, organisationId: users.organisationId, purpose: passwordTokens.purpose })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now), eq(users.disabled, false)));
  return row ?? null;
}

/**
 * Uses a link to set the account's password: claims the link first (one UPDATE, so two uses at
 * once cannot both succeed), then sets the password, ends the account's sessions and audits, in
 * one batch. Null when the link is unknown, used, expired or its account disabled.
 */
export async function usePasswordToken(
  db: Db,
  tokenHash: string,
  passwordHash: string,
  now: Date,
  audit: (account: { userId: string; organisationId: string | null; purpose: PasswordTokenPurpose }) => AuditEntry,
): Promise<{ userId: string; email: string } | null> {
  const account = await findPasswordToken(db, tokenHash, now);
  if (!account) return null;
  const claimed = await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
    .returning({ userId: passwordTokens.userId });
  if (claimed.length === 0) return null;
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, account.userId)),
    db.delete(sessions).where(eq(sessions.userId, account.userId)),
    auditStatement(db, audit(account)),
  ]);
  return { userId: account.userId, email: account.email };
}

/** When the account was last sent a link (to refuse a flood of self-service resets); null if never. */
export async function lastTokenIssued(db: Db, userId: string): Promise<Date | null> {
  const rows = await db.select({ at: passwordTokens.createdAt }).from(passwordTokens).where(eq(passwordTokens.userId, userId));
  return rows.reduce<Date | null>((latest, r) => (!latest || r.at > latest ? r.at : latest), null);
}
