import { describe, expect, it } from 'vitest';
import { SKIP_LOGIC_SURVEY } from '../../test/helpers/surveys';
import { catalogues } from '../../survey/catalogues';
import { createTranslator } from '../../survey/translate';
import { formForPage, missingAnswers, nextPage, pageOf, previousPage, visibleQuestions } from './paging';
import { resolveForm } from '../../survey/public-form';
import { SurveyDefinition } from '../../survey/survey-schema';
import { validateAnswers, type AnswersResult } from '../../survey/validate-answers';

const t = createTranslator(catalogues, 'en');
const form = resolveForm({ id: 's', version: 1, definition: SurveyDefinition.parse(SKIP_LOGIC_SURVEY) }, 'en', t);
const serverError = (result: AnswersResult, questionId: string) => (result.ok ? undefined : result.errors.find((e) => e.questionId === questionId));
const ids = (questions: { id: string }[]) => questions.map((q) => q.id);

describe('paging', () => {
  it.each([
    { answers: {}, out: ['fft'] },
    { answers: { fft: 'good' }, out: ['fft'] },
    { answers: { fft: 'poor' }, out: ['fft', 'wrong'] },
    { answers: { fft: 'veryPoor' }, out: ['fft', 'wrong'] },
  ])('shows on page 1, for $answers, $out', ({ answers, out }) => {
    expect(ids(visibleQuestions(form, 0, answers))).toEqual(out);
    expect(formForPage(form, 0, answers).pages).toEqual([{ id: 'visit', questionIds: out }]);
  });

  it('keeps the intro on the first page only, and every question for the skip-logic notes', () => {
    expect(formForPage(form, 0, {}).intro).toBe('Three short pages.');
    expect(formForPage(form, 1, {}).intro).toBeUndefined();
    expect(formForPage(form, 1, {}).questions).toHaveLength(form.questions.length);
  });

  it.each([
    { from: 0, out: 1 },
    { from: 1, out: 2 },
    { from: 2, out: -1 },
  ])('goes from page $from to $out', ({ from, out }) => {
    expect(nextPage(form, from, {})).toBe(out);
  });

  it('passes over a page the skip logic empties, both ways', () => {
    const conditional = { ...form, questions: form.questions.map((q) => (q.page === 'more' ? { ...q, showIf: { question: 'fft', in: ['poor'] } } : q)) };
    expect(nextPage(conditional, 0, { fft: 'good' })).toBe(2);
    expect(nextPage(conditional, 0, { fft: 'poor' })).toBe(1);
    expect(previousPage(conditional, 2, { fft: 'good' })).toBe(0);
    expect(previousPage(conditional, 0, {})).toBe(0);
  });

  it.each([
    { index: 0, answers: {}, out: ['fft'] },
    { index: 0, answers: { fft: 'poor' }, out: ['wrong'] },
    { index: 0, answers: { fft: 'good' }, out: [] },
    { index: 1, answers: { fft: 'poor' }, out: ['again'] },
    { index: 1, answers: { fft: 'good', again: 'yes', helped: ['staff', 'room', 'time'] }, out: [] },
    { index: 2, answers: {}, out: [] },
    { index: 1, answers: { fft: 'good', again: 'yes', helped: ['staff', 'room'] }, out: [] },
  ])('finds on page $index, for $answers, problems with $out', ({ index, answers, out }) => {
    expect(missingAnswers(form, index, answers, t).map((e) => e.questionId)).toEqual(out);
  });

  it('words a missing answer as the server would, naming the question', () => {
    const [required] = missingAnswers(form, 1, {}, t);
    const [blank] = missingAnswers(form, 0, { fft: 'poor', wrong: '   ' }, t);
    const server = (answers: Record<string, unknown>) => validateAnswers(form.questions, answers, t);
    expect(required).toMatchObject({ questionId: 'again', code: 'required' });
    expect(blank).toMatchObject({ questionId: 'wrong', code: 'required' });
    expect(required).toEqual(serverError(server({ fft: 'good' }), 'again'));
    expect(blank).toEqual(serverError(server({ fft: 'poor', wrong: '   ' }), 'wrong'));
  });

  it('knows which page a question is on', () => {
    expect([pageOf(form, 'wrong'), pageOf(form, 'stars'), pageOf(form, 'relationship'), pageOf(form, 'nope')]).toEqual([0, 1, 2, 0]);
  });
});
