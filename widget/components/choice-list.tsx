/** Native radios or checkboxes as large labelled rows; the first control carries the question's anchor id. */
import type { ComponentChildren } from 'preact';
import type { PublicOption } from '../lib/public-form';

export interface ChoiceListProps {
  /** The question id: anchor ids derive from it. */
  id: string;
  name: string;
  type: 'radio' | 'checkbox';
  options: PublicOption[];
  selected: string[];
  /** Extra class on the list: `fft` cards, `scale` inline numbers. */
  variant?: string;
  /** Something drawn before each label's text, e.g. a face. */
  decorate?: (option: PublicOption) => ComponentChildren;
}

export function ChoiceList({ id, name, type, options, selected, variant, decorate }: ChoiceListProps) {
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
