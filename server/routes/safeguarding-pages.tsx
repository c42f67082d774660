/**
 * The safeguarding lead's pages: `GET /safeguarding` (the queue), `GET /safeguarding/flags/{id}`
 * (where alert emails link) and `POST /safeguarding/flags/{id}/review` (a plain form post, 303
 * back). They call server/flag-reviews.ts, as the JSON API does, so the same people see the same
 * text and every look and review is audited the same way.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import type { FieldError } from '../errors';
import { authorizePage } from '../access/authorize';
import { decodeCursor, FlagReview, readsOriginalText, type FlagWithReviews } from '../services/flags';
import { renderDocument } from '../pages/render';
import { FlagPage } from '../pages/staff/flag-page';
import { SafeguardingQueuePage } from '../pages/staff/safeguarding-queue-page';
import { fieldErrors } from '../validate';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

export function safeguardingPageRoutes(deps: AppDeps) {
  const flags = deps.services.flags;

  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot see safeguarding flags',
      paragraphs: [
        'Only safeguarding leads and administrators can see safeguarding flags, because they hold what families wrote about possible harm.',
        'If you need to see them, ask your hubvoice administrator to give you the safeguarding lead role.',
      ],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });

  const notFoundPage = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'Flag not found',
      paragraphs: ['There is no safeguarding flag at this address that you can see. Check the link in the alert email, or find the flag in the queue.'],
      links: [{ href: '/safeguarding', text: 'Go to safeguarding flags' }],
    });

  const flagPage = (
    c: Context<AppEnv>,
    flag: FlagWithReviews,
    state: { review: { status?: string; actionTaken?: string }; errors: FieldError[]; reviewed: boolean },
  ) => renderDocument(<FlagPage user={staffUser(c.var.principal)} flag={flag} now={deps.now()} {...state} />);

  return new Hono<AppEnv>()
    .use('/safeguarding/*', staffPageHeaders, staffCompress)
    .get('/safeguarding', authorizePage(deps, 'flags.list', forbiddenPage), async (c) => {
      const showing = c.req.query('show') === 'closed' ? 'closed' : 'open';
      const cursor = c.req.query('cursor');
      const after = cursor ? (decodeCursor(cursor) ?? undefined) : undefined;
      const page = await flags.queue(c.var.principal, { status: showing === 'closed' ? 'closed' : 'active', after });
      const nextHref = page.next ? `/safeguarding?${new URLSearchParams({ ...(showing === 'closed' ? { show: 'closed' } : {}), cursor: page.next })}` : null;
      return c.html(
        renderDocument(
          <SafeguardingQueuePage
            user={staffUser(c.var.principal)}
            flags={page.flags}
            counts={await flags.counts(c.var.principal)}
            floods={showing === 'open' ? await flags.floods(c.var.principal) : []}
            nextHref={nextHref}
            paged={after !== undefined}
            showing={showing}
            readsOriginalText={readsOriginalText(c.var.principal)}
            now={deps.now()}
          />,
        ),
      );
    })
    .get('/safeguarding/flags/:id', authorizePage(deps, 'flags.list', forbiddenPage), async (c) => {
      const flag = await flags.open(c.var.principal, c.req.param('id'));
      if (!flag) return notFoundPage(c);
      // Each review is a new step in the flag's history (listed above the form), so what was done starts empty.
      const review = { status: flag.status === 'open' ? undefined : flag.status };
      return c.html(flagPage(c, flag, { review, errors: [], reviewed: c.req.query('reviewed') === '1' }));
    })
    .post('/safeguarding/flags/:id/review', sameOriginForms(deps), authorizePage(deps, 'flags.review', forbiddenPage), async (c) => {
      const id = c.req.param('id');
      const body = await c.req.parseBody();
      const review = { status: formField(body, 'status') || undefined, actionTaken: formField(body, 'actionTaken') };
      const parsed = FlagReview.safeParse(review);
      if (!parsed.success) {
        const flag = await flags.open(c.var.principal, id);
        if (!flag) return notFoundPage(c);
        const errors = fieldErrors(parsed.error).map((error) => ({
          ...error,
          message:
            error.field === 'status'
              ? 'Select where this is now'
              : error.code === 'too_big'
                ? 'What was done must be 2,000 characters or fewer'
                : review.actionTaken.trim()
                  ? 'Say a little more about what was done'
                  : 'Enter what was done',
        }));
        return c.html(flagPage(c, flag, { review, errors, reviewed: false }), 422);
      }
      const updated = await flags.review(c.var.principal, id, parsed.data);
      if (!updated) return notFoundPage(c);
      return c.redirect(`/safeguarding/flags/${encodeURIComponent(id)}?reviewed=1`, 303);
    });
}
