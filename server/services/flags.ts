/**
 * The safeguarding queue, for the JSON API and the staff pages alike: who may look (the policy's
 * `flags.list`), whose words they read (the family's own only at sites where they hold
 * `flags.readOriginal`; the redacted form elsewhere), recording reviews, and the audit entry every
 * look at a family's words and every review leaves.
 */
import { z } from 'zod';
import { audited } from '../../db/audit';
import { listFlags, reviewFlag } from '../../db/safeguarding';
import { NO_SCOPE, type Principal } from '../../db/scope';
import { can, scopeFor } from '../access/policy';
import type { AppDeps } from '../deps';

export const FlagReview = z.object({
  status: z.enum(['in_review', 'closed']),
  actionTaken: z.string().trim().min(3, 'say what was done, e.g. "Called the family; referred to MASH"').max(2000),
});
export type FlagReview = z.infer<typeof FlagReview>;

export type Flag = Awaited<ReturnType<typeof listFlags>>[number];

/** Whether the person works the queue at all (somewhere). */
export const mayReviewFlags = (principal: Principal) => can(principal, 'flags.list');
/** Whether the person reads any family's own words (somewhere); each flag says where. */
export const readsOriginalText = (principal: Principal) => can(principal, 'flags.readOriginal');

export function flagService(deps: Pick<AppDeps, 'store' | 'now'>) {
  const { db } = deps.store;
  const read = (principal: Principal, options: { status?: string; id?: string }) =>
    listFlags(db, scopeFor(principal, 'flags.list'), { ...options, textScope: scopeFor(principal, 'flags.readOriginal') });

  return {
    /** The flags the caller may see, present risks first: all, one status, or 'active' (not closed). */
    async queue(principal: Principal, status?: 'open' | 'in_review' | 'closed' | 'active'): Promise<Flag[]> {
      const flags = await read(principal, status ? { status } : {});
      const withWords = flags.filter((flag) => flag.readsOriginalText).map((flag) => flag.id);
      if (withWords.length) {
        await audited(db, { at: deps.now(), action: 'safeguarding_queue_viewed', userId: principal.userId, details: { flags: withWords } });
      }
      return flags;
    },

    /** One flag, with the look written to the audit log; null when the caller cannot see it. */
    async open(principal: Principal, id: string): Promise<Flag | null> {
      const [flag] = await read(principal, { id });
      if (!flag) return null;
      await audited(db, {
        at: deps.now(), action: 'safeguarding_flag_viewed', userId: principal.userId, targetType: 'safeguarding_flag', targetId: flag.id,
        details: { originalText: flag.readsOriginalText },
      });
      return flag;
    },

    /** Records a review and audits it in the same transaction; the updated flag, or null when the caller cannot review it. */
    async review(principal: Principal, id: string, review: FlagReview): Promise<Flag | null> {
      const [flag] = await listFlags(db, scopeFor(principal, 'flags.review'), { id, textScope: NO_SCOPE });
      if (!flag) return null;
      const at = deps.now();
      await reviewFlag(db, id, { ...review, reviewerId: principal.userId, at }, {
        at, action: 'safeguarding_flag_reviewed', userId: principal.userId, targetType: 'safeguarding_flag', targetId: id, details: review,
      });
      const [updated] = await read(principal, { id });
      return updated ?? null;
    },
  };
}
