/**
 * The GOV.UK error summary: a list of every problem, each linking to its question's first control.
 * It takes focus on load so screen-reader and keyboard users land on it without any script.
 */
import type { AnswerError } from '../../survey/validate-answers';

export interface ErrorSummaryProps {
  title: string;
  errors: AnswerError[];
}

export function ErrorSummary({ title, errors }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div class="es" role="alert" aria-labelledby="es-title" tabIndex={-1} autofocus>
      <h2 id="es-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.questionId}>
            <a href={`#q-${error.questionId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
