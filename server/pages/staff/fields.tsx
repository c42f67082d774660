/** GOV.UK form parts for the staff pages: the error summary, a text input, radios and a textarea, each wired to its hint and error. */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../errors';

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="es" role="alert" aria-labelledby="es-title" tabIndex={-1} autofocus>
      <h2 id="es-title">There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError | undefined;
}

function Notes({ name, hint, error }: Omit<FieldProps, 'label'>) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="err" id={`${name}-error`}>
          <span class="vh">Error: </span>
          {error.message}
        </p>
      )}
    </>
  );
}

const describedBy = ({ name, hint, error }: Omit<FieldProps, 'label'>) =>
  [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & { value?: string; type?: 'text' | 'email' | 'password' | 'date'; autocomplete?: string; spellcheck?: boolean; inputmode?: 'numeric' },
) {
  const { name, label, error, value, type = 'text', autocomplete, spellcheck, inputmode } = props;
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <label class="lbl" for={name}>
        {label}
      </label>
      <Notes {...props} />
      {/* Preact types `type` as a union keyed on its value; this field takes several. */}
      <input
        {...({
          class: error ? 'input input-err' : 'input',
          id: name,
          name,
          type,
          value: value ?? '',
          autocomplete,
          spellcheck,
          inputmode,
          'aria-describedby': describedBy(props),
        } as object)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value?: string; rows?: number }) {
  const { name, label, error, value, rows = 5 } = props;
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <label class="lbl" for={name}>
        {label}
      </label>
      <Notes {...props} />
      <textarea class={error ? 'input input-err' : 'input'} id={name} name={name} rows={rows} aria-describedby={describedBy(props)}>
        {value ?? ''}
      </textarea>
    </div>
  );
}

export function Radios(props: FieldProps & { options: { value: string; label: string; hint?: string }[]; value?: string | undefined }) {
  const { name, label, error, options, value } = props;
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <fieldset aria-describedby={describedBy(props)}>
        <legend>{label}</legend>
        <Notes {...props} />
        <div class="radios">
          {options.map((option, i) => {
            // The first radio carries the field's id, so the error summary's link lands on it.
            const id = i === 0 ? name : `${name}-${option.value}`;
            return (
              <div class="opt" key={option.value}>
                <input type="radio" id={id} name={name} value={option.value} checked={value === option.value} />
                <label for={id}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[]; value?: string | undefined }) {
  const { name, label, error, options, value } = props;
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <label class="lbl" for={name}>
        {label}
      </label>
      <Notes {...props} />
      <select class={error ? 'input input-err' : 'input'} id={name} name={name} aria-describedby={describedBy(props)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === (value ?? '')}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A table's scrolling box: named, and reachable by keyboard so a phone user can scroll it (axe: scrollable-region-focusable). */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls sideways must take focus to be scrolled by keyboard (WCAG 2.1.1).
    // biome-ignore lint/a11y/useSemanticElements: a <section> would add a heading landmark each table already has.
    <div class="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
