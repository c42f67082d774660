/**
 * The widget's two calls to the form API, `GET /api/forms/{code}` and `POST /api/responses`. They
 * never throw: a dropped connection, a server error and a refused answer each come back as a
 * `Result` the widget can explain, and retries decide only on `retryable`.
 */
import type { PublicForm } from './public-form';
import { err, ok, type Result } from './result';
import type { Answers } from './skip-logic';

/** The form as `GET /api/forms/{code}` returns it: the public form and where it is. */
export interface EmbeddedForm extends PublicForm {
  code: string;
  site: { code: string; name: string };
  servicePoint: { code: string; name: string } | null;
}

export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
}

export type ApiFailure =
  /** Offline, DNS, CORS refused, a 5xx or a 429: worth trying again later. */
  | { kind: 'network'; retryable: true; status?: number }
  /** The server refused the answers: its messages (in the respondent's language) are the truth. */
  | { kind: 'invalid'; retryable: false; details: FieldProblem[] }
  /** Anything else (unknown code, 403): trying again will not help. */
  | { kind: 'refused'; retryable: false; status: number; message: string };

export interface Submission {
  code: string;
  answers: Answers;
  language: string;
  channel: 'widget';
  idempotencyKey: string;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** @example await fetchForm('https://feedback.example.org', 'dvp', 'pl') // { ok: true, value: { title: 'Opinia…', … } } */
export async function fetchForm(base: string, code: string, language: string | undefined, fetcher: Fetch = fetch): Promise<Result<EmbeddedForm, ApiFailure>> {
  const query = language ? `?lang=${encodeURIComponent(language)}` : '';
  return call<EmbeddedForm>(fetcher, `${base}/api/forms/${encodeURIComponent(code)}${query}`, {});
}

/** 201 (stored) and 200 (already stored under this key) are both success: the key makes a resend harmless. */
export async function postResponse(base: string, submission: Submission, fetcher: Fetch = fetch): Promise<Result<{ id: string }, ApiFailure>> {
  return call<{ id: string }>(fetcher, `${base}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submission),
  });
}

async function call<T>(fetcher: Fetch, url: string, init: RequestInit): Promise<Result<T, ApiFailure>> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetcher(url, { ...init, credentials: 'omit' });
    body = await response.json().catch(() => undefined);
  } catch {
    return err({ kind: 'network', retryable: true });
  }
  if (response.ok) return ok(body as T);
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    return err({ kind: 'network', retryable: true, status: response.status });
  }
  const error = (body as { error?: { message?: string; details?: FieldProblem[] } } | undefined)?.error;
  if (response.status === 422 && error?.details?.some((d) => d.field.startsWith('answers.'))) {
    return err({ kind: 'invalid', retryable: false, details: error.details });
  }
  return err({ kind: 'refused', retryable: false, status: response.status, message: error?.message ?? response.statusText });
}
