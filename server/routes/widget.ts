/**
 * The embeddable widget's script. `GET /widget.js` is the URL in embed snippets: served directly
 * (no redirect, so a slow phone makes one request, not two), revalidated by ETag after five
 * minutes so a new release reaches every site within minutes. `GET /widget/{hash}.js` is the
 * same bytes under a content-hashed name, immutable for a year, for sites that pin a version.
 * Any origin may load it; what it may read and post is decided per organisation (middleware/cors.ts).
 *
 * Browsers that accept gzip (all of them) get the bytes compressed at build time with zopfli,
 * smaller than compressing per request could make them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { widgetBundle } from '../../widget/widget-bundle.gen';
import type { WidgetBundle } from '../../widget/bundle-widget';
import { apiRoutes } from './api';

// A plain parameter, not a regex route: one regex route makes Hono fall back from its RegExpRouter
// to the slower TrieRouter for every request the app serves.
const HASHED = '/widget/:file';

export function widgetRoutes(bundle: WidgetBundle = widgetBundle) {
  const etag = `"${bundle.hash}"`;
  const gzipped = Uint8Array.from(atob(bundle.gzip), (ch) => ch.charCodeAt(0));
  const headers = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };

  const script = (c: Context, cacheControl: string): Response => {
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return new Response(bundle.code, { headers: { ...headers, 'Cache-Control': cacheControl } });
    // `encodeBody: 'manual'` tells Workers the body is already encoded; Node ignores it.
    return new Response(gzipped, { headers: { ...headers, 'Cache-Control': cacheControl, 'Content-Encoding': 'gzip' }, encodeBody: 'manual' } as ResponseInit);
  };

  const latest = createRoute({
    method: 'get',
    path: '/widget.js',
    tags: ['Widget'],
    summary: 'The embeddable survey widget (one file, gzip ≤ 10 KB); any origin may load it',
    description:
      'Embed with `<script src=".../widget.js" data-hubvoice="{code}" async></script>`. Revalidated by ETag; `/widget/{hash}.js` is the same file, immutable for a year.',
    responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } }, 304: { description: 'Not modified' } },
  });
  return apiRoutes()
    .openapi(latest, (c) => {
      const cacheControl = 'public, max-age=300, stale-while-revalidate=86400';
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl, 'Access-Control-Allow-Origin': '*' });
      return script(c, cacheControl);
    })
    .get(HASHED, (c) => {
      if (c.req.param('file') !== `${bundle.hash}.js`) return c.redirect('/widget.js', 302);
      return script(c, 'public, max-age=31536000, immutable');
    });
}
