/** A 1-5 rating or a 0-10 recommendation score as a row of numbered radios, its ends explained in the hint. */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function ScaleQuestion(props: QuestionProps) {
  const { question, t } = props;
  const nps = question.type === 'nps';
  const min = question.min ?? (nps ? 0 : 1);
  const options = Array.from({ length: (question.maxValue ?? (nps ? 10 : 5)) - min + 1 }, (_, i) => ({ value: `${min + i}`, label: `${min + i}` }));
  return (
    <QuestionFrame {...props} typeHint={t(nps ? 'nps.hint' : 'rating.hint')}>
      <ChoiceList id={question.id} type="radio" options={options} value={props.value} variant="scale" />
    </QuestionFrame>
  );
}
