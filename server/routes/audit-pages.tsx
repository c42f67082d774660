/** `GET /audit`: the audit log page for administrators; the same service as `/api/audit`, and its CSV link is `/api/audit/export`. */
import { Hono, type Context } from 'hono';
import { AUDITED_ACTIONS } from '../../db/audit';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { renderDocument } from '../pages/render';
import { AuditPage } from '../pages/staff/audit-page';
import { AuditQuery } from '../services/audit';
import { fieldErrors } from '../validate';
import { staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const MESSAGES: Record<string, string> = {
  from: 'Enter the from date as a real date',
  to: 'Enter the to date as a real date',
  action: 'Choose what happened from the list',
  who: 'Enter part of an email address',
};

export function auditPageRoutes(deps: AppDeps) {
  const { audit } = deps.services;
  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot see the audit log',
      paragraphs: ['Only administrators can read the audit log.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });

  return new Hono<AppEnv>().use('/audit', staffPageHeaders, staffCompress).get('/audit', authorizePage(deps, 'audit.read', forbiddenPage), async (c) => {
    // A GET form sends empty fields as `name=`: they mean "not filtered".
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value.trim() !== ''));
    const filters = { who: query.who ?? '', action: query.action ?? '', from: query.from ?? '', to: query.to ?? '' };
    const parsed = AuditQuery.safeParse(query);
    const errors = parsed.success ? [] : fieldErrors(parsed.error).map((e) => ({ field: e.field, message: MESSAGES[e.field] ?? e.message }));
    const page = parsed.success ? await audit.events(c.var.principal, parsed.data) : { events: [], next: null };
    const kept = new URLSearchParams(Object.entries(filters).filter(([key, value]) => value && !errors.some((e) => e.field === key)));
    const nextHref = page.next ? `/audit?${new URLSearchParams([...kept, ['before', String(page.next)]])}` : null;
    return c.html(
      renderDocument(
        <AuditPage
          user={staffUser(c.var.principal)}
          events={page.events}
          filters={filters}
          actions={AUDITED_ACTIONS}
          errors={errors}
          exportHref={`/api/audit/export${kept.size ? `?${kept}` : ''}`}
          nextHref={nextHref}
          paged={parsed.success && parsed.data.before !== undefined}
        />,
      ),
      errors.length ? 422 : 200,
    );
  });
}
