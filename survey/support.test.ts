import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { nationalLines, supportFor, type NationalLine, type SupportKind } from './support';
import { createTranslator } from './translate';

describe('nationalLines', () => {
  it.each<{ kind: SupportKind; categories: string[]; out: NationalLine[] }>([
    { kind: 'adult', categories: ['domestic-abuse'], out: ['emergency', 'domesticAbuse'] },
    { kind: 'adult', categories: ['self-harm-suicide'], out: ['emergency', 'samaritans', 'shout'] },
    { kind: 'adult', categories: ['child-harm'], out: ['emergency', 'nspcc'] },
    { kind: 'adult', categories: ['neglect', 'sexual-abuse-exploitation'], out: ['emergency', 'nspcc'] },
    { kind: 'adult', categories: ['domestic-abuse', 'child-harm', 'self-harm-suicide'], out: ['emergency', 'domesticAbuse', 'nspcc', 'samaritans', 'shout'] },
    { kind: 'adult', categories: ['a-council-category'], out: ['emergency', 'nspcc'] },
    { kind: 'child', categories: ['child-harm'], out: ['childline', 'emergency'] },
    { kind: 'child', categories: ['domestic-abuse'], out: ['childline', 'emergency'] },
    { kind: 'child', categories: ['self-harm-suicide'], out: ['childline', 'emergency', 'shout'] },
  ])('gives $kind after $categories: $out', ({ kind, categories, out }) => {
    expect(nationalLines(kind, categories)).toEqual(out);
  });
});

describe('supportFor', () => {
  it('words every line in each language from the catalogue, with the numbers as published', () => {
    for (const language of Object.keys(catalogues)) {
      const t = createTranslator(catalogues, language);
      for (const kind of ['adult', 'child'] as const) {
        const support = supportFor(t, kind, ['domestic-abuse', 'child-harm', 'self-harm-suicide'], []);
        for (const line of support.lines) {
          expect(line.name).not.toMatch(/^(child\.)?support\./);
          expect(line.note).not.toMatch(/^(child\.)?support\./);
        }
      }
    }
    const lines = supportFor(createTranslator(catalogues, 'en'), 'adult', ['domestic-abuse', 'child-harm', 'self-harm-suicide'], []).lines;
    expect(lines.map((line) => [line.number.replace(/\u00a0/g, ' '), line.href])).toEqual([
      ['999', 'tel:999'],
      ['0808 2000 247', 'tel:08082000247'],
      ['0808 800 5000', 'tel:08088005000'],
      ['116 123', 'tel:116123'],
      ['85258', 'sms:85258?body=SHOUT'],
    ]);
  });
});
