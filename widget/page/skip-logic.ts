/**
 * On a form page with skip logic: hides each conditional question while its condition is false,
 * by survey/skip-logic.ts's own `isShown`. The page never needs this: without script every question
 * shows with its condition in words, and the server applies the same rule to what is sent.
 */
import { isShown, type Answers } from '../../survey/skip-logic';
import type { Condition } from '../../survey/survey-schema';

const form = document.querySelector<HTMLFormElement>('form.survey');

/**
 * Every filled field, as lists of strings by question id (a likert row `feel.staff` counts for
 * `feel`): the shape `isShown` reads any answer in, whatever the question's type.
 */
function answersIn(form: HTMLFormElement): Answers {
  const answers: Record<string, string[]> = {};
  for (const [name, value] of new FormData(form)) if (value !== '') (answers[name.split('.')[0]!] ??= []).push(value as string);
  return answers;
}

function update(form: HTMLFormElement) {
  const answers = answersIn(form);
  // In page order, and a condition names only earlier questions: a question hidden here has no
  // answer for the questions after it, as the server reads it.
  for (const question of form.querySelectorAll<HTMLElement>('[data-show-if]')) {
    const shown = isShown(JSON.parse(question.dataset.showIf!) as Condition, answers);
    question.hidden = !shown;
    if (!shown) delete answers[question.id.slice('qw-'.length)];
  }
}

if (form) {
  form.addEventListener('change', () => update(form));
  update(form);
}
