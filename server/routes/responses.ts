import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CHANNELS, RESPONDENT_ROLES } from '../../survey/respondents';
import type { AppDeps } from '../deps';
import { bodySize } from '../middleware/body-size';
import { formCors } from '../middleware/cors';
import { ApiError, errorBody, validationFailed } from '../errors';
import { ingest } from '../ingest';
import { rateLimit, submissionRules, type SubmissionCounters } from '../middleware/rate-limit';
import { valid } from '../validate';

export const ResponseSubmission = z.object({
  code: z.string().min(1, 'enter the form code').max(64),
  answers: z.record(z.string(), z.unknown()),
  language: z.string().max(16).optional(),
  channel: z.enum(CHANNELS).default('api'),
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
  return new Hono().options('/api/responses', cors).post(
    '/api/responses',
    bodySize(64 * 1024, () => { throw new ApiError(413, 'payload_too_large', 'The response is too large to accept.'); }),
    cors,
    rateLimit({
      rules: submissionRules(counters, submittedCode),
      now: () => deps.now().getTime(),
      onLimited: (c, seconds) =>
        c.json(errorBody('rate_limited', `Too many responses from here in the last minute. Please try again in ${seconds} seconds.`), 429),
    }),
    valid('json', ResponseSubmission),
    async (c) => {
      const submission = c.req.valid('json');
      const result = await ingest(deps, submission);
      if (result.ok) return c.json({ id: result.id, ...(result.support && { support: result.support }) }, result.created ? 201 : 200);
      if (result.reason === 'unknown_code') {
        throw validationFailed([{ field: 'code', message: `no form has the code "${submission.code}"`, code: 'unknown_code' }]);
      }
      throw validationFailed(result.errors.map(({ field, message, code }) => ({ field, message, code })));
    },
  );
}
