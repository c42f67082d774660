/**
 * A "You said, we did" text in the family's language, else English, else whatever there is, with
 * the language it is in: pages mark a fallback with its `lang`.
 *
 * @example actionText({ en: 'More sessions' }, 'pl') // { text: 'More sessions', lang: 'en' }
 */
export function actionText(value: Record<string, string>, language: string): { text: string; lang: string } {
  if (value[language]) return { text: value[language], lang: language };
  if (value.en) return { text: value.en, lang: 'en' };
  const [lang = language, text = ''] = Object.entries(value)[0] ?? [];
  return { text, lang };
}

/**
 * A "when" (YYYY-MM-DD) as families read dates in their language (English as in the UK: 5 November 2026).
 *
 * @example whenText('2026-11-05', 'pl') // '5 listopada 2026'
 */
export function whenText(date: string, language: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}
