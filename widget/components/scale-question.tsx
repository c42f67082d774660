/** A 1-5 rating or a 0-10 recommendation score as a row of numbered radios, its ends explained in the hint. */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import { selectedValues, type QuestionProps } from './question-props';

export function ScaleQuestion({ question, value, error, condition, t }: QuestionProps) {
  const min = question.min ?? (question.type === 'nps' ? 0 : 1);
  const max = question.maxValue ?? (question.type === 'nps' ? 10 : 5);
  const options = Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
  return (
    <QuestionFrame
      question={question} error={error} condition={condition} typeHint={t(question.type === 'nps' ? 'nps.hint' : 'rating.hint')}
      optionalLabel={t('form.optional')} errorPrefix={t('form.errorPrefix')}
    >
      <ChoiceList id={question.id} name={question.id} type="radio" options={options} selected={selectedValues(value)} variant="scale" />
    </QuestionFrame>
  );
}
