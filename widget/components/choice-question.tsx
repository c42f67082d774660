/** Single choice, yes/no and equality questions as radios; multiple choice as checkboxes sharing one name. */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import { selectedValues, type QuestionProps } from './question-props';

export function ChoiceQuestion({ question, value, error, condition, t }: QuestionProps) {
  const multiple = question.type === 'multiple';
  const typeHint = multiple ? (question.max ? t('form.chooseUpTo', { max: question.max }) : t('form.chooseAll')) : undefined;
  return (
    <QuestionFrame
      question={question} error={error} condition={condition} typeHint={typeHint}
      optionalLabel={t('form.optional')} errorPrefix={t('form.errorPrefix')}
    >
      <ChoiceList
        id={question.id}
        name={question.id}
        type={multiple ? 'checkbox' : 'radio'}
        options={question.options ?? []}
        selected={selectedValues(value)}
        {...(question.type === 'yesno' ? { variant: 'inline' } : {})}
      />
    </QuestionFrame>
  );
}
