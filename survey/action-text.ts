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
