/** Short and long free text, and the postcode district, as a labelled input or textarea. */
import { describedBy, FieldNotes } from './field-notes';
import type { QuestionProps } from './question-props';

export function TextQuestion({ question, value, error, condition, t }: QuestionProps) {
  const id = `q-${question.id}`;
  const postcode = question.type === 'equality';
  const common = {
    id,
    name: question.id,
    class: error ? 'input input-err' : 'input',
    'aria-describedby': describedBy(question.id, { hint: question.hint, condition, error }),
  };
  const text = typeof value === 'string' ? value : '';
  return (
    <div class={error ? 'fg fg-err' : 'fg'} id={`qw-${question.id}`} data-show-if={question.showIf && JSON.stringify(question.showIf)}>
      <label class="lbl" for={id}>
        {question.title}
        {!question.required && <span class="opt-tag"> {t('form.optional')}</span>}
      </label>
      <FieldNotes id={question.id} hint={question.hint} condition={condition} error={error} errorPrefix={t('form.errorPrefix')} />
      {question.type === 'longtext' ? (
        <textarea {...common} rows={4}>{text}</textarea>
      ) : (
        <input
          {...common}
          type="text"
          value={text}
          {...(postcode ? { class: `${common.class} short`, autocomplete: 'off', spellcheck: false, autocapitalize: 'characters' } : {})}
        />
      )}
    </div>
  );
}
