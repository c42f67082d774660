/** The NHS Friends and Family Test question: six large radio cards, with faces in the children's version. */
import { ChoiceList } from './choice-list';
import { Face } from './face';
import { QuestionFrame } from './question-frame';
import { selectedValues, type QuestionProps } from './question-props';

export function FftQuestion({ question, value, error, condition, t }: QuestionProps) {
  const faces = question.style === 'smileys';
  return (
    <QuestionFrame question={question} error={error} condition={condition} optionalLabel={t('form.optional')} errorPrefix={t('form.errorPrefix')}>
      <ChoiceList
        id={question.id}
        name={question.id}
        type="radio"
        options={question.options ?? []}
        selected={selectedValues(value)}
        variant={faces ? 'fft faces' : 'fft'}
        {...(faces ? { decorate: (option) => <Face mood={option.value} /> } : {})}
      />
    </QuestionFrame>
  );
}
