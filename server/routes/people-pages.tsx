/**
 * The people pages for administrators: `/people` (everyone, and inviting someone), `/people/{id}`
 * (roles, a set-password link or forced reset, disabling) and `/outbox` (mail kept while no SMTP
 * server is configured). Plain forms, POST then redirect; every change goes through
 * server/services/accounts.ts, as `/api/users` does, so the same rules and audit apply.
 */
import { Hono, type Context } from 'hono';
import { listOutbox } from '../../db/outbox';
import type { Principal } from '../../db/scope';
import { authorizePage } from '../access/authorize';
import { can, organisationsFor } from '../access/policy';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { OutboxPage } from '../pages/staff/outbox-page';
import { parsePlace } from '../pages/staff/people-labels';
import { PeoplePage, type InviteForm } from '../pages/staff/people-page';
import { PersonPage } from '../pages/staff/person-page';
import { NewAccount } from '../services/accounts';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const ROLES = NewAccount.shape.role.options;
type Role = (typeof ROLES)[number];

const EMPTY_FORM: InviteForm = { name: '', email: '', role: '', place: '' };

/** The done banners of the person page, by the `done` query value. */
const DONE: Record<string, (name: string) => string> = {
  role: () => 'Role given',
  removed: () => 'Role removed',
  invitation: (name) => `A new invitation is on its way to ${name}`,
  reset: (name) => `${name}’s password is reset: they have been sent a link to choose a new one`,
  disabled: (name) => `${name}’s account is disabled`,
  enabled: (name) => `${name}’s account is enabled`,
};

