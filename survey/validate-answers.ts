/**
 * Checks a respondent's answers against the form they saw and normalises them (numbers from form
 * strings, trimmed text). Hidden questions (skip logic) are dropped and never required. Messages
 * come in the respondent's language and name the question, GOV.UK-style.
 */
import { PREFER_NOT_TO_SAY, POSTCODE_DISTRICT } from './equality';
import type { PublicQuestion } from './public-form';
import { isShown, type AnswerValue, type Answers } from './skip-logic';

export interface AnswerError {
  questionId: string;
  /** Dotted path of the field, e.g. `answers.fft`, for error shapes and form anchors. */
  field: string;
  code: 'required' | 'invalid_option' | 'too_long' | 'out_of_range' | 'too_many' | 'invalid_postcode' | 'invalid_type' | 'unknown_question';
  message: string;
}

/** Something changed in what the family gave, which they should be told (a full postcode cut to its district). */
export interface AnswerNotice {
  questionId: string;
  code: 'postcode_shortened';
  message: string;
}

export type AnswersResult = { ok: true; answers: Answers; notices: AnswerNotice[] } | { ok: false; errors: AnswerError[]; answers: Answers };

/** A full UK postcode, its district captured: "PL4 8AA", "pl48aa", "SW1A 1AA". */
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$/;

type Message = (key: string, vars: Record<string, string | number>) => string;

/** @example validateAnswers(form.questions, { fft: 'good' }, t) // { ok: true, answers: { fft: 'good' } } */
export function validateAnswers(questions: PublicQuestion[], raw: Record<string, unknown>, message: Message): AnswersResult {
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  const notices: AnswerNotice[] = [];
  for (const question of questions) {
    if (!isShown(question.showIf, answers)) continue;
    const outcome = checkQuestion(question, raw[question.id]);
    if (outcome.value !== undefined) answers[question.id] = outcome.value;
    if (outcome.shortenedTo) {
      notices.push({ questionId: question.id, code: 'postcode_shortened', message: message('form.postcodeShortened', { district: outcome.shortenedTo }) });
    }
    const code = outcome.error ?? (outcome.value === undefined && question.required ? 'required' : undefined);
    if (code) {
      errors.push({ questionId: question.id, field: `answers.${question.id}`, code, message: describe(question, code, message) });
    }
  }
  return errors.length ? { ok: false, errors, answers } : { ok: true, answers, notices };
}

interface Outcome {
  value?: AnswerValue;
  error?: AnswerError['code'];
  /** A full postcode was given: only this district is kept. */
  shortenedTo?: string;
}

function checkQuestion(question: PublicQuestion, raw: unknown): Outcome {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return {};
  const allowed = (value: string) => question.options?.some((o) => o.value === value) ?? false;
  switch (question.type) {
    case 'rating':
    case 'nps': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < (question.min ?? 0) || n > (question.maxValue ?? 10)) return { error: 'out_of_range' };
      return { value: n };
    }
    case 'multiple': {
      const values = Array.isArray(raw) ? raw : [raw];
      if (!values.every((v): v is string => typeof v === 'string' && allowed(v))) return { error: 'invalid_option' };
      const unique = [...new Set(values)];
      if (question.max !== undefined && unique.length > question.max) return { value: unique, error: 'too_many' };
      return { value: unique };
    }
    case 'likert': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return { error: 'invalid_type' };
      const entries = Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== '' && v !== undefined);
      const rowIds = new Set(question.rows?.map((r) => r.value));
      if (!entries.every(([row, v]) => rowIds.has(row) && typeof v === 'string' && allowed(v))) return { error: 'invalid_option' };
      if (entries.length === 0) return {};
      const value = Object.fromEntries(entries) as Record<string, string>;
      return question.required && entries.length < rowIds.size ? { value, error: 'required' } : { value };
    }
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string') return { error: 'invalid_type' };
      const text = raw.replace(/\r\n?/g, '\n').trim();
      if (!text) return {};
      return text.length > (question.maxLength ?? 2000) ? { value: text, error: 'too_long' } : { value: text };
    }
    case 'equality':
      if (question.field === 'postcodeDistrict') {
        if (typeof raw !== 'string') return { error: 'invalid_type' };
        const district = raw.trim().toUpperCase();
        if (district === PREFER_NOT_TO_SAY.toUpperCase()) return { value: PREFER_NOT_TO_SAY };
        if (POSTCODE_DISTRICT.test(district)) return { value: district };
        // A whole postcode can point at a handful of homes: keep the district, drop the rest, and say so.
        const full = FULL_POSTCODE.exec(district.replace(/\s+/g, ' '));
        if (full?.[1]) return { value: full[1], shortenedTo: full[1] };
        return { value: raw, error: 'invalid_postcode' };
      }
      break;
  }
  // One choice from the list: fft, single, yesno and every equality field but the postcode.
  return typeof raw === 'string' && allowed(raw) ? { value: raw } : { error: 'invalid_option' };
}

function describe(question: PublicQuestion, code: AnswerError['code'], message: Message): string {
  const title = question.title;
  switch (code) {
    case 'required':
      return message(question.type === 'text' || question.type === 'longtext' ? 'error.enter' : 'error.select', { title });
    case 'too_long':
      return message('error.tooLong', { title, max: question.maxLength ?? 2000 });
    case 'out_of_range':
      return message('error.outOfRange', { title, min: question.min ?? 0, max: question.maxValue ?? 10 });
    case 'too_many':
      return message('error.tooMany', { title, max: question.max ?? 1 });
    case 'invalid_postcode':
      return message('error.postcode', { title });
    case 'unknown_question':
      return message('error.unknownQuestion', { id: question.id });
    default:
      return message('error.invalidOption', { title });
  }
}
