/**
 * One error shape for every 4xx and 5xx: `{ error: { code, message, details? } }`. Handlers throw
 * `ApiError`; `onError` maps it (and anything unexpected, which becomes a logged generic 500).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every error code the API answers with, as a typed union: a client can switch on `error.code`
 * knowing the list is complete. A new code is added here first.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'payload_too_large',
  'validation_failed',
  'invalid_model',
  'too_many_attempts',
  'rate_limited',
  'origin_not_allowed',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldError[] };
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(status, { message });
  }
}

export const notFound = (what = 'That page') => new ApiError(404, 'not_found', `${what} was not found.`);
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to continue.');
export const forbidden = () => new ApiError(403, 'forbidden', 'Your account cannot see this.');

/** A 422 whose message names the first bad field and whose details name them all. */
export function validationFailed(details: FieldError[]): ApiError {
  const first = details[0];
  const message = first ? `${first.field}: ${first.message}` : 'The request is not valid.';
  return new ApiError(422, 'validation_failed', message, details);
}

export function errorBody(code: ErrorCode, message: string, details?: FieldError[]): ErrorBody {
  return { error: { code, message, ...(details?.length ? { details } : {}) } };
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status < 500 ? 'bad_request' : 'internal';
    return c.json(errorBody(code, error.message || 'The request could not be handled.'), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, error);
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500);
}
