/**
 * A whole survey as a plain HTML form that works with no script at all: the error summary, every
 * page and question, a honeypot for bots, the idempotency key and the button. The server renders
 * it for the QR form; the embeddable widget renders the same component in the browser.
 */
import { describeCondition } from '../../survey/condition-text';
import { HONEYPOT_FIELD, KEY_FIELD } from '../../survey/form-fields';
import { createTranslator } from '../../survey/translate';
import type { PublicForm } from '../../survey/public-form';
import type { Answers } from '../../survey/skip-logic';
import type { AnswerError } from '../../survey/validate-answers';
import { ErrorSummary } from './error-summary';
import { Question } from './question';
import { SurveyPage } from './survey-page';

export interface SurveyFormProps {
  form: PublicForm;
  answers: Answers;
  errors: AnswerError[];
  /** Where the form posts without script; the widget leaves it out, as its script always sends the answers. */
  action?: string | undefined;
  /** Random per render, kept across an error re-render, so a double tap stores one response. */
  idempotencyKey: string;
  /** The hub or service the family is at, shown above the title. */
  caption?: string | undefined;
  /** `data-*` attributes for a script that enhances the form (e.g. the kiosk queue's code and language). */
  dataset?: Record<string, string> | undefined;
  /** The button's words when it does not send yet, e.g. "Next" on the widget's earlier pages. */
  submitLabel?: string | undefined;
}

// Defined with the reading of the fields, where the kiosk's page script finds them without Preact.
export { HONEYPOT_FIELD, KEY_FIELD };

export function SurveyForm({ form, answers, errors, action, idempotencyKey, caption, dataset = {}, submitLabel }: SurveyFormProps) {
  const t = createTranslator({ [form.language]: form.messages }, form.language);
  const errorFor = new Map(errors.map((error) => [error.questionId, error]));
  const byId = new Map(form.questions.map((question) => [question.id, question]));
  return (
    <form method="post" action={action} novalidate class="survey" {...Object.fromEntries(Object.entries(dataset).map(([k, v]) => [`data-${k}`, v]))}>
      <ErrorSummary title={t('form.errorSummaryTitle')} errors={errors} />
      {caption && <p class="caption">{caption}</p>}
      <h1>{form.title}</h1>
      {form.intro && <p class="lead">{form.intro}</p>}
      {form.pages.map((page, index) => {
        const questions = page.questionIds.flatMap((id) => byId.get(id) ?? []);
        const collapsible = index > 0 && questions.every((q) => !q.required);
        const open = questions.some((q) => errorFor.has(q.id) || answers[q.id] !== undefined);
        return (
          <SurveyPage key={page.id} id={page.id} title={page.title} collapsible={collapsible} open={open}>
            {questions.map((question) => (
              <Question
                key={question.id}
                question={question}
                value={answers[question.id]}
                error={errorFor.get(question.id)}
                condition={describeCondition(question.showIf, form.questions, t)}
                t={t}
              />
            ))}
          </SurveyPage>
        );
      })}
      <div class="hp" aria-hidden="true">
        <label for="hp-field">{t('form.honeypot')}</label>
        <input id="hp-field" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name={KEY_FIELD} value={idempotencyKey} />
      <p class="anon">{t('form.anonymous')}</p>
      <button type="submit" class="btn">
        {submitLabel ?? t('form.submit')}
      </button>
    </form>
  );
}
