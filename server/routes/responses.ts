import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CHANNELS, RESPONDENT_ROLES } from '../../survey/respondents';
import type { AppDeps } from '../deps';
import { bodySize } from '../middleware/body-size';
import { formCors } from '../middleware/cors';
import { ApiError, errorBody, validationFailed } from '../errors';
import { ingest } from '../ingest';
import { isLanguage } from '../../survey/translate';
import { widgetThanks } from '../widget-thanks';
import { rateLimit, submissionRules, type SubmissionCounters } from '../middleware/rate-limit';
import { apiRoutes, body, errors, json } from './api';

/**
 * Channels an anonymous caller may claim. `paper` is keyed in by signed-in staff and `panel` comes
 * only through a member's personal link, so neither can be claimed here.
 */
export const PUBLIC_CHANNELS = CHANNELS.filter((c) => c !== 'paper' && c !== 'panel') as ['qr', 'widget', 'kiosk', 'api'];

export const ResponseSubmission = z.object({
  code: z.string().min(1, 'enter the form code').max(64),
  answers: z.record(z.string(), z.unknown()),
  language: z.string().max(16).optional(),
  channel: z
    .enum(PUBLIC_CHANNELS, { error: 'use qr, widget, kiosk or api: paper and panel answers come only from staff entry and personal links' })
    .default('api'),
  idempotencyKey: z.string().min(8, 'use a random key of at least 8 characters').max(128),
  respondentRole: z.enum(RESPONDENT_ROLES).optional(),
});

const codes = new WeakMap<Context, Promise<string | undefined>>();

/**
 * The form code a submission names, read from its JSON once per request: CORS and both rate-limit
 * rules need it before the validator runs, and hono re-parses the body on every c.req.json().
 */
function submittedCode(c: Context): Promise<string | undefined> {
  let code = codes.get(c);
  if (!code) {
    code = c.req.json().then(
      (body: unknown) => (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string' ? body.code.toLowerCase() : undefined),
      () => undefined,
    );
    codes.set(c, code);
  }
  return code;
}

/** Help to show after a possible disclosure (survey/support.ts), in the respondent's language; absent otherwise. */
export const SupportBox = z
  .object({
    kind: z.enum(['child', 'adult']),
    title: z.string(),
    intro: z.string(),
    lines: z.array(z.object({ name: z.string(), number: z.string(), note: z.string(), href: z.string() })),
  })
  .openapi('Support');
/** What the widget shows after sending, ready to draw (server/widget-thanks.ts). */
export const WidgetThanks = z
  .object({
    title: z.string(),
    paragraphs: z.array(
      z.object({
        text: z.string(),
        label: z.string().optional(),
        lang: z.string().optional().openapi({ description: 'Set where the text is in another language than the form (English, untranslated)' }),
        href: z.string().optional(),
        heading: z.boolean().optional(),
      }),
    ),
  })
  .openapi('WidgetThanks');
export const StoredResponse = z
  .object({
    id: z.string(),
    support: SupportBox.optional(),
    /** What changed in what was given, in the respondent's language: a full postcode kept only as its district. */
    notices: z.array(z.string()).optional(),
    thanks: WidgetThanks.optional().openapi({ description: 'Channel `widget` only: the thank-you to show, with the place’s latest “You said, we did”' }),
  })
  .openapi('StoredResponse');

/**
 * `POST /api/responses`: 201 `{ id }` once the response is durably committed; the same
 * idempotency key again answers 200 with the same id; invalid answers are a 422 naming each question.
 */
export function responseRoutes(deps: AppDeps, counters: SubmissionCounters) {
  // After the body limit, so a refused origin cannot make us read an unbounded body to learn its code.
  const cors = formCors({
    ownOrigin: new URL(deps.config.PUBLIC_URL).origin,
    methods: ['POST'],
    allowedOrigins: async (c) => {
      if (c.req.method === 'OPTIONS') return deps.forms.anyAllowedOrigins();
      const code = await submittedCode(c);
      return (code && (await deps.forms.find(code))?.allowedOrigins) || null;
    },
  });
  const tags = ['Responses'];
  const preflight = createRoute({
    method: 'options',
    path: '/api/responses',
    tags,
    middleware: [cors],
    summary: 'CORS preflight for the widget and embedded forms',
    responses: {
      204: {
        description: 'The origin is allowed by some organisation (`Access-Control-Allow-*` headers); the submission itself is checked against its form’s',
      },
      ...errors({ 403: 'No organisation allows the origin', 404: 'Not a cross-origin preflight' }),
    },
  });
  const submit = createRoute({
    method: 'post',
    path: '/api/responses',
    tags,
    summary: 'Submit a response (every channel)',
    description:
      '201 once durably committed; the same `idempotencyKey` again answers 200 with the same id. From another origin, only those the form’s organisation allows (preflight answered; others get a 403 and nothing is stored).',
    middleware: [
      bodySize(64 * 1024, () => {
        throw new ApiError(413, 'payload_too_large', 'The response is too large to accept.');
      }),
      cors,
      rateLimit({
        rules: submissionRules(counters, submittedCode),
        now: () => deps.now().getTime(),
        // A flood far over its limit is answered a second late, so it cannot crowd out families.
        slowDownMs: 1000,
        onLimited: (c, seconds) =>
          c.json(errorBody('rate_limited', `Too many responses from here in the last minute. Please try again in ${seconds} seconds.`), 429),
      }),
    ],
    request: { body: body(ResponseSubmission, 'The answers, by question id') },
    responses: {
      201: json(StoredResponse, 'Stored'),
      200: json(StoredResponse, 'Already stored under this key'),
      ...errors({
        403: 'The page’s origin is not allowed by the form’s organisation',
        413: 'The body is over 64 KB',
        409: 'The idempotencyKey was used before with other answers: send again with a new key',
        422: 'An answer is invalid, or no form has the code; `details[].field` names it',
        429: 'Too many responses from this address or to this form in the last minute',
      }),
    },
  });
  return (
    apiRoutes()
      // The middleware answers every cross-origin preflight; anything else reaching here is not one.
      .openapi(preflight, (c) => c.notFound())
      .openapi(submit, async (c) => {
        const submission = c.req.valid('json');
        const result = await ingest(deps, submission);
        if (result.ok) {
          // Only the widget draws it; other channels (the kiosk goes to the thank-you page) skip the read.
          const target = submission.channel === 'widget' ? await deps.forms.find(submission.code) : null;
          const language = submission.language && isLanguage(submission.language) ? submission.language : 'en';
          const thanks = target ? await widgetThanks(deps, target, language, result.support) : undefined;
          const notices = result.notices.length ? { notices: result.notices.map((n) => n.message) } : {};
          return c.json(
            { id: result.id, ...(result.support && { support: result.support }), ...notices, ...(thanks && { thanks }) },
            result.created ? 201 : 200,
          );
        }
        if (result.reason === 'conflict') {
          throw new ApiError(409, 'conflict', 'This idempotencyKey was already used for other answers. Send these answers again with a new key.', [
            { field: 'idempotencyKey', message: 'already used for other answers: use a new key', code: 'key_reused' },
          ]);
        }
        if (result.reason === 'unknown_code') {
          throw validationFailed([{ field: 'code', message: `no form has the code "${submission.code}"`, code: 'unknown_code' }]);
        }
        throw validationFailed(result.errors.map(({ field, message, code }) => ({ field, message, code })));
      })
  );
}
