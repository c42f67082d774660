/**
 * An organisation's settings for its admins: `GET|PATCH /api/organisations/{id}/settings` and
 * `POST /api/organisations/{id}/settings/webhook-test`. The rules (whose, what is allowed, the
 * contrast check, webhook secrets) are in server/services/settings.ts; the page is /settings.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { SettingsPatch } from '../services/settings';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const tags = ['Organisation settings'];
const Id = z.object({ id: z.string() });

export const Settings = z
  .object({
    safeguardingContacts: z.array(
      z.object({ name: z.string().optional(), email: z.string().optional(), webhookUrl: z.string().optional(), webhookSecret: z.string().optional() }),
    ),
    allowedOrigins: z.array(z.string()),
    retentionDays: z.number().int(),
    followUpWording: z.string().nullable(),
    accentColour: z.string().nullable(),
    logo: z.object({ type: z.string(), bytes: z.number().int() }).nullable(),
  })
  .openapi('OrganisationSettings');

const WEBHOOKS = `Webhook requests are signed the Standard Webhooks way: headers \`webhook-id\`, \`webhook-timestamp\` (seconds) and \`webhook-signature\` (\`v1,\` + base64 HMAC-SHA256 of \`{id}.{timestamp}.{body}\`, keyed with the bytes of the contact's \`webhookSecret\` after \`whsec_\`). A contact given a new webhook address without a secret gets a new one; the same address keeps its secret.`;

export function organisationSettingsRoutes(deps: AppDeps) {
  const { settings } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'settings.manage')] };
  const read = createRoute({
    ...common,
    method: 'get',
    path: '/api/organisations/{id}/settings',
    summary: 'An organisation’s settings',
    description: `Safeguarding contacts (with their webhook signing secrets), the sites allowed to embed the widget, retention, the follow-up wording, the accent colour and logo. \`publicUrlIsLocal\` is true while PUBLIC_URL is a localhost address, which a phone cannot reach. ${WEBHOOKS}`,
    request: { params: Id },
    responses: {
      200: json(
        z.object({ organisation: z.object({ id: z.string(), name: z.string() }), settings: Settings, publicUrl: z.string(), publicUrlIsLocal: z.boolean() }),
        'The settings',
      ),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such organisation you administer' }),
    },
  });
  const update = createRoute({
    ...common,
    method: 'patch',
    path: '/api/organisations/{id}/settings',
    summary: 'Change some of an organisation’s settings; what is left out stays',
    description: `\`null\` clears the follow-up wording, accent colour or logo (\`{ type, base64 }\`, PNG, JPEG or SVG, up to 100 KB). An accent colour is refused unless it has at least 4.5:1 contrast with white (WCAG AA), since buttons carry white text on it. ${WEBHOOKS}`,
    request: { params: Id, body: body(SettingsPatch, 'The settings to change') },
    responses: {
      200: json(Settings, 'The settings now'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such organisation you administer', 422: 'A setting is invalid, or the accent colour fails WCAG AA' }),
    },
  });
  const test = createRoute({
    ...common,
    method: 'post',
    path: '/api/organisations/{id}/settings/webhook-test',
    summary: 'Send a signed test request to one of the organisation’s safeguarding webhooks',
    request: { params: Id, body: body(z.object({ webhookUrl: z.string() }), 'The webhook’s address, as saved') },
    responses: {
      200: json(z.object({ url: z.string(), ok: z.boolean(), message: z.string() }), 'How the webhook answered'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such organisation you administer', 422: 'Not one of its webhooks' }),
    },
  });
  return apiRoutes()
    .openapi(read, async (c) => c.json(await settings.get(c.var.principal, c.req.valid('param').id), 200))
    .openapi(update, async (c) => c.json(await settings.update(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(test, async (c) => c.json(await settings.testWebhook(c.var.principal, c.req.valid('param').id, c.req.valid('json').webhookUrl), 200));
}
