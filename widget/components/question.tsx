/** One question of any type in the survey schema, rendered with the control that fits it. */
import type { FunctionComponent } from 'preact';
import type { QuestionType } from '../../survey/survey-schema';
import { ChoiceQuestion } from './choice-question';
import { FftQuestion } from './fft-question';
import { LikertQuestion } from './likert-question';
import type { QuestionProps } from './question-props';
import { ScaleQuestion } from './scale-question';
import { TextQuestion } from './text-question';

const CONTROLS: Record<QuestionType, FunctionComponent<QuestionProps>> = {
  fft: FftQuestion,
  rating: ScaleQuestion,
  nps: ScaleQuestion,
  likert: LikertQuestion,
  text: TextQuestion,
  longtext: TextQuestion,
  single: ChoiceQuestion,
  multiple: ChoiceQuestion,
  yesno: ChoiceQuestion,
  equality: ChoiceQuestion,
};

export function Question(props: QuestionProps) {
  // The postcode district is the one equality field typed in rather than chosen.
  const Control = props.question.type === 'equality' && !props.question.options ? TextQuestion : CONTROLS[props.question.type];
  return <Control {...props} />;
}
