/**
 * The widget shows a survey a page at a time. These say what one page shows given the answers so
 * far (skip logic can empty a page, which is then passed over), and which problems belong to it.
 */
import type { Translate } from './i18n';
import type { PublicForm, PublicQuestion } from './public-form';
import { isShown, type Answers } from './skip-logic';
import { validateAnswers, type AnswerError } from './validate-answers';

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

/** The problems on page `index`, judged with every earlier answer (a condition may point back). */
export function pageErrors(form: PublicForm, index: number, answers: Answers, t: Translate): AnswerError[] {
  const upTo = new Set(form.pages.slice(0, index + 1).flatMap((p) => p.questionIds));
  const onPage = new Set(form.pages[index]?.questionIds ?? []);
  const checked = validateAnswers(form.questions.filter((q) => upTo.has(q.id)), answers, t);
  return checked.ok ? [] : checked.errors.filter((e) => onPage.has(e.questionId));
}

/** The index of the page holding a question (0 when it is on none). */
export function pageOf(form: PublicForm, questionId: string): number {
  return Math.max(0, form.pages.findIndex((p) => p.questionIds.includes(questionId)));
}
