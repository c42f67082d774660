import { createRoute, z } from '@hono/zod-openapi';
import { LANGUAGES, negotiateLanguage } from '../../survey/translate';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { publicForm } from '../ingest';
import { formCors } from '../middleware/cors';
import { apiRoutes, errors, json } from './api';

const Place = z.object({ code: z.string(), name: z.string() });
const Option = z.object({ value: z.string(), label: z.string() });
/** The survey as a respondent sees it (survey/public-form.ts): one language, options spelled out. */
export const PublicForm = z
  .object({
    code: z.string(),
    site: Place,
    servicePoint: Place.nullable(),
    surveyId: z.string(),
    surveyVersion: z.number().int(),
    language: z.string(),
    dir: z.enum(['ltr', 'rtl']),
    title: z.string(),
    intro: z.string().optional(),
    thankYou: z.string().optional(),
    pages: z.array(z.object({ id: z.string(), title: z.string().optional(), questionIds: z.array(z.string()) })),
    questions: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        page: z.string(),
        title: z.string(),
        hint: z.string().optional(),
        required: z.boolean(),
        showIf: z.unknown().optional(),
        options: z.array(Option).optional(),
        rows: z.array(Option).optional(),
        style: z.enum(['stars', 'smileys']).optional(),
        maxLength: z.number().optional(),
        max: z.number().optional(),
        field: z.string().optional(),
        min: z.number().optional(),
        maxValue: z.number().optional(),
      }),
    ),
    /** The messages a client needs to validate and label in this language. */
    messages: z.record(z.string(), z.string()),
  })
  .openapi('PublicForm');

const FormCode = z.object({ code: z.string().max(64) });
const tags = ['Forms'];

/**
 * `GET /api/forms/{code}?lang=xx`: the public survey for a site or service point, resolved into one
 * language (explicit `lang`, else Accept-Language, else the site's default). Readable from the
 * origins the form's organisation allows (the embeddable widget).
 */
export function formRoutes(deps: AppDeps) {
  const cors = formCors({
    ownOrigin: new URL(deps.config.PUBLIC_URL).origin,
    methods: ['GET'],
    allowedOrigins: async (c) => (await deps.forms.find(c.req.param('code') ?? ''))?.allowedOrigins ?? null,
  });
  const preflight = createRoute({
    method: 'options',
    path: '/api/forms/{code}',
    tags,
    middleware: [cors],
    summary: 'CORS preflight for the widget',
    request: { params: z.object({ code: z.string() }) },
    responses: {
      204: { description: 'The origin is allowed by the form’s organisation (`Access-Control-Allow-*` headers)' },
      ...errors({ 403: 'The origin is not allowed', 404: 'Not a cross-origin preflight' }),
    },
  });
  const form = createRoute({
    method: 'get',
    path: '/api/forms/{code}',
    tags,
    middleware: [cors],
    summary: 'The public survey for a site or service point, in one language',
    description:
      'Readable from the origins in the organisation’s `settings.allowedOrigins` (`*`: any), for the widget. Without `lang`, the language is negotiated from `Accept-Language`, else the site’s default.',
    request: {
      params: FormCode,
      query: z.object({
        lang: z
          .string()
          .max(16)
          .optional()
          .openapi({ enum: LANGUAGES.map((l) => l.code), description: 'Any other value falls back to Accept-Language, then the site’s default' }),
      }),
    },
    responses: {
      200: json(PublicForm, 'Questions (`id`, `type`, `options[].value`), pages and messages'),
      ...errors({ 404: 'Unknown code', 422: 'A parameter is too long' }),
    },
  });
  return (
    apiRoutes()
      // The middleware answers every cross-origin preflight; anything else reaching here is not one.
      .openapi(preflight, (c) => c.notFound())
      .openapi(form, async (c) => {
        const { code } = c.req.valid('param');
        const target = await deps.forms.find(code);
        if (!target) throw notFound(`A form with the code "${code}"`);
        const language = negotiateLanguage(c.req.valid('query').lang, c.req.header('accept-language'), target.site.defaultLanguage);
        c.header('Cache-Control', 'public, max-age=60');
        c.header('Vary', 'Accept-Language', { append: true });
        return c.json(
          {
            code: target.code,
            site: { code: target.site.code, name: target.site.name },
            servicePoint: target.servicePoint && { code: target.servicePoint.code, name: target.servicePoint.name },
            ...publicForm(deps, target, language),
          },
          200,
        );
      })
  );
}
