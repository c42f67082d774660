import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppDeps } from '../deps';
import { openApiDocument } from '../openapi';

/**
 * `/api/openapi.json` and `/api/docs`, a readable page rendered from the same document (no CDN).
 * Both are built on first request and kept: building the document takes tens of milliseconds,
 * which every app start (every Workers isolate, every test app) would otherwise pay.
 */
export function docsRoutes(deps: AppDeps) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  let page: Promise<string> | undefined;
  const theDocument = () => (document ??= openApiDocument(deps.config.PUBLIC_URL));
  return new Hono()
    .get('/api/openapi.json', (c) => c.json(theDocument()))
    .get('/api/docs', async (c) => c.html(await (page ??= renderDocs(theDocument()))));
}

async function renderDocs(document: ReturnType<typeof openApiDocument>): Promise<string> {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
  );
  return String(await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hubvoice API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}
code,pre{font:14px ui-monospace,monospace}pre{background:#f3f2f1;padding:.75rem;overflow:auto}
section{border-top:1px solid #b1b4b6;padding:.5rem 0}.m{display:inline-block;min-width:4rem;font-weight:700}</style></head>
<body><h1>hubvoice API</h1><p>${document.info.description}</p><p><a href="/api/openapi.json">OpenAPI 3.1 document</a></p>
${operations.map(({ path, method, op }) => html`<section><h2><span class="m">${method}</span> <code>${path}</code></h2>
<p>${op.summary}</p>${op.description ? html`<p>${op.description}</p>` : ''}
${op.requestBody ? html`<h3>Request body</h3><pre>${JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</pre>` : ''}
<h3>Responses</h3><ul>${Object.entries(op.responses).map(([status, r]) => html`<li><strong>${status}</strong> ${raw(escapeAndCode(r.description))}</li>`)}</ul></section>`)}
</body></html>`);
}

interface Operation {
  summary: string;
  description?: string;
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string }>;
}

function escapeAndCode(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
