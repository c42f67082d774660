/**
 * The safeguarding queue, for the JSON API and the staff pages alike: who may look (the policy's
 * `flags.list`), whose words they read (the family's own only at sites where they hold
 * `flags.readOriginal`; the redacted form elsewhere), recording reviews, and the audit entry every
 * look at a family's words and every review leaves.
 */
import { z } from 'zod';
import { audited } from '../../db/audit';
import { countFlags, cursorAfter, likelyFloods, listFlags, reviewFlag, reviewsOf, type FlagCursor } from '../../db/safeguarding';
import { NO_SCOPE, type Principal } from '../../db/scope';
import { can, scopeFor } from '../access/policy';
import type { AppDeps } from '../deps';

export const FlagReview = z.object({
  status: z.enum(['in_review', 'closed']),
  actionTaken: z.string().trim().min(3, 'say what was done, e.g. "Called the family; referred to MASH"').max(2000),
});
export type FlagReview = z.infer<typeof FlagReview>;

export type Flag = Awaited<ReturnType<typeof listFlags>>[number];
/** One flag as its own page shows it: with every review, oldest first. */
export type FlagWithReviews = Flag & { reviews: Awaited<ReturnType<typeof reviewsOf>> };

/** A page of the queue: 50 unless asked, never more than 200. */
export const QUEUE_PAGE = { default: 50, max: 200 } as const;

/** The `cursor` of the next page: where this one ended, in the queue's order (`01.1733350000000.f_abc`). */
export const encodeCursor = (cursor: FlagCursor) => `${cursor.closed}${cursor.calmer}.${cursor.createdAt}.${cursor.id}`;
/** The cursor, or null when it is not one this service wrote. */
export function decodeCursor(text: string): FlagCursor | null {
  const match = /^([01])([01])\.(\d{1,15})\.([\w-]{1,100})$/.exec(text);
  if (!match) return null;
  return { closed: Number(match[1]), calmer: Number(match[2]), createdAt: Number(match[3]), id: match[4]! };
}

export type { LikelyFlood } from '../../db/safeguarding';
export type FlagCounts = Awaited<ReturnType<typeof countFlags>>;

export interface QueuePage {
  flags: Flag[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/** Whether the person works the queue at all (somewhere). */
export const mayReviewFlags = (principal: Principal) => can(principal, 'flags.list');
/** Whether the person reads any family's own words (somewhere); each flag says where. */
export const readsOriginalText = (principal: Principal) => can(principal, 'flags.readOriginal');

export function flagService(deps: Pick<AppDeps, 'store' | 'now'>) {
  const { db } = deps.store;
  const read = (principal: Principal, options: { status?: string; id?: string; after?: FlagCursor; limit?: number }) =>
    listFlags(db, scopeFor(principal, 'flags.list'), { ...options, textScope: scopeFor(principal, 'flags.readOriginal') });

  return {
    /**
     * One page of the flags the caller may see (all, one status, or 'active': not closed), in the
     * queue's order: not closed first, then present risks, then the oldest. Page on with `next`.
     */
    async queue(
      principal: Principal,
      options: { status?: 'open' | 'in_review' | 'closed' | 'active' | undefined; after?: FlagCursor | undefined; limit?: number | undefined } = {},
    ): Promise<QueuePage> {
      const limit = Math.min(Math.max(1, options.limit ?? QUEUE_PAGE.default), QUEUE_PAGE.max);
      const page = await read(principal, {
        ...(options.status ? { status: options.status } : {}),
        ...(options.after ? { after: options.after } : {}),
        limit: limit + 1,
      });
      const flags = page.slice(0, limit);
      const next = page.length > limit ? encodeCursor(cursorAfter(flags[flags.length - 1]!)) : null;
      const withWords = flags.filter((flag) => flag.readsOriginalText).map((flag) => flag.id);
      if (withWords.length) {
        await audited(db, { at: deps.now(), action: 'safeguarding_queue_viewed', userId: principal.userId, details: { flags: withWords } });
      }
      return { flags, next };
    },

    /** How many flags the caller may see are open, in review and closed, and how many open ones read as a present risk. */
    counts: (principal: Principal) => countFlags(db, scopeFor(principal, 'flags.list')),

    /** Codes that sent a likely flood of the caller's open flags, for the queue's banner: every flag is still listed. */
    floods: (principal: Principal) => likelyFloods(db, { scope: scopeFor(principal, 'flags.list'), open: true }),

    /** One flag, with the look written to the audit log; null when the caller cannot see it. */
    async open(principal: Principal, id: string): Promise<FlagWithReviews | null> {
      const [flag] = await read(principal, { id });
      if (!flag) return null;
      await audited(db, {
        at: deps.now(),
        action: 'safeguarding_flag_viewed',
        userId: principal.userId,
        targetType: 'safeguarding_flag',
        targetId: flag.id,
        details: { originalText: flag.readsOriginalText },
      });
      return { ...flag, reviews: await reviewsOf(db, flag.id) };
    },

    /** Records a review and audits it in the same transaction; the updated flag, or null when the caller cannot review it. */
    async review(principal: Principal, id: string, review: FlagReview): Promise<FlagWithReviews | null> {
      const [flag] = await listFlags(db, scopeFor(principal, 'flags.review'), { id, textScope: NO_SCOPE });
      if (!flag) return null;
      const at = deps.now();
      await reviewFlag(
        db,
        id,
        { ...review, reviewerId: principal.userId, at },
        {
          at,
          action: 'safeguarding_flag_reviewed',
          userId: principal.userId,
          targetType: 'safeguarding_flag',
          targetId: id,
          details: review,
        },
      );
      const [updated] = await read(principal, { id });
      return updated ? { ...updated, reviews: await reviewsOf(db, id) } : null;
    },
  };
}
