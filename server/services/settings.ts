/**
 * An organisation's settings for its admins: who is told of a safeguarding flag (emails, and
 * webhooks signed with a secret, with a test send), the sites allowed to embed the widget, how long
 * a family's original words are kept, the free-text follow-up wording, and the logo and accent
 * colour on forms and posters (refused unless it passes WCAG AA against white). Each change is
 * audited, naming what changed but never a secret or the logo's bytes.
 */
import { z } from 'zod';
import { findOrganisation, organisationNames, saveSettings } from '../../db/organisation-settings';
import type { OrganisationSettings, SafeguardingContact } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { can, organisationsFor } from '../access/policy';
import { notFound, validationFailed } from '../errors';
import { newWebhookSecret } from '../mail/webhook-signature';
import { AA_TEXT, contrastRatio } from './contrast';
import type { ServiceDeps } from './index';

/** The longest a logo may be: it is inlined into settings and sent with forms, so it must stay small. */
export const LOGO_MAX_BYTES = 100_000;
export const RETENTION_DAYS = { min: 30, max: 3650, default: 365 } as const;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'enter a web address starting https://');

export const Contact = z
  .object({
    name: z.string().trim().max(120).optional(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .regex(/^[^\s@]+@[^\s@]+$/, 'enter an email address, like name@example.org')
      .optional(),
    webhookUrl: httpUrl.optional(),
    /** Left out: a new secret is made for a new webhook address, and the old one kept for the same address. */
    webhookSecret: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, 'a signing secret starts whsec_')
      .optional(),
  })
  .refine((c) => c.email || c.webhookUrl, { message: 'give an email address, a webhook address, or both', path: ['email'] });

/** An origin allowed to embed the widget: `https://host[:port]`, or `*` for anywhere. */
const Origin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    if (value === '*') return true;
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'enter a site address like https://www.example.gov.uk, with nothing after the name')
  .transform((value) => value.replace(/\/$/, ''));

const HexColour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'enter a colour as # and six hex digits, like #1d70b8');

