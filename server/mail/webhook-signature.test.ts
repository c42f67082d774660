import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  it("matches the Standard Webhooks specification's own worked example", async () => {
    expect(await webhookSignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs the id, the timestamp and the body, so changing any of them breaks the signature', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = await signWebhook(secret, '{"a":1}', new Date('2026-12-05T00:00:00Z'));
    expect(headers['webhook-timestamp']).toBe('1796428800');
    const again = (id: string, t: number, body: string) => webhookSignature(secret, id, t, body);
    expect(await again(headers['webhook-id']!, 1796428800, '{"a":1}')).toBe(headers['webhook-signature']);
    expect(await again(headers['webhook-id']!, 1796428801, '{"a":1}')).not.toBe(headers['webhook-signature']);
    expect(await again(headers['webhook-id']!, 1796428800, '{"a":2}')).not.toBe(headers['webhook-signature']);
  });
});
