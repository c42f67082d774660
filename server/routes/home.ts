import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppDeps } from '../deps';

/** `/`: where a person who opened the server's URL can go next: staff to sign in, developers to the API. */
export function homeRoutes(_deps: AppDeps) {
  return new Hono().get('/', (c) =>
    c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>hubvoice</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#0b0c0c}a{color:#1d70b8}</style></head>
<body><main><h1>hubvoice</h1><p>Feedback and lived experience for Family Hubs.</p>
<h2>For staff</h2><ul><li><a href="/dashboard">Dashboard</a> for commissioners and providers</li><li><a href="/safeguarding">Safeguarding flags</a> for safeguarding leads</li><li><a href="/sign-in">Sign in</a></li></ul>
<h2>For developers</h2><ul><li><a href="/api/docs">API documentation</a></li><li><a href="/api/forms/dvp">A demo survey as JSON</a></li><li><a href="/health">Health</a></li></ul>
</main></body></html>`),
  );
}
