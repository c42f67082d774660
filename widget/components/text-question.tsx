/** Short and long free text, and the postcode district, as a labelled input or textarea. */
import { describedBy } from './field-notes';
import type { QuestionProps } from './question-props';
import { QuestionFrame } from './question-frame';

export function TextQuestion(props: QuestionProps) {
  const { question, value, error, condition } = props;
  const id = `q-${question.id}`;
  const postcode = question.type === 'equality';
  const control = {
    id,
    name: question.id,
    class: `input${error ? ' input-err' : ''}${postcode ? ' short' : ''}`,
    'aria-describedby': describedBy(question.id, { hint: question.hint, condition, error }),
  };
  const text = typeof value === 'string' ? value : '';
  return (
    <QuestionFrame {...props} labelFor={id}>
      {question.type === 'longtext' ? (
        <textarea {...control} rows={4}>
          {text}
        </textarea>
      ) : (
        <input {...control} type="text" value={text} {...(postcode ? { autocomplete: 'off', spellcheck: false, autocapitalize: 'characters' } : {})} />
      )}
    </QuestionFrame>
  );
}
