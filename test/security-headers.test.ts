import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../server/security-headers';
import { makeTestApp } from './helpers/app';

/** A page, JSON, a 201, a 422 and a 404: every kind of answer carries the whole list. */
const REQUESTS: [string, { path: string; body?: unknown }][] = [
  ['a feedback page', { path: '/f/pla' }],
  ['/health', { path: '/health' }],
  ['a stored response', { path: '/api/responses', body: { code: 'pla', channel: 'qr', idempotencyKey: 'security-headers-1', answers: { fft: 'good' } } }],
  ['an invalid response', { path: '/api/responses', body: { code: 'pla', idempotencyKey: 'security-headers-2', answers: { fft: 'splendid' } } }],
  ['nothing there', { path: '/no/such/page' }],
];

describe('security headers through the app (Workers, tests)', () => {
  it.each(REQUESTS)('%s carries every one', async (_, { path, body }) => {
    const t = await makeTestApp();
    try {
      const { headers } = await t.json(path, body === undefined ? {} : { body });
      for (const [name, value] of SECURITY_HEADERS) expect(headers.get(name), name).toBe(value);
      expect(headers.get('cross-origin-resource-policy')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
