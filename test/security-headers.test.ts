import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../server/security-headers';
import { makeCouncilApp } from './helpers/factories';

/** A page, JSON, a 201, a 422 and a 404, given a form code: every kind of answer carries the whole list. */
const REQUESTS: [string, (code: string) => { path: string; body?: unknown }][] = [
  ['a feedback page', (code) => ({ path: `/f/${code}` })],
  ['/health', () => ({ path: '/health' })],
  ['a stored response', (code) => ({ path: '/api/responses', body: { code, channel: 'qr', idempotencyKey: 'security-headers-1', answers: { fft: 'good' } } })],
  ['an invalid response', (code) => ({ path: '/api/responses', body: { code, idempotencyKey: 'security-headers-2', answers: { fft: 'splendid' } } })],
  ['nothing there', () => ({ path: '/no/such/page' })],
];

describe('security headers through the app (Workers, tests)', () => {
  it.each(REQUESTS)('%s carries every one', async (_, request) => {
    const t = await makeCouncilApp();
    const { path, body } = request(t.council.sites.dun.code);
    try {
      const { headers } = await t.json(path, body === undefined ? {} : { body });
      for (const [name, value] of SECURITY_HEADERS) expect(headers.get(name), name).toBe(value);
      expect(headers.get('cross-origin-resource-policy')).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('lets a page run only its own built scripts: every inline script on a kiosk form is hashed in the policy, and nothing else is allowed inline', async () => {
    const t = await makeCouncilApp();
    try {
      const response = await t.app.request(`/f/${t.council.sites.dun.code}?kiosk=1`);
      const policy = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(scriptSrc).not.toContain('unsafe-eval');
      const html = await response.text();
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(0);
      for (const code of inline) {
        const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code))).toString('base64');
        expect(scriptSrc, 'an inline script the policy would block').toContain(`'sha256-${digest}'`);
      }
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
    } finally {
      await t.close();
    }
  });
});
