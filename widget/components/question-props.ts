/** What every question component is given. */
import type { Translate } from '../../survey/translate';
import type { PublicQuestion } from '../../survey/public-form';
import type { AnswerValue } from '../../survey/skip-logic';
import type { AnswerError } from '../../survey/validate-answers';

export interface QuestionProps {
  question: PublicQuestion;
  /** The answer as entered (kept on an error re-render), or undefined. */
  value: AnswerValue | undefined;
  error?: AnswerError | undefined;
  /** Skip logic in words, shown when the form cannot hide the question. */
  condition?: string | undefined;
  t: Translate;
}
