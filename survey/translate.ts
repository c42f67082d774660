/**
 * Languages the forms offer (Plymouth's 2021 Census main languages after English) and message
 * look-up with English fallback. Catalogues are JSON data files in survey/catalogues that a council can
 * extend; this module only reads what it is given.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ro', name: 'Română', dir: 'ltr' },
  { code: 'zh', name: '中文（简体）', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export type Catalogue = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function isLanguage(code: string): code is Language {
  return LANGUAGES.some((l) => l.code === code);
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === language)?.dir ?? 'ltr';
}

/**
 * Picks the language: an explicit choice, else the browser's Accept-Language in its order of
 * preference, else the site's default.
 * @example negotiateLanguage(undefined, 'pl-PL,pl;q=0.9,en;q=0.8', 'en') // 'pl'
 */
export function negotiateLanguage(explicit: string | undefined, acceptLanguage: string | undefined, fallback: string): Language {
  const asked = explicit?.toLowerCase().split('-')[0];
  if (asked && isLanguage(asked)) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { code: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => isLanguage(entry.code));
  if (found && isLanguage(found.code)) return found.code;
  return isLanguage(fallback) ? fallback : 'en';
}

/** A translator for one language that falls back to English, then to the key itself. */
export function createTranslator(catalogues: Record<string, Catalogue>, language: string): Translate {
  const own = catalogues[language] ?? {};
  const english = catalogues.en ?? {};
  return (key, vars) => {
    const template = own[key] ?? english[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

/** The text of a multilingual field in one language, falling back to English. */
export function localText(text: { en: string; [language: string]: string } | undefined, language: string): string | undefined {
  return text ? (text[language] ?? text.en) : undefined;
}
