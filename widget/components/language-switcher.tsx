/** Links to the same page in each language, each named in its own language and marked with its `lang`. */
import { LANGUAGES } from '../../survey/translate';

export interface LanguageSwitcherProps {
  current: string;
  label: string;
  href: (language: string) => string;
}

export function LanguageSwitcher({ current, label, href }: LanguageSwitcherProps) {
  return (
    <nav class="langs" aria-label={label}>
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <a
              href={href(language.code)}
              lang={language.code}
              hreflang={language.code}
              dir={language.dir}
              aria-current={language.code === current ? 'true' : undefined}
            >
              {language.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
