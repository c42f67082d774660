/** A question's hint, its skip-logic note and its error message, in GOV.UK order, each with the id its control's aria-describedby points at. */
import type { AnswerError } from '../../survey/validate-answers';

export interface FieldNotesProps {
  id: string;
  hint?: string | undefined;
  condition?: string | undefined;
  error?: AnswerError | undefined;
  errorPrefix: string;
}

export function FieldNotes({ id, hint, condition, error, errorPrefix }: FieldNotesProps) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {condition && (
        <p class="hint cond" id={`${id}-cond`}>
          {condition}
        </p>
      )}
      {error && (
        <p class="err" id={`${id}-error`}>
          <span class="vh">{errorPrefix} </span>
          {error.message}
        </p>
      )}
    </>
  );
}

/** The ids FieldNotes rendered, for aria-describedby; undefined when there are none. */
export function describedBy(id: string, notes: Pick<FieldNotesProps, 'hint' | 'condition' | 'error'>): string | undefined {
  const ids = [notes.hint && `${id}-hint`, notes.condition && `${id}-cond`, notes.error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
