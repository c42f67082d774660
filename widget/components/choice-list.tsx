/** Native radios or checkboxes as large labelled rows; the first control carries the question's anchor id. */
import type { ComponentChildren } from 'preact';
import type { PublicOption } from '../../survey/public-form';
import type { AnswerValue } from '../../survey/skip-logic';

export interface ChoiceListProps {
  /** The question id: anchor ids derive from it. */
  id: string;
  /** The field name, the id unless given (a likert row's is `question.row`). */
  name?: string | undefined;
  type: 'radio' | 'checkbox';
  options: PublicOption[] | undefined;
  /** The answer so far: the options it names are ticked. */
  value: AnswerValue | undefined;
  /** Extra class on the list: `fft` cards, `scale` inline numbers. */
  variant?: string | undefined;
  /** Something drawn before each label's text, e.g. a face. */
  decorate?: ((option: PublicOption) => ComponentChildren) | undefined;
}

export function ChoiceList({ id, name = id, type, options = [], value, variant, decorate }: ChoiceListProps) {
  const selected = selectedValues(value);
  return (
    <div class={`${type === 'radio' ? 'radios' : 'checks'}${variant ? ` ${variant}` : ''}`}>
      {options.map((option, index) => {
        const inputId = index === 0 ? `q-${id}` : `q-${id}-${index}`;
        return (
          <div class="opt" key={option.value}>
            <input type={type} id={inputId} name={name} value={option.value} checked={selected.includes(option.value)} />
            <label for={inputId}>
              {decorate?.(option)}
              <span>{option.label}</span>
            </label>
          </div>
        );
      })}
    </div>
  );
}

/** The chosen values of a radio or checkbox question as strings. */
export function selectedValues(value: AnswerValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return typeof value === 'object' ? [] : [String(value)];
}
