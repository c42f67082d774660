/**
 * Looking at and reviewing a safeguarding flag, for the JSON API and the staff pages alike: who
 * may, what text they see (the family's own words for safeguarding leads; the redacted form for
 * admins), and the audit entry every look and every review leaves.
 */
import { z } from 'zod';
import { listFlags, reviewFlag } from '../db/safeguarding';
import { auditLog } from '../db/schema';
import { hasRole, type Principal } from '../db/scope';
import type { AppDeps } from './deps';

export const FlagReview = z.object({
  status: z.enum(['in_review', 'closed']),
  actionTaken: z.string().trim().min(3, 'say what was done, e.g. "Called the family; referred to MASH"').max(2000),
});
export type FlagReview = z.infer<typeof FlagReview>;

export type Flag = Awaited<ReturnType<typeof listFlags>>[number];

/** Safeguarding leads and admins; nobody else sees that a flag exists. */
export const mayReviewFlags = (principal: Principal) => hasRole(principal, 'safeguarding_lead', 'admin');
/** Only safeguarding leads read what the family wrote; admins run the platform, not the casework. */
export const readsOriginalText = (principal: Principal) => hasRole(principal, 'safeguarding_lead');

export function flagReviews(deps: Pick<AppDeps, 'store' | 'now'>) {
  const { db } = deps.store;
  return {
    /** The flags the caller may see, present risks first: all, one status, or 'active' (not closed). */
    async queue(principal: Principal, status?: 'open' | 'in_review' | 'closed' | 'active'): Promise<Flag[]> {
      return listFlags(db, principal, { ...(status ? { status } : {}), withText: readsOriginalText(principal) });
    },

    /** One flag, with the look written to the audit log; null when the caller cannot see it. */
    async open(principal: Principal, id: string): Promise<Flag | null> {
      const [flag] = await listFlags(db, principal, { id, withText: readsOriginalText(principal) });
      if (!flag) return null;
      await db.insert(auditLog).values({ at: deps.now(), userId: principal.userId, action: 'safeguarding_flag_viewed', targetType: 'safeguarding_flag', targetId: flag.id });
      return flag;
    },

    /** Records a review and audits it; the updated flag, or null when the caller cannot see it. */
    async review(principal: Principal, id: string, review: FlagReview): Promise<Flag | null> {
      const [flag] = await listFlags(db, principal, { id, withText: false });
      if (!flag) return null;
      const at = deps.now();
      await reviewFlag(db, id, { ...review, reviewerId: principal.userId, at });
      await db.insert(auditLog).values({ at, userId: principal.userId, action: 'safeguarding_flag_reviewed', targetType: 'safeguarding_flag', targetId: id, details: review });
      const [updated] = await listFlags(db, principal, { id, withText: readsOriginalText(principal) });
      return updated ?? null;
    },
  };
}
