/**
 * GOV.UK Notify for panel messages (email and text message templates). On Workers, and anywhere
 * the official client cannot run, this speaks Notify's documented HTTP API itself: each request
 * carries `Authorization: Bearer {JWT}`, signed HS256 with the key's secret, `iss` the service id
 * and `iat` now in seconds (server/notify-node.ts is the official client, used on Node).
 */
export interface NotifyMessage {
  /** Exactly one of email or phone. */
  email?: string | undefined;
  phone?: string | undefined;
  subject: string;
  body: string;
  /** Notify's one-click unsubscribe link for email (RFC 8058). */
  unsubscribeUrl?: string | undefined;
  reference: string;
}

export interface NotifySender {
  send(message: NotifyMessage): Promise<void>;
}

export interface NotifySettings {
  apiKey: string;
  baseUrl: string;
  emailTemplateId: string;
  smsTemplateId: string;
}

/** The service id and secret inside an API key `{name}-{service id}-{secret}` (both uuids). */
export function parseNotifyKey(apiKey: string): { serviceId: string; secret: string } {
  return { serviceId: apiKey.slice(-73, -37), secret: apiKey.slice(-36) };
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const b64json = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

/** An HS256 JWT for Notify, through Web Crypto. */
export async function notifyJwt(apiKey: string, nowSeconds: number): Promise<string> {
  const { serviceId, secret } = parseNotifyKey(apiKey);
  const unsigned = `${b64json({ typ: 'JWT', alg: 'HS256' })}.${b64json({ iss: serviceId, iat: nowSeconds })}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned)));
  return `${unsigned}.${b64url(signature)}`;
}

/** The request body Notify's API takes for a message (the official client sends the same). */
export function notifyPayload(settings: Pick<NotifySettings, 'emailTemplateId' | 'smsTemplateId'>, message: NotifyMessage) {
  if (message.email) {
    return {
      path: '/v2/notifications/email',
      body: {
        email_address: message.email,
        template_id: settings.emailTemplateId,
        personalisation: { subject: message.subject, body: message.body },
        reference: message.reference,
        ...(message.unsubscribeUrl ? { one_click_unsubscribe_url: message.unsubscribeUrl } : {}),
      },
    };
  }
  return {
    path: '/v2/notifications/sms',
    body: { phone_number: message.phone, template_id: settings.smsTemplateId, personalisation: { body: message.body }, reference: message.reference },
  };
}

export class NotifyError extends Error {
  override name = 'NotifyError';
}

/** Notify over plain fetch (Workers, or Node without the client). */
export function notifyHttp(settings: NotifySettings, fetcher: typeof fetch = fetch, now: () => number = Date.now): NotifySender {
  return {
    async send(message) {
      const { path, body } = notifyPayload(settings, message);
      const response = await fetcher(`${settings.baseUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await notifyJwt(settings.apiKey, Math.floor(now() / 1000))}`,
          'user-agent': 'hubvoice',
        },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new NotifyError(`GOV.UK Notify answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    },
  };
}

/** Notify's settings from config, or null when it is not configured. */
export function notifySettings(config: {
  NOTIFY_API_KEY?: string | undefined;
  NOTIFY_BASE_URL: string;
  NOTIFY_EMAIL_TEMPLATE_ID?: string | undefined;
  NOTIFY_SMS_TEMPLATE_ID?: string | undefined;
}): NotifySettings | null {
  if (!config.NOTIFY_API_KEY) return null;
  return {
    apiKey: config.NOTIFY_API_KEY,
    baseUrl: config.NOTIFY_BASE_URL,
    emailTemplateId: config.NOTIFY_EMAIL_TEMPLATE_ID ?? '',
    smsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID ?? '',
  };
}
