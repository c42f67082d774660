/**
 * Skip logic: whether a question is shown given the answers so far. Unanswered questions never
 * satisfy `in`, always satisfy `notIn`, and multiple-choice answers match if any choice matches.
 */
import type { Condition } from './survey-schema';

export type AnswerValue = string | number | string[] | Record<string, string>;
export type Answers = Record<string, AnswerValue | undefined>;

/** @example isShown({ question: 'fft', in: ['poor', 'veryPoor'] }, { fft: 'poor' }) // true */
export function isShown(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => isShown(c, answers));
  if ('any' in condition) return condition.any.some((c) => isShown(c, answers));
  const values = answerStrings(answers[condition.question]);
  if ('answered' in condition) return values.length > 0 === condition.answered;
  if ('in' in condition) return values.some((v) => condition.in.includes(v));
  return !values.some((v) => condition.notIn.includes(v));
}

function answerStrings(value: AnswerValue | undefined): string[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') return Object.values(value);
  return [String(value)];
}