/** A service refusal as the form's field errors, in GOV.UK words. */
function formErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) throw error;
  if (error.code === 'email_taken') return [{ field: 'email', message: 'Someone already has an account with that email address' }];
  if (error.status === 403)
    return [{ field: 'role', message: error.message === 'Your account cannot see this.' ? 'You cannot give that role there' : error.message }];
  if (error.status === 404) throw error;
  const details = error.details ?? [{ field: 'place', message: error.message }];
  // Each error links to the field it is about: the place list, or the disable or password button.
  const fieldFor = (field: string) =>
    field.startsWith('scope') ? 'place' : field === 'disabled' ? 'change-account' : field === 'id' ? 'password-link' : field;
  return details.map((d) => ({ field: fieldFor(d.field), message: capitalise(d.message) }));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function peoplePageRoutes(deps: AppDeps) {
  const { accounts } = deps.services;

  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot manage people',
      paragraphs: ['Only administrators can invite people, give roles and reset passwords. Ask your hubvoice administrator.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const notFoundPage = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'Person not found',
      paragraphs: ['There is nobody at this address that you manage.'],
      links: [{ href: '/people', text: 'Go to people' }],
    });

  /** Roles the principal may give somewhere: a safeguarding lead only by someone who may appoint one. */
  const grantable = (principal: Principal): Role[] => ROLES.filter((role) => role !== 'safeguarding_lead' || can(principal, 'safeguarding.appoint'));

  async function peoplePage(c: Context<AppEnv>, form: InviteForm, errors: FieldError[], status: 200 | 422 = 200) {
    const principal = c.var.principal;
    const invited = c.req.query('invited');
    return c.html(
      renderDocument(
        <PeoplePage
          user={staffUser(principal)}
          people={await accounts.list(principal)}
          places={await accounts.places(principal)}
          roles={grantable(principal)}
          form={form}
          errors={errors}
          invited={invited ? { email: invited, outbox: !!deps.mailer.keepsInOutbox } : undefined}
          now={deps.now()}
        />,
      ),
      status,
    );
  }

  async function personPage(c: Context<AppEnv>, id: string, form: { role: string; place: string }, errors: FieldError[], status: 200 | 422 = 200) {
    const principal = c.var.principal;
    const person = await accounts.one(principal, id).catch(() => null);
    if (!person) return notFoundPage(c);
    const done = DONE[c.req.query('done') ?? '']?.(person.name);
    return c.html(
      renderDocument(
        <PersonPage
          user={staffUser(principal)}
          person={person}
          places={await accounts.places(principal)}
          roles={grantable(principal)}
          self={person.id === principal.userId}
          form={form}
          errors={errors}
          done={done}
        />,
      ),
      status,
    );
  }

  /** The role and place fields, checked; errors name the form's fields. */
  function roleAndPlace(body: Record<string, unknown>) {
    const role = formField(body, 'role');
    const place = formField(body, 'place');
    const errors: FieldError[] = [];
    if (!(ROLES as readonly string[]).includes(role)) errors.push({ field: 'role', message: 'Choose a role' });
    const scope = parsePlace(place);
    if (!scope) errors.push({ field: 'place', message: 'Choose where the role applies' });
    return { form: { role, place }, errors, role: role as Role, scope };
  }

  async function setDisabled(c: Context<AppEnv>, disabled: boolean) {
    const id = c.req.param('id')!;
    try {
      await accounts.setDisabled(c.var.principal, id, disabled);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFoundPage(c);
      return personPage(c, id, { role: '', place: '' }, formErrors(error), 422);
    }
    return c.redirect(`/people/${encodeURIComponent(id)}?done=${disabled ? 'disabled' : 'enabled'}`, 303);
  }

  const manage = authorizePage(deps, 'users.manage', forbiddenPage);
  return new Hono<AppEnv>()
    .use('/people', staffPageHeaders, staffCompress)
    .use('/people/*', staffPageHeaders, staffCompress)
    .use('/outbox', staffPageHeaders, staffCompress)
    .get('/people', manage, (c) => peoplePage(c, EMPTY_FORM, []))
    .post('/people', sameOriginForms(deps), manage, async (c) => {
      const body = await c.req.parseBody();
      const { form: chosen, errors: placeErrors, role, scope } = roleAndPlace(body);
      const form = { name: formField(body, 'name').trim(), email: formField(body, 'email').trim(), ...chosen };
      const parsed = NewAccount.safeParse({ name: form.name, email: form.email, role, scope: scope ?? undefined });
      const errors: FieldError[] = [];
      if (!form.name) errors.push({ field: 'name', message: 'Enter their full name' });
      else if (form.name.length > 120) errors.push({ field: 'name', message: 'Name must be 120 characters or fewer' });
      if (!form.email) errors.push({ field: 'email', message: 'Enter their email address' });
      else if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'email'))
        errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org' });
      errors.push(...placeErrors);
      if (errors.length || !parsed.success) return peoplePage(c, form, errors, 422);
      try {
        const invited = await accounts.create(c.var.principal, parsed.data);
        return c.redirect(`/people?invited=${encodeURIComponent(invited.email)}`, 303);
      } catch (error) {
        return peoplePage(c, form, formErrors(error), 422);
      }
    })
    .get('/people/:id', manage, (c) => personPage(c, c.req.param('id'), { role: '', place: '' }, []))
    .post('/people/:id/roles', sameOriginForms(deps), manage, async (c) => {
      const id = c.req.param('id');
      const { form, errors, role, scope } = roleAndPlace(await c.req.parseBody());
      if (errors.length || !scope) return personPage(c, id, form, errors, 422);
      try {
        await accounts.grant(c.var.principal, id, { role, scope });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return notFoundPage(c);
        return personPage(c, id, form, formErrors(error), 422);
      }
      return c.redirect(`/people/${encodeURIComponent(id)}?done=role`, 303);
    })
    .post('/people/:id/roles/:assignmentId/remove', sameOriginForms(deps), manage, async (c) => {
      const id = c.req.param('id');
      try {
        await accounts.revoke(c.var.principal, id, c.req.param('assignmentId'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return notFoundPage(c);
        return personPage(c, id, { role: '', place: '' }, formErrors(error), 422);
      }
      return c.redirect(`/people/${encodeURIComponent(id)}?done=removed`, 303);
    })
    .post('/people/:id/password-link', sameOriginForms(deps), manage, async (c) => {
      const id = c.req.param('id');
      const forgetPassword = formField(await c.req.parseBody(), 'forgetPassword') === 'true';
      try {
        const sent = await accounts.sendLink(c.var.principal, id, { forgetPassword });
        return c.redirect(`/people/${encodeURIComponent(id)}?done=${sent.sent}`, 303);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return notFoundPage(c);
        return personPage(c, id, { role: '', place: '' }, formErrors(error), 422);
      }
    })
    .post('/people/:id/disable', sameOriginForms(deps), manage, (c) => setDisabled(c, true))
    .post('/people/:id/enable', sameOriginForms(deps), manage, (c) => setDisabled(c, false))
    .get('/outbox', manage, async (c) => {
      const mails = await listOutbox(deps.store.db, organisationsFor(c.var.principal, 'users.manage'));
      return c.html(renderDocument(<OutboxPage user={staffUser(c.var.principal)} mails={mails} sending={!deps.mailer.keepsInOutbox} />));
    });
}
