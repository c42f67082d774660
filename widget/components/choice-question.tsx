/** Single choice, yes/no and equality questions as radios; multiple choice as checkboxes sharing one name. */
import { ChoiceList } from './choice-list';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function ChoiceQuestion(props: QuestionProps) {
  const { question, t } = props;
  const multiple = question.type === 'multiple';
  return (
    <QuestionFrame {...props} typeHint={multiple ? t(question.max ? 'form.chooseUpTo' : 'form.chooseAll', { max: question.max ?? '' }) : undefined}>
      <ChoiceList
        id={question.id}
        type={multiple ? 'checkbox' : 'radio'}
        options={question.options}
        value={props.value}
        variant={question.type === 'yesno' ? 'inline' : undefined}
      />
    </QuestionFrame>
  );
}
