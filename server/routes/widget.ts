/**
 * The embeddable widget's script. `GET /widget.js` is the URL in embed snippets: served directly
 * (no redirect, so a slow phone makes one request, not two), revalidated by ETag after five
 * minutes so a new release reaches every site within minutes. `GET /widget.{hash}.js` is the
 * same bytes under a content-hashed name, immutable for a year, for sites that pin a version.
 * Any origin may load it; what it may read and post is decided per organisation (middleware/cors.ts).
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { widgetBundle } from '../../widget/widget-bundle.gen';

const HASHED = '/:file{widget\\.[0-9a-f]{6,64}\\.js}';

export function widgetRoutes(bundle: { code: string; hash: string } = widgetBundle) {
  const etag = `"${bundle.hash}"`;
  const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Access-Control-Allow-Origin': '*', ETag: etag, 'X-Content-Type-Options': 'nosniff' };
  return new Hono()
    .use('/widget.js', compress())
    .use(HASHED, compress())
    .get('/widget.js', (c) => {
      const cacheControl = 'public, max-age=300, stale-while-revalidate=86400';
      // compress() weakens the tag (W/"…") when it gzips; either form names these bytes.
      if (c.req.header('if-none-match')?.replace(/^W\//, '') === etag) return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl, 'Access-Control-Allow-Origin': '*' });
      return c.body(bundle.code, 200, { ...headers, 'Cache-Control': cacheControl });
    })
    .get(HASHED, (c) => {
      if (c.req.param('file') !== `widget.${bundle.hash}.js`) return c.redirect('/widget.js', 302);
      return c.body(bundle.code, 200, { ...headers, 'Cache-Control': 'public, max-age=31536000, immutable' });
    });
}
