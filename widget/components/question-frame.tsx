/**
 * The frame of every question: a form group whose question is the legend of a fieldset around its
 * radios or checkboxes (GOV.UK pattern, so screen readers announce the question with each option),
 * or the label of its one text control; then its hint, skip-logic note and error.
 */
import type { ComponentChildren } from 'preact';
import { describedBy, FieldNotes } from './field-notes';
import type { QuestionProps } from './question-props';

export interface QuestionFrameProps extends QuestionProps {
  /** A hint the question type adds after the author's hint, e.g. "Select all that apply". */
  typeHint?: string | undefined;
  /** The id of a text question's one control: the question is its <label> rather than a legend. */
  labelFor?: string | undefined;
  children: ComponentChildren;
}

export function QuestionFrame({ question, error, condition, typeHint, labelFor, t, children }: QuestionFrameProps) {
  const hint = [question.hint, typeHint].filter(Boolean).join(' ') || undefined;
  const title = (
    <>
      {question.title}
      {!question.required && <span class="opt-tag"> {t('form.optional')}</span>}
    </>
  );
  const body = (
    <>
      <FieldNotes id={question.id} hint={hint} condition={condition} error={error} errorPrefix={t('form.errorPrefix')} />
      {children}
    </>
  );
  return (
    <div class={error ? 'fg fg-err' : 'fg'} id={`qw-${question.id}`} data-show-if={question.showIf && JSON.stringify(question.showIf)}>
      {labelFor ? (
        <>
          <label class="lbl" for={labelFor}>
            {title}
          </label>
          {body}
        </>
      ) : (
        <fieldset aria-describedby={describedBy(question.id, { hint, condition, error })}>
          <legend>{title}</legend>
          {body}
        </fieldset>
      )}
    </div>
  );
}
