/**
 * The OpenAPI 3.1 document, built from the same zod schemas the routes validate with (zod's
 * JSON Schema output is the 2020-12 dialect OpenAPI 3.1 uses), so the docs cannot drift.
 */
import { z } from 'zod';
import { LoginRequest, PasswordChange } from './routes/auth';
import { LANGUAGES } from '../survey/translate';
import { EquityQuery, SatisfactionQuery, ThemesQuery, TrendsQuery } from './reports';
import { ResponseSubmission } from './routes/responses';
import { FlagReview } from './services/flags';
import { CommentsQuery, Correction } from './routes/themes';
import { NewAccount, NewAssignment } from './routes/users';
import { CreateSurvey, NewSurveyVersion, SurveyAssignment } from './routes/surveys';

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});
const error = (description: string) => json(ErrorBody, description);

/** Query parameters from a zod object, so the documented filters are the validated ones. */
function queryParameters(schema: z.ZodObject) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name, in: 'query', required: jsonSchema.required?.includes(name) ?? false, schema: property,
  }));
}

const signedIn = [{ bearer: [] }, { cookie: [] }];

function report(summary: string, schema: z.ZodObject, description: string) {
  return {
    get: {
      summary, description, security: signedIn, parameters: queryParameters(schema),
      responses: { 200: { description: 'The report' }, 401: error('Not signed in'), 422: error('A parameter is invalid; `details[].field` names it') },
    },
  };
}

