import { createRoute, z } from '@hono/zod-openapi';
import { html, raw } from 'hono/html';
import type { ApiDocument } from '../openapi';
import { apiRoutes, json } from './api';

/**
 * `/api/openapi.json` and `/api/docs`, a readable page rendered from the same document (no CDN).
 * Both are built on first request and kept: building the document takes tens of milliseconds,
 * which every app start (every Workers isolate, every test app) would otherwise pay.
 *
 * @param describe Builds the document from the whole app's routes; called once, on first request.
 */
const OpenApiObject = z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });

export function docsRoutes(describe: () => ApiDocument) {
  let document: ApiDocument | undefined;
  let page: Promise<string> | undefined;
  const theDocument = () => (document ??= describe());
  const documentRoute = createRoute({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['Documentation'],
    summary: 'This document',
    responses: { 200: json(OpenApiObject, 'OpenAPI 3.1') },
  });
  const pageRoute = createRoute({
    method: 'get',
    path: '/api/docs',
    tags: ['Documentation'],
    summary: 'This document as a readable page',
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
  });
  return (
    apiRoutes()
      // The generator types every field as optional and wider than JSON; the schema says what it holds.
      .openapi(documentRoute, (c) => c.json(theDocument() as unknown as z.infer<typeof OpenApiObject>, 200))
      .openapi(pageRoute, async (c) => c.html(await (page ??= renderDocs(theDocument()))))
  );
}

async function renderDocs(document: ApiDocument): Promise<string> {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return String(
    await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hubvoice API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}
code,pre{font:14px ui-monospace,monospace}pre{background:#f3f2f1;padding:.75rem;overflow:auto}
section{border-top:1px solid #b1b4b6;padding:.5rem 0}.m{display:inline-block;min-width:4rem;font-weight:700}</style></head>
<body><h1>hubvoice API</h1><p>${raw(escapeAndCode(document.info.description ?? ''))}</p><p><a href="/api/openapi.json">OpenAPI 3.1 document</a></p>
${operations.map(
  ({ path, method, op }) => html`<section><h2><span class="m">${method}</span> <code>${path}</code></h2>
<p>${op.summary}</p>${op.description ? html`<p>${raw(escapeAndCode(op.description))}</p>` : ''}${op.security ? html`<p>Signed in (bearer token or session cookie).</p>` : ''}
${op.parameters?.length ? html`<h3>Parameters</h3><ul>${op.parameters.map((p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''})</li>`)}</ul>` : ''}
${op.requestBody?.content['application/json'] ? html`<h3>Request body</h3><pre>${JSON.stringify(resolve(document, op.requestBody.content['application/json'].schema), null, 2)}</pre>` : ''}
<h3>Responses</h3><ul>${Object.entries(op.responses).map(([status, r]) => html`<li><strong>${status}</strong> ${bodyName(r)} ${raw(escapeAndCode(r.description))}</li>`)}</ul></section>`,
)}
${Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => html`<section id="${name}"><h2>${name}</h2><pre>${JSON.stringify(schema, null, 2)}</pre></section>`)}
</body></html>`,
  );
}

interface Operation {
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

/** A response body by its schema's name (linked below), `Name[]` for a list of them, or `JSON`. */
function bodyName(response: Operation['responses'][string]) {
  const schema = response.content?.['application/json']?.schema as { $ref?: string; type?: string; items?: { $ref?: string } } | undefined;
  if (!schema) return '';
  const name = (ref?: string) => ref?.split('/').pop();
  const one = name(schema.$ref);
  const many = schema.type === 'array' ? name(schema.items?.$ref) : undefined;
  if (one) return html`<a href="#${one}"><code>${one}</code></a>`;
  if (many) return html`<a href="#${many}"><code>${many}[]</code></a>`;
  return html`<code>JSON</code>`;
}

/** A body schema with a top-level `$ref` to a named component shown as the component itself. */
function resolve(document: ApiDocument, schema: unknown): unknown {
  const ref = (schema as { $ref?: string } | undefined)?.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
  return ref ? document.components?.schemas?.[ref] : schema;
}

function escapeAndCode(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
