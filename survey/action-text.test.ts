import { describe, expect, it } from 'vitest';
import { actionText, whenText } from './action-text';

describe('actionText', () => {
  it.each<{ value: Record<string, string>; language: string; out: { text: string; lang: string } }>([
    { value: { en: 'More sessions', pl: 'Więcej zajęć' }, language: 'pl', out: { text: 'Więcej zajęć', lang: 'pl' } },
    { value: { en: 'More sessions' }, language: 'pl', out: { text: 'More sessions', lang: 'en' } },
    { value: { en: 'More sessions', pl: '' }, language: 'pl', out: { text: 'More sessions', lang: 'en' } },
    { value: { ro: 'Mai multe sesiuni' }, language: 'pl', out: { text: 'Mai multe sesiuni', lang: 'ro' } },
    { value: {}, language: 'pl', out: { text: '', lang: 'pl' } },
  ])('gives $out.lang text for a $language page from $value', ({ value, language, out }) => {
    expect(actionText(value, language)).toEqual(out);
  });
});

describe('whenText', () => {
  it.each([
    { date: '2026-11-05', language: 'en', out: '5 November 2026' },
    { date: '2026-11-05', language: 'pl', out: '5 listopada 2026' },
    { date: '2026-11-05', language: 'zh', out: '2026年11月5日' },
    { date: 'not a date', language: 'en', out: 'not a date' },
  ])('writes $date as $out in $language', ({ date, language, out }) => {
    expect(whenText(date, language)).toBe(out);
  });
});
