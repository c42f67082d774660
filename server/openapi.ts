/**
 * The OpenAPI 3.1 document, generated from the routes themselves (each declared with `createRoute`,
 * its request and response schemas beside it), so it cannot drift from what the app serves;
 * test/openapi-coverage.test.ts fails when an `/api` route is missing from it.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps';

export type ApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

export function openApiDocument(app: OpenAPIHono<AppEnv>, publicUrl: string): ApiDocument {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'hubvoice API',
      version: '0.1.0',
      description:
        'Feedback and lived experience for Family Hubs. Every 4xx/5xx has the body `{ error: { code, message, details? } }`; a 422 names each bad field in `details[].field`. A JSON body sent under another Content-Type is refused with a 415.',
    },
    servers: [{ url: publicUrl }],
  });
}

/** Registers the two ways to be signed in that `security` in the routes refers to. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token `POST /api/auth/login` returns',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'hubvoice_session',
    description: 'The HttpOnly cookie `POST /api/auth/login` sets',
  });
}
