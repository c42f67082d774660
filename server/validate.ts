/**
 * `@hono/zod-validator` with hubvoice's error shape: a failed check is a 422 naming each field.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { $ZodError } from 'zod/v4/core';
import { validationFailed, type FieldError } from './errors';

export function fieldErrors(error: $ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
    code: issue.code,
  }));
}

export function valid<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationFailed(fieldErrors(result.error));
  });
}
