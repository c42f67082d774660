/** The NHS Friends and Family Test question: six large radio cards, with faces in the children's version. */
import { ChoiceList } from './choice-list';
import { Face } from './face';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function FftQuestion(props: QuestionProps) {
  const { question } = props;
  const faces = question.style === 'smileys';
  return (
    <QuestionFrame {...props}>
      <ChoiceList
        id={question.id}
        type="radio"
        options={question.options}
        value={props.value}
        variant={faces ? 'fft faces' : 'fft'}
        decorate={faces ? (option) => <Face mood={option.value} /> : undefined}
      />
    </QuestionFrame>
  );
}
