/** The `/privacy` page (server/pages/staff/privacy-page.tsx): the same service as `/api/respondents/*`. */
import { Hono, type Context } from 'hono';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { PrivacyPage } from '../pages/staff/privacy-page';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

export function privacyPageRoutes(deps: AppDeps) {
  const { respondents } = deps.services;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot handle these requests',
      paragraphs: ['Requests about someone’s own words are handled by the organisation’s administrators.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const may = authorizePage(deps, 'respondents.manage', refused);
  const page = async (c: Context<AppEnv>, status: 200 | 422, contact: string, errors: FieldError[], search: boolean, done?: string) => {
    const found = search ? (await respondents.find(c.var.principal, contact)).comments : null;
    return c.html(renderDocument(<PrivacyPage user={staffUser(c.var.principal)} contact={contact} errors={errors} found={found} done={done} />), status);
  };
  /** A 422 from the service shown on the page (what was found stays listed unless the contact itself was wrong); anything else goes on. */
  const attempt = async (c: Context<AppEnv>, contact: string, run: () => Promise<Response>) => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 422) throw error;
      const detail = error.details?.[0];
      const message = detail?.message ?? error.message;
      return page(c, 422, contact, [{ field: 'contact', message: message.charAt(0).toUpperCase() + message.slice(1) }], detail?.code !== 'invalid_contact');
    }
  };

  return new Hono<AppEnv>()
    .use('/privacy', staffPageHeaders, staffCompress)
    .use('/privacy/*', staffPageHeaders)
    .get('/privacy', may, (c) => page(c, 200, '', [], false))
    .post('/privacy', sameOriginForms(deps), may, async (c) => {
      const contact = formField(await c.req.parseBody(), 'contact');
      return attempt(c, contact, () => page(c, 200, contact, [], true));
    })
    .post('/privacy/export', sameOriginForms(deps), may, async (c) => {
      const contact = formField(await c.req.parseBody(), 'contact');
      return attempt(c, contact, async () => {
        const document = await respondents.export(c.var.principal, contact);
        return c.body(JSON.stringify(document, null, 2), 200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': 'attachment; filename="hubvoice-their-words.json"',
          'cache-control': 'private, no-store',
        });
      });
    })
    .post('/privacy/erase', sameOriginForms(deps), may, async (c) => {
      const form = await c.req.parseBody();
      const contact = formField(form, 'contact');
      if (formField(form, 'confirm') !== 'yes') {
        return page(c, 422, contact, [{ field: 'confirm', message: 'Confirm that this is the person who asked, and that they asked for erasure' }], true);
      }
      return attempt(c, contact, async () => {
        const { erased } = await respondents.erase(c.var.principal, contact);
        return page(c, 200, '', [], false, erased ? `Erased: the words of ${erased} ${erased === 1 ? 'response' : 'responses'}.` : 'Nothing to erase.');
      });
    });
}