export function openApiDocument(publicUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'hubvoice API',
      version: '0.1.0',
      description: 'Feedback and lived experience for Family Hubs. Every 4xx/5xx has the body `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: publicUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'hubvoice_session' } } },
    paths: {
      '/health': {
        get: { summary: 'Service and database health', responses: { 200: { description: '`{"status":"ok","db":"ok"}`' }, 503: error('The database is down (`"db":"down"`)') } },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in',
          description: 'Sets an HttpOnly session cookie and returns the same token for `Authorization: Bearer`.',
          requestBody: { required: true, ...json(LoginRequest, 'Email and password') },
          responses: { 200: { description: '`{ token, expiresAt }`' }, 401: error('Wrong email or password'), 422: error('A field is missing or malformed') },
        },
      },
      '/api/auth/password': {
        post: {
          summary: 'Change your password (ends your other sessions)',
          security: signedIn,
          requestBody: { required: true, ...json(PasswordChange, 'Current and new password') },
          responses: { 204: { description: 'Changed' }, 401: error('Not signed in'), 422: error('Wrong current password, or the new one is too short') },
        },
      },
      '/api/auth/me': { get: { summary: 'Who is signed in, with their roles', security: signedIn, responses: { 200: { description: 'The account' }, 401: error('Not signed in') } } },
      '/api/sites': {
        get: {
          summary: 'Sites the caller may see, with service points and their QR codes',
          security: signedIn,
          responses: { 200: { description: '`[{ id, code, name, kind, provider, locality, servicePoints: [{ id, code, name }] }]`' }, 401: error('Not signed in') },
        },
      },
      '/api/surveys': {
        get: {
          summary: 'Surveys of the organisations the caller manages (admins and commissioners)',
          security: signedIn,
          responses: { 200: { description: '`[{ id, organisationId, name, status, currentVersion }]`' }, 401: error('Not signed in'), 403: error('Not an admin or commissioner') },
        },
        post: {
          summary: 'Create a survey (version 1), optionally pointing site or service-point codes at it',
          description: 'The definition is validated on save (and again on load): a 422 names the path of the bad field, e.g. `definition.pages.0.questions.2.options`.',
          security: signedIn,
          requestBody: { required: true, ...json(CreateSurvey, 'The survey') },
          responses: { 201: { description: 'The survey with its definition and versions' }, 401: error('Not signed in'), 403: error('Not an admin or commissioner of that organisation'), 422: error('The definition or a code is invalid; `details[].field` is its path') },
        },
      },
      '/api/surveys/{id}': {
        get: {
          summary: 'One survey: its current definition and every version',
          security: signedIn,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '`{ id, name, status, currentVersion, definition, versions: [{ id, version, createdAt }] }`' }, 404: error('No such survey you manage') },
        },
      },
      '/api/surveys/{id}/versions': {
        post: {
          summary: 'Edit a survey: writes a new version and makes it current',
          description: 'Versions never change once written; each response records the version it answered.',
          security: signedIn,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(NewSurveyVersion, 'The new definition') },
          responses: { 201: { description: 'The survey, now at the new version' }, 404: error('No such survey you manage'), 422: error('The definition is invalid; `details[].field` is its path') },
        },
      },
      '/api/sites/{code}/survey': {
        put: {
          summary: 'Point a site or service point at a survey (`null`: back to the default)',
          security: signedIn,
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(SurveyAssignment, 'The survey') },
          responses: { 200: { description: '`{ code, surveyId }`' }, 404: error('No such code you manage'), 422: error('The survey is not this organisation’s') },
        },
      },
      '/widget.js': {
        get: {
          summary: 'The embeddable survey widget (one file, gzip ≤ 10 KB); any origin may load it',
          description: 'Embed with `<script src=".../widget.js" data-hubvoice="{code}" async></script>`. Revalidated by ETag; `/widget/{hash}.js` is the same file, immutable for a year.',
          responses: { 200: { description: 'JavaScript' }, 304: { description: 'Not modified' } },
        },
      },
      '/api/forms/{code}': {
        get: {
          summary: 'The public survey for a site or service point, in one language',
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: LANGUAGES.map((l) => l.code) } },
          ],
          description: 'Readable from the origins in the organisation’s `settings.allowedOrigins` (`*`: any), for the widget.',
          responses: { 200: { description: 'Questions (`id`, `type`, `options[].value`), pages and messages' }, 404: error('Unknown code') },
        },
      },
      '/api/reports/satisfaction': report(
        'Satisfaction (FFT % positive and negative with Wilson 95% intervals, mean rating), grouped',
        SatisfactionQuery,
        '`{ rows: [{ key, label, n, fftPositive, fftNegative, ci95, meanRating, suppressed }], total }`. Cells of 1-4 responses are suppressed, with secondary suppression (NHS England FFT rule).',
      ),
      '/api/reports/equity': report('Each group’s % positive against everyone else, with the gap and a flag', EquityQuery, 'Service Access Equity (contract KPI 5).'),
      '/api/reports/trends': report('This period against the previous one and the same period last year', TrendsQuery, 'Changes are flagged only when a two-proportion test says they are significant (p < 0.05).'),
      '/api/reports/themes': report('Free-text themes with sentiment, change, redacted quotes and emerging terms', ThemesQuery, 'The period is `from`..`to` (default: the last 90 days), compared with the same length before it. Counts, shares, sentiment and change cover every comment; quotes and emerging terms are read from the newest 10,000 comments of each period (`textSample` gives how many).'),
      '/api/safeguarding/flags': {
        get: {
          summary: 'Possible disclosures of harm, a page at a time: not closed first, then present risks, then the oldest (safeguarding leads and admins)',
          security: signedIn,
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'in_review', 'closed'] } },
            { name: 'cursor', in: 'query', description: 'Where the last page ended, from its `Link: <…>; rel="next"` header', schema: { type: 'string' } },
            { name: 'limit', in: 'query', description: 'Flags per page: 50 unless given, at most 200', schema: { type: 'integer', minimum: 1, maximum: 200 } },
          ],
          responses: { 200: { description: 'Flags, each with its answers (`questionId`, `question` as the family read it, `redacted`), `form`, `site` and `servicePoint`; original words only for safeguarding leads. The next page, if any, is in the `Link` header (rel="next")' }, 401: error('Not signed in'), 403: error('Not a safeguarding lead'), 422: error('A cursor this API did not give, or a limit over 200') },
        },
      },
      '/api/safeguarding/flags/{id}/review': {
        post: {
          summary: 'Record what was done about a flag',
          security: signedIn,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(FlagReview, 'The review') },
          responses: { 200: { description: 'The flag, reviewed' }, 404: error('No such flag you can see'), 422: error('A field is invalid') },
        },
      },
      '/api/comments': report('Redacted comments, newest first, by theme, sentiment, site or provider', CommentsQuery, '`{ comments: [{ id, redacted, withheld, sentiment, themes, site, submittedAt }], limit, offset }`; a comment under a safeguarding flag not yet closed says "withheld: under safeguarding review" (`withheld: true`) except to its site\'s safeguarding leads.'),
      '/api/comments/{id}/themes': {
        post: {
          summary: 'Correct a comment’s themes (commissioners and admins); the council’s model learns from corrections',
          security: signedIn,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(Correction, 'The themes it should carry') },
          responses: { 200: { description: 'The correction' }, 403: error('Not a commissioner or admin'), 404: error('No such comment you can see') },
        },
      },
      '/api/themes': {
        get: { summary: 'The council’s theme framework: each theme’s name, description and seed terms', security: signedIn, responses: { 200: { description: '`{ version, themes }`' } } },
      },
      '/api/users': {
        get: { summary: 'Staff accounts and the roles the caller administers (admins)', security: signedIn, responses: { 200: { description: 'Accounts' }, 403: error('Not an admin') } },
        post: {
          summary: 'Add a staff account with one role; its temporary password is returned once',
          security: signedIn,
          requestBody: { required: true, ...json(NewAccount, 'The account') },
          responses: { 201: { description: '`{ id, email, temporaryPassword }`' }, 403: error('Outside your organisation'), 409: error('The email already has an account'), 422: error('A field is invalid') },
        },
      },
      '/api/users/{id}/roles': {
        post: {
          summary: 'Grant a role at an organisation, provider or site',
          security: signedIn,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(NewAssignment, 'The role and its scope') },
          responses: { 201: { description: 'The assignment' }, 403: error('Outside your organisation') },
        },
      },
      '/api/responses': {
        post: {
          summary: 'Submit a response (every channel)',
          description: '201 once durably committed; the same `idempotencyKey` again answers 200 with the same id. From another origin, only those the form’s organisation allows (preflight answered; others get a 403 and nothing is stored).',
          requestBody: { required: true, ...json(ResponseSubmission, 'The answers') },
          responses: { 201: { description: '`{ id }`: stored' }, 200: { description: '`{ id }`: already stored under this key' }, 403: error('The page’s origin is not allowed by the form’s organisation'), 422: error('An answer is invalid; `details[].field` names it') },
        },
      },
    },
  };
}
