import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../translate';
import { catalogues } from './index';

const english = catalogues.en!;

describe('the language catalogues', () => {
  it.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))('%s has every key English has, and no others', (code) => {
    const catalogue = catalogues[code]!;
    expect(Object.keys(english).filter((key) => !(key in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !(key in english))).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => l.code))('%s keeps every {placeholder} of the English wording', (code) => {
    const catalogue = catalogues[code]!;
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const broken = Object.keys(english).filter((key) => JSON.stringify(placeholders(catalogue[key] ?? '')) !== JSON.stringify(placeholders(english[key]!)));
    expect(broken).toEqual([]);
  });
});
