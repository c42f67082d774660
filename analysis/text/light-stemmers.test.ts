import { describe, expect, it } from 'vitest';
import { foldDiacritics, stemArabic, stemPolish, stemRomanian } from './light-stemmers';

describe('light stemmers', () => {
  const table = [
    { name: 'Polish case and person endings meet at one stem', stemmer: stemPolish, inputs: ['czekaliśmy', 'czekamy', 'czekać'], out: 'czek' },
    { name: 'Polish with and without diacritics meet', stemmer: stemPolish, inputs: ['położnej', 'polozna'], out: 'polozn' },
    { name: 'Romanian articles and plurals are stripped', stemmer: stemRomanian, inputs: ['asistenta', 'asistentei', 'asistentele'], out: 'asistent' },
    { name: 'Romanian comma and cedilla forms of ș meet', stemmer: stemRomanian, inputs: ['așteptat', 'aşteptat', 'asteptat'], out: 'astept' },
    { name: 'Arabic article and conjunction prefixes are stripped', stemmer: stemArabic, inputs: ['المدرسة', 'مدرسة', 'والمدرسة'], out: 'مدرس' },
  ];
  for (const { name, stemmer, inputs, out } of table) {
    it(name, () => expect(inputs.map(stemmer)).toEqual(inputs.map(() => out)));
  }

  it('never cuts a word below three letters', () => {
    expect([stemPolish('mama'), stemRomanian('ea'), stemArabic('وال')]).toEqual(['mam', 'ea', 'وال']);
  });

  it('folds ł, which Unicode does not decompose', () => expect(foldDiacritics('łóżko')).toBe('lozko'));
});
