import { describe, expect, it } from 'vitest';
import { stem, tokenise } from './tokenize';

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

  it('records where each word starts in the original text', () => {
    const t = tokenise("  Hello, didn't");
    expect([t.start, t.end]).toEqual([[2, 9], [7, 15]]);
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
});
