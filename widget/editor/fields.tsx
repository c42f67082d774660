/** The survey editor's form parts: text in six languages side by side, checkboxes, selects. */
import type { ComponentChildren } from 'preact';
import type { LocalText } from './model';

export interface Language {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

/** The id of the input for a path (`pages.0.title.en` → `f-pages-0-title-en`), which error links point at. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

export type Errors = Record<string, string>;

export interface TextsProps {
  label: string;
  hint?: string;
  path: string;
  value: Partial<LocalText> | undefined;
  onChange: (value: Partial<LocalText>) => void;
  languages: readonly Language[];
  errors: Errors;
  /** English is required (a title); otherwise the whole text may be left empty. */
  required?: boolean;
  multiline?: boolean;
}

/**
 * One text in every language at once, English first; a translation that is missing while the
 * English is written is marked "Missing" in its label, so a screen reader hears it too.
 */
export function Texts({ label, hint, path, value, onChange, languages, errors, required, multiline }: TextsProps) {
  const english = value?.en?.trim() ?? '';
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  return (
    <fieldset class="ed-texts">
      <legend class="lbl">
        {label}
        {!required && <span class="ed-opt"> (optional)</span>}
      </legend>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div class="ed-langs">
        {languages.map((language) => {
          const key = `${path}.${language.code}`;
          const id = fieldId(key);
          const text = value?.[language.code] ?? '';
          const missing = language.code !== 'en' && english !== '' && text.trim() === '';
          const error = errors[key];
          const props = {
            id,
            class: error ? 'input input-err' : 'input',
            lang: language.code,
            dir: language.dir,
            value: text,
            'aria-describedby': [hintId, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
            'aria-invalid': error ? true : undefined,
            onInput: (event: Event) => onChange({ ...value, [language.code]: (event.currentTarget as HTMLInputElement).value } as Partial<LocalText>),
          };
          return (
            <div class={missing ? 'ed-lang ed-missing' : 'ed-lang'} key={language.code}>
              <label for={id} class="ed-lang-name">
                <span lang={language.code}>{language.name}</span>
                {missing && <span class="tag tag-yellow ed-tag">Missing</span>}
              </label>
              {error && (
                <p class="err" id={`${id}-error`}>
                  <span class="vh">Error: </span>
                  {error}
                </p>
              )}
              {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Check({
  id,
  label,
  checked,
  onChange,
  disabled,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <div class="ed-check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function Select({
  id,
  label,
  value,
  options,
  onChange,
  hideLabel,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  hideLabel?: boolean;
}) {
  return (
    <div class="ed-select">
      <label for={id} class={hideLabel ? 'vh' : 'lbl'}>
        {label}
      </label>
      <select id={id} class="input" value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Button({ children, onClick, kind, label }: { children: ComponentChildren; onClick: () => void; kind?: 'warn' | 'secondary'; label?: string }) {
  return (
    <button type="button" class={`btn inline ed-btn${kind ? ` ${kind}` : ''}`} aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}
