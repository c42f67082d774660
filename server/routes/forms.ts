import { Hono } from 'hono';
import { z } from 'zod';
import { negotiateLanguage } from '../../survey/translate';
import type { AppDeps } from '../deps';
import { formCors } from '../middleware/cors';
import { notFound } from '../errors';
import { publicForm } from '../ingest';
import { valid } from '../validate';

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
  return new Hono().options('/api/forms/:code', cors).get(
    '/api/forms/:code',
    cors,
    valid('param', z.object({ code: z.string().max(64) })),
    valid('query', z.object({ lang: z.string().max(16).optional() })),
    async (c) => {
      const { code } = c.req.valid('param');
      const target = await deps.forms.find(code);
      if (!target) throw notFound(`A form with the code "${code}"`);
      const language = negotiateLanguage(c.req.valid('query').lang, c.req.header('accept-language'), target.site.defaultLanguage);
      c.header('Cache-Control', 'public, max-age=60');
      c.header('Vary', 'Accept-Language', { append: true });
      return c.json({
        code: target.code,
        site: { code: target.site.code, name: target.site.name },
        servicePoint: target.servicePoint && { code: target.servicePoint.code, name: target.servicePoint.name },
        ...publicForm(deps, target, language),
      });
    },
  );
}
