import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { childForm } from './child-form';
import { createTranslator } from './translate';
import { resolveForm } from './public-form';
import type { SurveyDefinition } from './survey-schema';

const DEFAULT_SURVEY: SurveyDefinition = {
  title: { en: 'Feedback' },
  pages: [
    {
      id: 'feedback',
      questions: [
        { id: 'fft', type: 'fft', required: true },
        { id: 'good', type: 'longtext', required: false, maxLength: 2000, title: { en: 'What was good?' } },
        { id: 'better', type: 'longtext', required: false, maxLength: 2000, title: { en: 'What could we do better?' } },
      ],
    },
    {
      id: 'about-you',
      title: { en: 'About you' },
      questions: [
        { id: 'relationship', type: 'equality', field: 'relationship', required: false, title: { en: 'Are you…' } },
        { id: 'postcode', type: 'equality', field: 'postcodeDistrict', required: false, title: { en: 'Postcode' } },
      ],
    },
  ],
};

const form = (language: string) => {
  const t = createTranslator(catalogues, language);
  return childForm(resolveForm({ id: 's', version: 1, definition: DEFAULT_SURVEY }, language, t), t);
};

describe('childForm', () => {
  it('asks the FFT in simpler words with faces, keeping the standard answer values', () => {
    const fft = form('en').questions.find((q) => q.type === 'fft');
    expect(fft).toMatchObject({ title: 'How was it today?', style: 'smileys' });
    expect(fft?.options?.map((o) => o.value)).toEqual(['veryGood', 'good', 'neither', 'poor', 'veryPoor', 'dontKnow']);
    expect(fft?.options?.[0]?.label).toBe('Really good');
  });

  it('leaves out the optional questions written for parents, and pages left empty', () => {
    const child = form('en');
    expect(child.questions.map((q) => q.id)).toEqual(['fft', 'good', 'better']);
    expect(child.pages.map((p) => p.id)).toEqual(['feedback']);
  });

  it.each(['pl', 'ro', 'zh', 'pt', 'ar'])('has its own words in %s', (language) => {
    const child = form(language);
    const own = catalogues[language]!;
    expect(child.questions[0]?.title).toBe(own['child.fft.question']);
    expect(child.questions[0]?.title).not.toBe(catalogues.en!['child.fft.question']);
    expect(child.messages['form.submit']).toBe(own['child.form.submit']);
    expect(child.messages['form.submit']).not.toBe(catalogues.en!['child.form.submit']);
  });
});
