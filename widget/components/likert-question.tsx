/**
 * A likert grid as one fieldset per row (a table of radios is hard to use on a phone and with a
 * screen reader); each row posts as `question.row`.
 */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function LikertQuestion(props: QuestionProps) {
  const { question, value } = props;
  const rows = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return (
    <QuestionFrame {...props}>
      {(question.rows ?? []).map((row, index) => (
        <fieldset class="row" key={row.value}>
          <legend>{row.label}</legend>
          <ChoiceList
            id={index === 0 ? question.id : `${question.id}-${row.value}`}
            name={`${question.id}.${row.value}`}
            type="radio"
            options={question.options}
            value={rows[row.value]}
            variant="inline"
          />
        </fieldset>
      ))}
    </QuestionFrame>
  );
}