export const SettingsPatch = z.object({
  safeguardingContacts: z.array(Contact).max(20).optional(),
  allowedOrigins: z.array(Origin).max(50).optional(),
  retentionDays: z
    .number()
    .int()
    .min(RETENTION_DAYS.min, `keep words at least ${RETENTION_DAYS.min} days`)
    .max(RETENTION_DAYS.max, 'keep words at most 10 years')
    .optional(),
  followUpWording: z.string().trim().max(200, 'use 200 characters or fewer').nullable().optional(),
  accentColour: HexColour.nullable().optional(),
  logo: z
    .object({
      type: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']),
      base64: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, 'a logo must be 100 KB or smaller'),
    })
    .nullable()
    .optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Whether PUBLIC_URL names this machine only, which a phone scanning a QR code cannot reach. */
export function isLocalAddress(publicUrl: string): boolean {
  const host = new URL(publicUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

/** The settings as the API shows them: the logo's size, not its bytes. */
export function settingsView(settings: OrganisationSettings) {
  return {
    safeguardingContacts: settings.safeguardingContacts ?? [],
    allowedOrigins: settings.allowedOrigins ?? [],
    retentionDays: settings.retentionDays ?? RETENTION_DAYS.default,
    followUpWording: settings.followUpWording ?? null,
    accentColour: settings.accentColour ?? null,
    logo: settings.logo ? { type: settings.logo.type, bytes: Math.floor((settings.logo.base64.replace(/=+$/, '').length * 3) / 4) } : null,
  };
}

export function settingsService(deps: Pick<ServiceDeps, 'store' | 'now' | 'config' | 'forms' | 'alerts'>) {
  const { db } = deps.store;

  async function managed(principal: Principal, organisationId: string) {
    const organisation = await findOrganisation(db, organisationId);
    if (!organisation || !can(principal, 'settings.manage', { organisationId })) throw notFound('That organisation');
    return organisation;
  }

  return {
    /** The organisations whose settings the principal manages. */
    organisations(principal: Principal) {
      return organisationNames(db, organisationsFor(principal, 'settings.manage'));
    },

    async get(principal: Principal, organisationId: string) {
      const organisation = await managed(principal, organisationId);
      return {
        organisation: { id: organisation.id, name: organisation.name },
        settings: settingsView(organisation.settings),
        publicUrl: deps.config.PUBLIC_URL,
        publicUrlIsLocal: isLocalAddress(deps.config.PUBLIC_URL),
      };
    },

    /** The raw logo, for serving it on forms and posters; null when the organisation has none. */
    async logo(organisationId: string) {
      return (await findOrganisation(db, organisationId))?.settings.logo ?? null;
    },

    async update(principal: Principal, organisationId: string, patch: SettingsPatch) {
      const organisation = await managed(principal, organisationId);
      const before = organisation.settings;
      if (patch.accentColour) {
        const ratio = contrastRatio(patch.accentColour, '#ffffff');
        if (ratio < AA_TEXT) {
          throw validationFailed([
            {
              field: 'accentColour',
              message: `${patch.accentColour} has a contrast of ${ratio.toFixed(2)}:1 with white, and WCAG AA needs ${AA_TEXT}:1 for the white text on buttons and for links: choose a darker colour`,
            },
          ]);
        }
      }
      if (patch.logo) {
        const bytes = Math.floor((patch.logo.base64.replace(/=+$/, '').length * 3) / 4);
        if (bytes > LOGO_MAX_BYTES) throw validationFailed([{ field: 'logo', message: 'a logo must be 100 KB or smaller' }]);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(patch.logo.base64)) throw validationFailed([{ field: 'logo', message: 'the logo must be base64' }]);
      }
      const next: OrganisationSettings = { ...before };
      if (patch.safeguardingContacts) {
        // A webhook keeps its secret while its address stays; a new address gets a new secret.
        const secrets = new Map((before.safeguardingContacts ?? []).flatMap((c) => (c.webhookUrl && c.webhookSecret ? [[c.webhookUrl, c.webhookSecret]] : [])));
        next.safeguardingContacts = patch.safeguardingContacts.map((c): SafeguardingContact => {
          const contact: SafeguardingContact = {};
          if (c.name) contact.name = c.name;
          if (c.email) contact.email = c.email;
          if (c.webhookUrl) {
            contact.webhookUrl = c.webhookUrl;
            contact.webhookSecret = c.webhookSecret ?? secrets.get(c.webhookUrl) ?? newWebhookSecret();
          }
          return contact;
        });
      }
      if (patch.allowedOrigins) next.allowedOrigins = [...new Set(patch.allowedOrigins)];
      if (patch.retentionDays !== undefined) next.retentionDays = patch.retentionDays;
      for (const key of ['followUpWording', 'accentColour', 'logo'] as const) {
        const value = patch[key];
        if (value === undefined) continue;
        if (value === null || value === '') delete next[key];
        else (next as Record<string, unknown>)[key] = value;
      }
      const changed = Object.keys(patch).filter(
        (key) => JSON.stringify(before[key as keyof OrganisationSettings]) !== JSON.stringify(next[key as keyof OrganisationSettings]),
      );
      await saveSettings(db, organisationId, next, {
        at: deps.now(),
        action: 'settings_changed',
        userId: principal.userId,
        organisationId,
        targetType: 'organisation',
        targetId: organisationId,
        details: { changed, ...(patch.retentionDays !== undefined ? { retentionDays: next.retentionDays } : {}) },
      });
      // Forms carry the organisation's origins and look: drop the cached ones.
      deps.forms.forget();
      return settingsView(next);
    },

    /**
     * Posts a signed test to one of the organisation's webhooks (as a real alert is signed) and
     * says how it answered, so an admin knows the receiving end works before a flag depends on it.
     */
    async testWebhook(principal: Principal, organisationId: string, webhookUrl: string) {
      const organisation = await managed(principal, organisationId);
      const contact = organisation.settings.safeguardingContacts?.find((c) => c.webhookUrl === webhookUrl);
      if (!contact?.webhookUrl) throw validationFailed([{ field: 'webhookUrl', message: 'that is not one of this organisation’s webhooks: save it first' }]);
      try {
        await deps.alerts.postWebhook(contact.webhookUrl, contact.webhookSecret, {
          type: 'test',
          organisation: organisation.name,
          message: 'A test from hubvoice: safeguarding alerts will arrive like this, signed the same way.',
          sentAt: deps.now().toISOString(),
        });
        return { url: contact.webhookUrl, ok: true, message: 'It answered with success (2xx).' };
      } catch (error) {
        // fetch says only "fetch failed"; the reason (refused, no such host, timed out) is its cause.
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : '';
        return { url: contact.webhookUrl, ok: false, message: `${error instanceof Error ? error.message : String(error)}${cause}` };
      }
    },
  };
}
