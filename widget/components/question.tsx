/** One question of any type in the survey schema, rendered with the control that fits it. */
import { ChoiceQuestion } from './choice-question';
import { FftQuestion } from './fft-question';
import { LikertQuestion } from './likert-question';
import type { QuestionProps } from './question-props';
import { ScaleQuestion } from './scale-question';
import { TextQuestion } from './text-question';

export function Question(props: QuestionProps) {
  switch (props.question.type) {
    case 'fft':
      return <FftQuestion {...props} />;
    case 'rating':
    case 'nps':
      return <ScaleQuestion {...props} />;
    case 'likert':
      return <LikertQuestion {...props} />;
    case 'text':
    case 'longtext':
      return <TextQuestion {...props} />;
    case 'equality':
      return props.question.options ? <ChoiceQuestion {...props} /> : <TextQuestion {...props} />;
    case 'single':
    case 'multiple':
    case 'yesno':
      return <ChoiceQuestion {...props} />;
  }
}
