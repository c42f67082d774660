/**
 * The one ingestion path every channel uses (JSON API, QR form, widget, kiosk): resolve the code,
 * validate the answers against the form in the respondent's language, keep equality monitoring
 * apart, and wait for the group commit before saying yes.
 */
import type { FormTarget } from '../db/forms';
import { newId } from '../db/ids';
import type { Demographics } from '../db/response-writer';
import type { Channel, RespondentRole } from '../db/schema';
import type { EqualityField } from '../survey/equality';
import { fftCode } from '../survey/fft';
import { createTranslator, isLanguage, type Language } from '../survey/translate';
import { resolveForm, type PublicForm } from '../survey/public-form';
import type { Answers } from '../survey/skip-logic';
import { validateAnswers, type AnswerError, type AnswerNotice } from '../survey/validate-answers';
import type { AppDeps } from './deps';
import { storedBodyHash } from '../db/response-rows';
import { flagCategoriesOfResponse } from '../db/safeguarding';
import { supportAfter } from './services/support';
import type { Support } from '../survey/support';
import type { FreeTextAnswer } from './text-pipeline';

export interface Submission {
  code: string;
  answers: Record<string, unknown>;
  language?: string | undefined;
  channel: Channel;
  idempotencyKey: string;
  respondentRole?: RespondentRole | undefined;
  /** When the answers were given, where that is not now: the date on a paper form keyed in later. */
  submittedAt?: number | undefined;
}

export type IngestResult =
  /** `support`: the help to show, when the free text may disclose harm (server/services/support.ts). */
  | { ok: true; id: string; created: boolean; support: Support | null; notices: AnswerNotice[] }
  | { ok: false; reason: 'unknown_code' }
  /** The idempotency key was used before for other answers: the client sends again with a new key. */
  | { ok: false; reason: 'conflict' }
  | { ok: false; reason: 'invalid'; errors: AnswerError[]; answers: Answers };

const resolved = new Map<string, PublicForm>();

/** The form as a respondent sees it in one language; versions never change, so this is cached. */
export function publicForm(deps: Pick<AppDeps, 'catalogues'>, target: FormTarget, language: Language): PublicForm {
  // The organisation's follow-up wording is English only: other languages keep the survey's translations.
  const wording = language === 'en' ? (target.followUpWording ?? null) : null;
  const key = `${target.survey.versionId}:${language}${wording ? `:${wording}` : ''}`;
  let form = resolved.get(key);
  if (!form) {
    form = resolveForm(
      { id: target.survey.id, version: target.survey.version, definition: target.survey.definition },
      language,
      createTranslator(deps.catalogues, language),
    );
    if (wording) form = withFollowUpWording(form, wording);
    resolved.set(key, form);
  }
  return form;
}

/** The form with the first free-text question after the FFT question asked in the organisation's words (NHS England leaves the wording to the provider). */
function withFollowUpWording(form: PublicForm, wording: string): PublicForm {
  const fft = form.questions.findIndex((q) => q.type === 'fft');
  const followUp = fft < 0 ? -1 : form.questions.findIndex((q, i) => i > fft && (q.type === 'text' || q.type === 'longtext'));
  if (followUp < 0) return form;
  return { ...form, questions: form.questions.map((q, i) => (i === followUp ? { ...q, title: wording } : q)) };
}

export async function ingest(deps: AppDeps, submission: Submission): Promise<IngestResult> {
  const target = await deps.forms.find(submission.code);
  if (!target) return { ok: false, reason: 'unknown_code' };
  return ingestInto(deps, target, submission);
}

