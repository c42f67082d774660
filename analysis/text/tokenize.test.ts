import { describe, expect, it } from 'vitest';
import { languageOf, stem, tokenise } from './tokenize';

describe('tokenise', () => {
  it('lower-cases words and drops in-word apostrophes', () => {
    expect(tokenise("Don't CHANGE the Stay’n’Play!").words).toEqual(['dont', 'change', 'the', 'staynplay']);
  });

  it('marks up to three words after a negation and stops at a comma', () => {
    const t = tokenise('The room was not very clean, staff friendly');
    expect(t.words.filter((_, i) => t.negated[i])).toEqual(['very', 'clean']);
  });

  it('starts a new clause at sentence ends and at "but"', () => {
    const t = tokenise('Lovely staff. Groups are great but the wait is long');
    expect(t.clause).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('keeps words in other scripts whole', () => {
    expect(tokenise('Mój partner mnie bije').words).toEqual(['mój', 'partner', 'mnie', 'bije']);
  });

  it('splits Chinese into characters, each a word with its own offsets', () => {
    const t = tokenise('等了三个月，没人回电');
    expect(t.words).toEqual(['等', '了', '三', '个', '月', '没', '人', '回', '电']);
    expect(t.start.slice(5)).toEqual([6, 7, 8, 9]);
  });

  it('negates after a negation in every language, and the Chinese one reaches characters', () => {
    const negatedOf = (text: string, lang: string) => {
      const t = tokenise(text, lang);
      return t.words.filter((_, i) => t.negated[i]);
    };
    expect(negatedOf('nie było miło', 'pl')).toEqual(['było', 'miło']);
    expect(negatedOf('não gostei', 'pt')).toEqual(['gostei']);
    expect(negatedOf('لم يتصل أحد', 'ar')).toEqual(['يتصل', 'أحد']);
    expect(negatedOf('不满意', 'zh')).toEqual(['满', '意']);
    // Romanian and Portuguese reach one word further, past their clitics.
    expect(negatedOf('nu mă mai simt singură', 'ro')).toEqual(['mă', 'mai', 'simt', 'singură']);
  });

  it('starts a new clause at contrast words in other languages', () => {
    expect(tokenise('Personel miły ale długo czekaliśmy', 'pl').clause).toEqual([0, 0, 1, 1, 1]);
  });

  const guesses = [
    { input: 'Położna była cudowna', out: 'pl' },
    { input: 'Asistenta a fost foarte bună', out: 'ro' },
    { input: 'Muito obrigada pelo atendimento', out: 'pt' },
    { input: 'الموظفات لطيفات جدا', out: 'ar' },
    { input: '工作人员很友好', out: 'zh' },
    { input: 'The staff were lovely', out: 'en' },
  ];
  for (const { input, out } of guesses) it(`guesses "${input}" is ${out} when no language is given`, () => expect(tokenise(input).lang).toBe(out));

  it('takes a given language tag over its guess, and reads an unknown one as a guess', () => {
    expect(tokenise('The staff were lovely', 'pl-PL').lang).toBe('pl');
    expect(languageOf('zh-Hans')).toBe('zh');
    expect(languageOf('fr')).toBeUndefined();
  });

  it('records where each word starts in the original text', () => {
    const t = tokenise("  Hello, didn't");
    expect([t.start, t.end]).toEqual([
      [2, 9],
      [7, 15],
    ]);
  });
});

describe('stem', () => {
  const table = [
    { input: 'waiting', out: 'wait' },
    { input: 'groups', out: 'group' },
    { input: 'friendly', out: 'friendli' },
    { input: '2021', out: '2021' },
  ];
  for (const { input, out } of table) it(`stems "${input}" to "${out}"`, () => expect(stem(input)).toBe(out));

  const byLanguage = [
    { input: 'esperando', lang: 'pt', out: 'pt:esper' },
    { input: 'amamentação', lang: 'pt', out: 'pt:amamentaca' },
    { input: 'amamentacao', lang: 'pt', out: 'pt:amamentaca' },
    { input: 'czekaliśmy', lang: 'pl', out: 'pl:czek' },
    { input: 'asistentei', lang: 'ro', out: 'ro:asistent' },
    { input: 'والمواعيد', lang: 'ar', out: 'مواعيد' },
    { input: '好', lang: 'zh', out: '好' },
  ] as const;
  for (const { input, lang, out } of byLanguage) {
    it(`stems the ${lang} word "${input}" to "${out}", marked with its language where scripts are shared`, () => expect(stem(input, lang)).toBe(out));
  }
});
