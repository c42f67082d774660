import { describe, expect, it } from 'vitest';
import { parseMarkedText, scoreRedaction, summariseRedaction, tokenRanges, type Range } from './redact-eval';

describe('parseMarkedText', () => {
  const table = [
    { name: 'strips the brackets and keeps the marked range', input: 'my son [[Oliver]] loves it', out: { text: 'my son Oliver loves it', marked: [[7, 13]] } },
    {
      name: 'reads several spans',
      input: '[[Jo]] and [[Kim]]',
      out: {
        text: 'Jo and Kim',
        marked: [
          [0, 2],
          [7, 10],
        ],
      },
    },
    { name: 'leaves a comment without marks alone', input: 'Lovely [staff]', out: { text: 'Lovely [staff]', marked: [] } },
  ];
  for (const { name, input, out } of table) it(name, () => expect(parseMarkedText(input)).toEqual(out));

  it('refuses an unclosed span, naming the comment', () => expect(() => parseMarkedText('my son [[Oliver')).toThrow(/my son/));
});

describe('tokenRanges', () => {
  const table = [
    { name: 'splits words at apostrophes and punctuation', input: "Sarah's 10/10!", out: ['Sarah', 's', '10', '10'] },
    { name: 'makes each Han character a token, apart from Latin letters beside it', input: '感谢Emma老师', out: ['感', '谢', 'Emma', '老', '师'] },
    { name: 'keeps Arabic and accented words whole', input: 'ابني يوسف, João', out: ['ابني', 'يوسف', 'João'] },
  ];
  for (const { name, input, out } of table) it(name, () => expect(tokenRanges(input).map(([s, e]) => input.slice(s, e))).toEqual(out));
});

describe('scoreRedaction', () => {
  const text = 'thanks Jo and Kim Lee, 07700 900123';
  const marked = parseMarkedText('thanks [[Jo]] and [[Kim Lee]], [[07700 900123]]');
  const table: { name: string; replaced: Range[]; out: Partial<ReturnType<typeof scoreRedaction>> }[] = [
    {
      name: 'counts every span caught when each is replaced whole',
      replaced: [
        [7, 9],
        [14, 21],
        [23, 35],
      ],
      out: { spans: 3, caught: 3, tokens: 2, overRedactedTokens: 0 },
    },
    {
      name: 'counts a span caught when several ranges cover its tokens between them',
      replaced: [
        [7, 9],
        [14, 17],
        [18, 21],
        [23, 35],
      ],
      out: { caught: 3 },
    },
    {
      name: 'misses a span with one token left',
      replaced: [
        [7, 9],
        [14, 17],
        [23, 35],
      ],
      out: { caught: 2, misses: ['Kim Lee'] },
    },
    {
      name: 'misses a span with a token only partly replaced',
      replaced: [
        [7, 8],
        [14, 21],
        [23, 35],
      ],
      out: { caught: 2, misses: ['Jo'] },
    },
    {
      name: 'counts an unmarked token touched by a range as over-redacted',
      replaced: [
        [0, 9],
        [14, 21],
        [23, 35],
      ],
      out: { caught: 3, overRedactedTokens: 1, overRedacted: ['thanks'] },
    },
    {
      name: 'counts nothing caught and nothing over-redacted when nothing is replaced',
      replaced: [],
      out: { caught: 0, overRedactedTokens: 0, misses: ['Jo', 'Kim Lee', '07700 900123'] },
    },
  ];
  it('reads the marked comment back to its text', () => expect(marked.text).toBe(text));
  for (const { name, replaced, out } of table) it(name, () => expect(scoreRedaction(marked, replaced)).toMatchObject(out));
});

describe('summariseRedaction', () => {
  const score = (spans: number, caught: number, tokens: number, over: number) => ({
    spans,
    caught,
    tokens,
    overRedactedTokens: over,
    misses: [],
    overRedacted: [],
  });

  it('adds comment scores into recall over spans and over-redaction over unmarked tokens', () =>
    expect(summariseRedaction([score(2, 2, 10, 0), score(2, 1, 30, 1)])).toEqual({
      n: 2,
      namesRecall: 0.75,
      overRedaction: 0.025,
      spans: 4,
      caught: 3,
      tokens: 40,
      overRedactedTokens: 1,
    }));

  it('gives full recall and no over-redaction when there is nothing to count', () =>
    expect(summariseRedaction([])).toMatchObject({ n: 0, namesRecall: 1, overRedaction: 0 }));
});
