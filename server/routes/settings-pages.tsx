/**
 * `GET|POST /settings` (an organisation's settings as one form, the logo uploaded with it),
 * `POST /settings/webhook-test`, and `GET /organisations/{id}/logo` (public: forms and posters show
 * it). Every change goes through server/services/settings.ts, as the JSON API does.
 */
import { Hono, type Context } from 'hono';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { SettingsPage, type SettingsForm } from '../pages/staff/settings-page';
import { LOGO_MAX_BYTES, SettingsPatch, type settingsView } from '../services/settings';
import { fieldErrors } from '../validate';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** The form's fields from the settings as they are, with one empty contact row to add another. */
function formOf(settings: ReturnType<typeof settingsView>): SettingsForm {
  return {
    contacts: [
      ...settings.safeguardingContacts.map((c) => ({
        name: c.name ?? '',
        email: c.email ?? '',
        webhookUrl: c.webhookUrl ?? '',
        webhookSecret: c.webhookSecret,
      })),
      { name: '', email: '', webhookUrl: '' },
    ],
    allowedOrigins: settings.allowedOrigins.join('\n'),
    retentionDays: String(settings.retentionDays),
    followUpWording: settings.followUpWording ?? '',
    accentColour: settings.accentColour ?? '',
    hasLogo: settings.logo !== null,
  };
}

