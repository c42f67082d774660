import { describe, expect, it } from 'vitest';
import { expectErrorShape, makeTestApp } from './helpers/app';

describe('GET /health', () => {
  it('answers ok when the store answers', async () => {
    const t = await makeTestApp({ SEED: 'none' });
    const response = await t.json('/health');
    expect(response).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok' } });
    await t.close();
  });

  it('answers 503 with "db":"down" and the error shape when the store fails', async () => {
    const t = await makeTestApp({ SEED: 'none' });
    try {
      t.store.client.close();
      const response = await t.json('/health');
      expect(response.status).toBe(503);
      expectErrorShape(response.body);
      expect(response.body).toMatchObject({ db: 'down', error: { code: 'unavailable' } });
    } finally {
      await t.close();
    }
  });
});

describe('SEED=none', () => {
  it('starts with no demo council', async () => {
    const t = await makeTestApp({ SEED: 'none' });
    const response = await t.json('/api/sites', { token: await t.login() });
    expect(response.body).toEqual([]);
    await t.close();
  });
});
