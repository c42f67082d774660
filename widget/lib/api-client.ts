/**
 * The widget's two calls to the form API, `GET /api/forms/{code}` and `POST /api/responses`. They
 * never throw: a dropped connection, a server error and a refused answer each come back as a
 * `Result` the widget can explain; it tries again only after a `network` failure.
 */
import type { PublicForm } from '../../survey/public-form';
import type { Support } from '../../survey/support';
import type { Result } from './result';
import type { Answers } from '../../survey/skip-logic';

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
  /** Offline, DNS, CORS refused, a 5xx, a 408 or a 429: worth trying again later. */
  | { kind: 'network' }
  /** The server refused the answers: its messages (in the respondent's language) are the truth. Only `answers.*` fields. */
  | { kind: 'invalid'; details: FieldProblem[] }
  /** Anything else (unknown code, 403): trying again will not help. */
  | { kind: 'refused' };

export interface Submission {
  code: string;
  answers: Answers;
  language: string;
  /** The widget's own, or a kiosk's form page (widget/page/kiosk.ts), which also sends the children's role. */
  channel: 'widget' | 'kiosk';
  respondentRole?: 'child';
  idempotencyKey: string;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** @example await fetchForm('https://feedback.example.org', 'dvp', 'pl') // { ok: true, value: { title: 'Opinia…', … } } */
export function fetchForm(base: string, code: string, language: string | undefined, fetcher?: Fetch): Promise<Result<EmbeddedForm, ApiFailure>> {
  return call(`${base}/api/forms/${encodeURIComponent(code)}${language ? `?lang=${encodeURIComponent(language)}` : ''}`, {}, fetcher);
}

/** One paragraph of the thank-you: `label` (bold, with its own ": ") then `text`, the text a link when `href` is given, in `lang` where that differs from the form's. */
export interface ThanksParagraph {
  text: string;
  label?: string;
  lang?: string;
  href?: string;
  /** A heading rather than a paragraph. */
  heading?: boolean;
}

/** The thank-you the server composes for the widget (server/widget-thanks.ts): the widget draws it and knows none of its words. */
export interface WidgetThanks {
  title: string;
  paragraphs: ThanksParagraph[];
}

/** What `POST /api/responses` answers: where the response is stored, `support` only after a possible disclosure, and the widget's `thanks`. */
export interface Stored {
  id: string;
  /** The help to show, in the submission's language. */
  support?: Support;
  thanks?: WidgetThanks;
}

/** 201 (stored) and 200 (already stored under this key) are both success: the key makes a resend harmless. */
export function postResponse(base: string, submission: Submission, fetcher?: Fetch): Promise<Result<Stored, ApiFailure>> {
  return call(`${base}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) }, fetcher);
}

async function call<T>(url: string, init: RequestInit, fetcher: Fetch = fetch): Promise<Result<T, ApiFailure>> {
  // 0 stands for no answer at all (offline, DNS, CORS).
  let status = 0;
  let body: { error?: { details?: FieldProblem[] } } | undefined;
  try {
    const response = await fetcher(url, { ...init, credentials: 'omit' });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch {
    // No answer: status stays 0.
  }
  const details = body?.error?.details?.filter((d) => d.field.startsWith('answers.')) ?? [];
  return status > 199 && status < 300
    ? { ok: true, value: body as T }
    : {
        ok: false,
        error:
          !status || status > 499 || status === 429 || status === 408
            ? { kind: 'network' }
            : status === 422 && details.length
              ? { kind: 'invalid', details }
              : { kind: 'refused' },
      };
}