/** An API field path as the form field it came from: safeguardingContacts.0.email → contact-0-email. */
function formFieldOf(path: string): string {
  const contact = /^safeguardingContacts\.(\d+)\.(\w+)/.exec(path);
  if (contact) return `contact-${contact[1]}-${contact[2] === 'webhookSecret' ? 'webhookUrl' : contact[2]}`;
  return path.split('.')[0]!;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function settingsPageRoutes(deps: AppDeps) {
  const { settings } = deps.services;

  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot change settings',
      paragraphs: ['Only an organisation’s administrators can change its settings. Ask your hubvoice administrator.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const noOrganisation = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'No organisation to set up',
      paragraphs: ['There is no organisation here whose settings you administer yet.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });

  /** The organisation asked for, else the first the principal administers; null when there is none. */
  async function chosen(c: Context<AppEnv>, asked: string | undefined) {
    const organisations = await settings.organisations(c.var.principal);
    const organisation = organisations.find((o) => o.id === asked) ?? (asked ? undefined : organisations[0]);
    return organisation ? { organisation, organisations } : null;
  }

  async function page(
    c: Context<AppEnv>,
    organisationId: string,
    state: { form?: SettingsForm; errors?: FieldError[]; tested?: { url: string; ok: boolean; message: string } },
    status: 200 | 422 = 200,
  ) {
    const found = await chosen(c, organisationId);
    if (!found) return noOrganisation(c);
    const current = await settings.get(c.var.principal, found.organisation.id);
    return c.html(
      renderDocument(
        <SettingsPage
          user={staffUser(c.var.principal)}
          organisation={current.organisation}
          organisations={found.organisations}
          form={state.form ?? formOf(current.settings)}
          errors={state.errors ?? []}
          publicUrl={current.publicUrl}
          publicUrlIsLocal={current.publicUrlIsLocal}
          saved={c.req.query('saved') === '1'}
          tested={state.tested}
        />,
      ),
      status,
    );
  }

  const manage = authorizePage(deps, 'settings.manage', forbiddenPage);
  return new Hono<AppEnv>()
    .use('/settings', staffPageHeaders, staffCompress)
    .use('/settings/*', staffPageHeaders, staffCompress)
    .get('/settings', manage, async (c) => {
      const found = await chosen(c, c.req.query('organisation'));
      if (!found) return noOrganisation(c);
      return page(c, found.organisation.id, {});
    })
    .post('/settings', sameOriginForms(deps), manage, async (c) => {
      const body = await c.req.parseBody();
      const found = await chosen(c, formField(body, 'organisation') || undefined);
      if (!found) return noOrganisation(c);
      const organisationId = found.organisation.id;
      const current = (await settings.get(c.var.principal, organisationId)).settings;
      // The rows the form had: each saved contact and the empty one for adding.
      const rows = current.safeguardingContacts.length + 1;
      const form: SettingsForm = {
        contacts: Array.from({ length: rows }, (_, i) => ({
          name: formField(body, `contact-${i}-name`).trim(),
          email: formField(body, `contact-${i}-email`).trim(),
          webhookUrl: formField(body, `contact-${i}-webhookUrl`).trim(),
          webhookSecret: formField(body, `contact-${i}-webhookSecret`) || undefined,
          remove: formField(body, `contact-${i}-remove`) === '1',
        })),
        allowedOrigins: formField(body, 'allowedOrigins'),
        retentionDays: formField(body, 'retentionDays').trim(),
        followUpWording: formField(body, 'followUpWording').trim(),
        accentColour: formField(body, 'accentColour').trim(),
        hasLogo: current.logo !== null,
      };
      const errors: FieldError[] = [];
      // Rows kept, with the index each had on the form, so an error lands on its own field.
      const kept = (form.contacts as (SettingsForm['contacts'][number] & { remove: boolean })[])
        .map((contact, index) => ({ contact, index }))
        .filter(({ contact }) => !contact.remove && (contact.name || contact.email || contact.webhookUrl));
      const origins = form.allowedOrigins
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const retention = /^\d{1,5}$/.test(form.retentionDays) ? Number(form.retentionDays) : Number.NaN;
      if (Number.isNaN(retention)) errors.push({ field: 'retentionDays', message: 'Enter the number of days as a whole number, like 365' });
      let logo: SettingsPatch['logo'];
      const upload = body.logo;
      if (formField(body, 'removeLogo') === '1') logo = null;
      else if (upload instanceof File && upload.size > 0) {
        if (!(LOGO_TYPES as readonly string[]).includes(upload.type)) errors.push({ field: 'logo', message: 'The logo must be a PNG, JPEG or SVG' });
        else if (upload.size > LOGO_MAX_BYTES) errors.push({ field: 'logo', message: 'The logo must be 100 KB or smaller' });
        else logo = { type: upload.type as (typeof LOGO_TYPES)[number], base64: Buffer.from(await upload.arrayBuffer()).toString('base64') };
      }
      const patch = {
        safeguardingContacts: kept.map(({ contact }) => ({
          ...(contact.name ? { name: contact.name } : {}),
          ...(contact.email ? { email: contact.email } : {}),
          ...(contact.webhookUrl ? { webhookUrl: contact.webhookUrl } : {}),
          ...(contact.webhookSecret && contact.webhookUrl ? { webhookSecret: contact.webhookSecret } : {}),
        })),
        allowedOrigins: origins,
        ...(Number.isNaN(retention) ? {} : { retentionDays: retention }),
        followUpWording: form.followUpWording || null,
        accentColour: form.accentColour || null,
        ...(logo === undefined ? {} : { logo }),
      };
      const parsed = SettingsPatch.safeParse(patch);
      const toForm = (error: FieldError): FieldError => {
        const contact = /^safeguardingContacts\.(\d+)\.(\w+)/.exec(error.field);
        const field = contact ? formFieldOf(`safeguardingContacts.${kept[Number(contact[1])]!.index}.${contact[2]}`) : formFieldOf(error.field);
        const line = /^allowedOrigins\.(\d+)/.exec(error.field);
        return { field, message: capitalise(line ? `line ${Number(line[1]) + 1}: ${error.message}` : error.message) };
      };
      if (!parsed.success) errors.push(...fieldErrors(parsed.error).map(toForm));
      if (errors.length || !parsed.success) return page(c, organisationId, { form, errors }, 422);
      try {
        await settings.update(c.var.principal, organisationId, parsed.data);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        return page(c, organisationId, { form, errors: (error.details ?? []).map(toForm) }, 422);
      }
      return c.redirect(`/settings?organisation=${encodeURIComponent(organisationId)}&saved=1`, 303);
    })
    .post('/settings/webhook-test', sameOriginForms(deps), manage, async (c) => {
      const body = await c.req.parseBody();
      const found = await chosen(c, formField(body, 'organisation') || undefined);
      if (!found) return noOrganisation(c);
      try {
        const tested = await settings.testWebhook(c.var.principal, found.organisation.id, formField(body, 'webhookUrl'));
        return page(c, found.organisation.id, { tested });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        return page(c, found.organisation.id, { tested: { url: formField(body, 'webhookUrl'), ok: false, message: 'That is not a saved webhook address.' } });
      }
    })
    .get('/organisations/:id/logo', async (c) => {
      const logo = await settings.logo(c.req.param('id'));
      if (!logo) return c.body(null, 404);
      // An SVG is served as an image only: never run as a document with script.
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(Buffer.from(logo.base64, 'base64'), 200, { 'content-type': logo.type });
    });
}
