/**
 * The frame of a question answered with radios or checkboxes: a form group holding a fieldset whose
 * legend is the question (GOV.UK pattern), so screen readers announce the question with each option.
 */
import type { ComponentChildren } from 'preact';
import type { PublicQuestion } from '../lib/public-form';
import type { AnswerError } from '../lib/validate-answers';
import { describedBy, FieldNotes } from './field-notes';

export interface QuestionFrameProps {
  question: PublicQuestion;
  error?: AnswerError | undefined;
  condition?: string | undefined;
  /** A hint the question type adds after the author's hint, e.g. "Select all that apply". */
  typeHint?: string | undefined;
  optionalLabel: string;
  errorPrefix: string;
  children: ComponentChildren;
}

export function QuestionFrame({ question, error, condition, typeHint, optionalLabel, errorPrefix, children }: QuestionFrameProps) {
  const hint = [question.hint, typeHint].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'fg fg-err' : 'fg'} id={`qw-${question.id}`} data-show-if={question.showIf && JSON.stringify(question.showIf)}>
      <fieldset aria-describedby={describedBy(question.id, { hint, condition, error })}>
        <legend>
          {question.title}
          {!question.required && <span class="opt-tag"> {optionalLabel}</span>}
        </legend>
        <FieldNotes id={question.id} hint={hint} condition={condition} error={error} errorPrefix={errorPrefix} />
        {children}
      </fieldset>
    </div>
  );
}
