import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, bundleModule } from '../widget/bundle-widget';
import { widgetBundle } from '../widget/widget-bundle.gen';
import { makeTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('widget.js', () => {
  it('is committed exactly as widget/embed.tsx builds now (run `npm run build:widget`)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../widget/widget-bundle.gen.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(bundleModule(await buildWidget()));
  });

  it('carries no zod and no server code, only what a browser needs', () => {
    expect(widgetBundle.code).not.toMatch(/ZodError|\$ZodType|drizzle|libsql|hono/i);
    expect(widgetBundle.code).toContain('attachShadow');
  });

  it('is served to any origin, revalidated by ETag, and gzipped', async () => {
    const response = await t.app.request('/widget.js', { headers: { origin: 'https://anywhere.example', 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const etag = response.headers.get('etag');
    expect(etag).toBe(`"${widgetBundle.hash}"`);
    const again = await t.app.request('/widget.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('is also served under its content hash, immutable for a year; an old hash goes to the current file', async () => {
    const pinned = await t.app.request(`/widget/${widgetBundle.hash}.js`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await pinned.text()).toBe(widgetBundle.code);
    const old = await t.app.request('/widget/0123456789ab.js');
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe('/widget.js');
  });

  it('is at most 10 KB as browsers download it, and unzips to exactly the script', async () => {
    const response = await t.app.request('/widget.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeLessThanOrEqual(10 * 1024);
    expect(gunzipSync(bytes).toString('utf8')).toBe(widgetBundle.code);
  });

  it('is sent unzipped to a client that does not accept gzip', async () => {
    const response = await t.app.request('/widget.js', { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(widgetBundle.code);
  });
});