/** Ingests into a target already found: a panel wave's personal link answers its wave's survey at the panel's site. */
export async function ingestInto(deps: AppDeps, target: FormTarget, submission: Omit<Submission, 'code'>): Promise<IngestResult> {
  const language: Language = submission.language && isLanguage(submission.language) ? submission.language : 'en';
  const form = publicForm(deps, target, language);
  const t = createTranslator(deps.catalogues, language);
  // An answer to a question the form does not have is refused, not dropped: a client sending one
  // has a stale or forged form, and 5,000 of them were once accepted in silence.
  const unknown = unknownQuestions(form, submission.answers);
  if (unknown.length) {
    const errors = unknown.slice(0, 10).map((id): AnswerError => {
      const shown = id.slice(0, 64);
      return { questionId: shown, field: `answers.${shown}`, code: 'unknown_question', message: t('error.unknownQuestion', { id: shown }) };
    });
    return { ok: false, reason: 'invalid', errors, answers: {} };
  }
  const checked = validateAnswers(form.questions, submission.answers, t);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, answers: checked.answers };

  const answers: Answers = {};
  const demographics: Partial<Record<EqualityField, string>> = {};
  let fft: number | null = null;
  let rating: number | null = null;
  let nps: number | null = null;
  const freeText: FreeTextAnswer[] = [];
  for (const question of form.questions) {
    const value = checked.answers[question.id];
    if (value === undefined) continue;
    // Free text is stored once, as a comment: there it is redacted for staff, and the original is
    // forgotten when the organisation's retention period ends (db/comments.ts).
    if (question.type === 'equality') demographics[question.field as EqualityField] = String(value);
    else if ((question.type === 'text' || question.type === 'longtext') && typeof value === 'string') freeText.push({ questionId: question.id, text: value });
    else answers[question.id] = value;
    if (question.type === 'fft' && fft === null) fft = fftCode(String(value));
    if (question.type === 'rating' && rating === null) rating = Number(value);
    if (question.type === 'nps' && nps === null) nps = Number(value);
  }
  const submittedAt = submission.submittedAt ?? deps.now().getTime();
  const respondentRole = submission.respondentRole ?? roleFrom(demographics.relationship);
  const bodyHash = await hashOf({ code: target.code, channel: submission.channel, language, respondentRole, answers: checked.answers });
  const committed = await deps.writer.submit({
    id: newId('r', submittedAt),
    organisationId: target.organisationId,
    surveyVersionId: target.survey.versionId,
    siteId: target.site.id,
    servicePointId: target.servicePoint?.id ?? null,
    channel: submission.channel,
    language,
    respondentRole,
    submittedAt,
    idempotencyKey: submission.idempotencyKey,
    bodyHash,
    fft,
    rating,
    nps,
    answers: JSON.stringify(answers),
    demographics: Object.keys(demographics).length ? (demographics as Demographics) : null,
    freeText,
  });
  // A repeated key is a resend only if it carries the same answers; another family's answers under
  // it are refused (409) rather than dropped in silence. One indexed read, on the rare repeat path.
  if (!committed.created) {
    const stored = await storedBodyHash(deps.store.db, committed.id);
    if (stored !== null && stored !== bodyHash) return { ok: false, reason: 'conflict' };
  }
  if (committed.flagId) deps.alerts.dispatch(committed.flagId);
  // The help follows the flag the writer committed, so the detector runs once, off the request's
  // thread. Only a response that brought a flag, or a resend (whose first submission may have), is
  // looked up: one indexed read, on a rare path.
  const categories = committed.flagId || !committed.created ? await flagCategoriesOfResponse(deps.store.db, committed.id) : [];
  const support = supportAfter(categories, respondentRole, t, target.supportLines);
  return { ok: true, id: committed.id, created: committed.created, support, notices: checked.notices };
}

/** SHA-256 of a submission as validated, with keys in a fixed order, so a resend hashes the same. */
async function hashOf(value: unknown): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value)));
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The answer keys no question of the form has. */
function unknownQuestions(form: PublicForm, answers: Record<string, unknown>): string[] {
  const unknown: string[] = [];
  for (const id in answers) if (!Object.hasOwn(answers, id) || !form.questions.some((q) => q.id === id)) unknown.push(id);
  return unknown;
}

function roleFrom(relationship: string | undefined): RespondentRole | null {
  if (relationship === 'mum' || relationship === 'dad') return 'parent';
  if (relationship === 'other_carer') return 'carer';
  if (relationship === 'young_person') return 'young_person';
  return null;
}
