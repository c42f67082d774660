/**
 * A likert grid as one fieldset per row (a table of radios is hard to use on a phone and with a
 * screen reader); each row posts as `question.row`.
 */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function LikertQuestion({ question, value, error, condition, t }: QuestionProps) {
  const rows = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return (
    <QuestionFrame question={question} error={error} condition={condition} optionalLabel={t('form.optional')} errorPrefix={t('form.errorPrefix')}>
      {(question.rows ?? []).map((row, index) => {
        const id = index === 0 ? question.id : `${question.id}-${row.value}`;
        return (
          <fieldset class="row" key={row.value}>
            <legend>{row.label}</legend>
            <ChoiceList id={id} name={`${question.id}.${row.value}`} type="radio" options={question.options ?? []} selected={rows[row.value] ? [rows[row.value]!] : []} variant="inline" />
          </fieldset>
        );
      })}
    </QuestionFrame>
  );
}
