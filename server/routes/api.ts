/**
 * What every JSON API route shares: an `OpenAPIHono` whose validation failures are the house's 422
 * (`details[].field` names each field, as server/validate.ts does for the pages), the one error
 * shape as a schema, and the security a signed-in route documents. Routes are declared with
 * `createRoute`, so `/api/openapi.json` is generated from what the app serves (server/openapi.ts).
 */
import { OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { ERROR_CODES, validationFailed } from '../errors';
import { fieldErrors } from '../validate';

// biome-ignore lint/suspicious/noExplicitAny: the hook sees every route's input, whatever its schema.
const rejectInvalid: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationFailed(fieldErrors(result.error));
};

/** One resource's routes; `createApp` mounts it, and its definitions join the app's document. */
export const apiRoutes = () => new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalid });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    }),
  })
  .openapi('Error');

/** Either a bearer token (`POST /api/auth/login` returns one) or the session cookie it also sets. */
export const signedIn: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

export const json = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON body. */
export const body = <Schema extends z.ZodType>(schema: Schema, description: string) => ({ required: true, ...json(schema, description) });

/** Error responses, each in the one error shape: `{ 401: 'Not signed in', ... }`. */
export function errors<Status extends number>(descriptions: Record<Status, string>) {
  return Object.fromEntries(Object.entries(descriptions).map(([status, description]) => [status, json(ErrorBody, description as string)])) as Record<
    Status,
    ReturnType<typeof json<typeof ErrorBody>>
  >;
}

/** The errors every signed-in route can answer before its handler runs. */
export const SIGNED_IN_ERRORS = { 401: 'Not signed in', 403: 'Your roles do not allow this' } as const;
