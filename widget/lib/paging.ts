/**
 * The widget shows a survey a page at a time. These say what one page shows given the answers so
 * far (skip logic can empty a page, which is then passed over), and what is missing on it.
 */
import type { Translate } from '../../survey/translate';
import type { PublicForm, PublicQuestion } from '../../survey/public-form';
import { isShown, type Answers } from '../../survey/skip-logic';
import type { AnswerError } from '../../survey/validate-answers';

/** The questions of page `index` that the skip logic shows now. */
export function visibleQuestions(form: PublicForm, index: number, answers: Answers): PublicQuestion[] {
  const ids = new Set(form.pages[index]?.questionIds ?? []);
  return form.questions.filter((q) => ids.has(q.id) && isShown(q.showIf, answers));
}

/**
 * The form cut down to one page and its shown questions, for SurveyForm to render; every question
 * stays in `questions` so skip-logic notes can still name the earlier question they depend on.
 * @example formForPage(form, 1, { fft: 'good' }).pages.length // 1
 */
export function formForPage(form: PublicForm, index: number, answers: Answers): PublicForm {
  const page = form.pages[index];
  const shown = visibleQuestions(form, index, answers).map((q) => q.id);
  return {
    ...form,
    ...(index > 0 ? { intro: undefined } : {}),
    pages: page ? [{ ...page, questionIds: shown }] : [],
  };
}

/** The next page after `from` with something to answer, or -1 when there is none (time to send). */
export function nextPage(form: PublicForm, from: number, answers: Answers): number {
  for (let i = from + 1; i < form.pages.length; i++) if (visibleQuestions(form, i, answers).length) return i;
  return -1;
}

/** The page before `from` with something to answer, or `from` itself at the start. */
export function previousPage(form: PublicForm, from: number, answers: Answers): number {
  for (let i = from - 1; i >= 0; i--) if (visibleQuestions(form, i, answers).length) return i;
  return from;
}

/**
 * The required questions shown on page `index` and left unanswered: all the widget checks before
 * leaving a page, so the full validator stays out of widget.js's 10 KB. The native controls only
 * offer valid options, and the server's 422 (localised, naming the field) remains the truth for
 * the rest (a postcode's shape, a text's length, too many boxes ticked) and brings the person back
 * to the page it is on.
 * @example missingAnswers(form, 0, {}, t) // [{ questionId: 'fft', code: 'required', message: 'Select …' }]
 */
export function missingAnswers(form: PublicForm, index: number, answers: Answers, t: Translate): AnswerError[] {
  return (
    visibleQuestions(form, index, answers)
      // Blank, or (a likert grid) fewer rows answered than it has: no other answer has rows.
      .filter(({ id, required, rows }) => required && (!`${answers[id] ?? ''}`.trim() || Object.keys(answers[id] ?? {}).length < (rows?.length ?? 0)))
      .map(({ id, type, title }) => ({
        questionId: id,
        field: `answers.${id}`,
        code: 'required',
        message: t(type.endsWith('text') ? 'error.enter' : 'error.select', { title }),
      }))
  );
}

/** The index of the page holding a question (0 when it is on none). */
export function pageOf(form: PublicForm, questionId: string): number {
  return Math.max(
    0,
    form.pages.findIndex((p) => p.questionIds.includes(questionId)),
  );
}
