import { describe, expect, it } from 'vitest';
import { describeCondition } from './condition-text';
import { createTranslator } from './translate';
import type { PublicQuestion } from './public-form';
import en from './catalogues/en.json';
import pl from './catalogues/pl.json';

const fft: PublicQuestion = {
  id: 'fft',
  type: 'fft',
  page: 'p',
  title: 'Overall, how was it?',
  required: true,
  options: [
    { value: 'good', label: 'Good' },
    { value: 'poor', label: 'Poor' },
    { value: 'veryPoor', label: 'Very poor' },
  ],
};
const t = createTranslator({ en }, 'en');

describe('describeCondition', () => {
  it.each([
    { condition: undefined, out: undefined },
    { condition: { question: 'fft', in: ['poor'] }, out: 'Answer this if you said Poor' },
    { condition: { question: 'fft', in: ['poor', 'veryPoor'] }, out: 'Answer this if you said Poor or Very poor' },
    { condition: { question: 'fft', in: ['good', 'poor', 'veryPoor'] }, out: 'Answer this if you said Good, Poor or Very poor' },
    { condition: { question: 'fft', notIn: ['good'] }, out: 'Answer this unless you said Good' },
    { condition: { question: 'fft', answered: true }, out: 'Answer this if you answered “Overall, how was it?”' },
    { condition: { all: [{ question: 'fft', in: ['poor'] }] }, out: 'Answer this only if it applies to you' },
  ])('words $condition as $out', ({ condition, out }) => {
    expect(describeCondition(condition, [fft], t)).toBe(out);
  });

  it('speaks the respondent’s language', () => {
    expect(describeCondition({ question: 'fft', in: ['poor', 'veryPoor'] }, [fft], createTranslator({ en, pl }, 'pl'))).toBe(
      'Odpowiedz, jeśli wybrano: Poor lub Very poor',
    );
  });
});
