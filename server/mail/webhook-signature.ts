/**
 * Signing webhook requests the Standard Webhooks way (standardwebhooks.com, the convention Svix and
 * others follow; Stripe's `t=…,v1=…` is the same idea): three headers,
 *
 *   webhook-id:        a unique id for this delivery (the receiver drops repeats)
 *   webhook-timestamp: seconds since 1970 (the receiver refuses one more than 5 minutes off)
 *   webhook-signature: `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`
 *
 * keyed with the secret's bytes (`whsec_` + base64). The timestamp is inside the signed text, so a
 * captured request cannot be replayed later with a new time. Web Crypto, so Node and Workers agree.
 */
import { randomSecret, toBase64 } from '../auth/password';

const encoder = new TextEncoder();
const PREFIX = 'whsec_';

/** A new signing secret, `whsec_` + 24 random bytes in base64, shown to the admin who adds a webhook. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(24)));
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const text = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}

/**
 * The signature for one delivery.
 *
 * @example
 * await webhookSignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')
 * // 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' (the Standard Webhooks specification's own example)
 */
export async function webhookSignature(secret: string, id: string, timestampSeconds: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestampSeconds}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers for a request with this body, sent now. */
export async function signWebhook(secret: string, body: string, now: Date): Promise<Record<string, string>> {
  const id = `msg_${randomSecret(18)}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': await webhookSignature(secret, id, timestamp, body) };
}
