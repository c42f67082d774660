import { describe, expect, it } from 'vitest';
import { emergingTerms, summariseThemes, type TaggedCommentRow } from './summarise';

const row = (period: string, text: string, themes: [string, number, (-1 | 0 | 1)?][], sentiment: -1 | 0 | 1, group = 'north'): TaggedCommentRow => ({
  period,
  group,
  text,
  sentiment,
  themes: themes.map(([theme, score, s]) => ({ theme, score, ...(s === undefined ? {} : { sentiment: s }) })),
});

const rows: TaggedCommentRow[] = [
  row('2025-Q1', 'Lovely staff', [['staff', 0.9]], 1),
  row('2025-Q1', 'Parking is hard', [['travel', 0.8]], -1),
  row('2025-Q1', 'Staff were kind', [['staff', 0.7]], 1),
  row('2025-Q1', 'Great groups', [['play', 0.9]], 1),
  row('2025-Q2', 'Staff lovely, call Sarah on 07700 900123', [['staff', 0.95]], 1),
  row('2025-Q2', 'Staff lovely, call Sarah on 07700 900123!', [['staff', 0.94]], 1),
  row('2025-Q2', 'The staff at reception were rude', [['staff', 0.6]], -1),
  row(
    '2025-Q2',
    'Staff friendly but the parking is awful',
    [
      ['staff', 0.7, 1],
      ['travel', 0.8, -1],
    ],
    -1,
  ),
  row('2025-Q2', 'Bus was late', [['travel', 0.5]], -1, 'south'),
];

describe('summariseThemes', () => {
  const summary = summariseThemes(rows, { period: '2025-Q2', previousPeriod: '2025-Q1', group: 'north', themeNames: { staff: 'Staff' } });

  it('counts comments and themes for the chosen period and group only', () => {
    expect(summary.comments).toBe(4);
    expect(summary.themes.map((t) => [t.theme, t.count])).toEqual([
      ['staff', 4],
      ['travel', 1],
    ]);
  });

  it('gives share, sentiment split (per theme mention) and change against the previous period', () => {
    const staff = summary.themes[0]!;
    expect(staff).toMatchObject({ name: 'Staff', share: 1, sentiment: { negative: 1, neutral: 0, positive: 3 } });
    expect(staff.previous).toEqual({ count: 2, share: 0.5 });
    expect(staff.change).toEqual({ count: 2, share: 0.5 });
    expect(summary.themes[1]!.sentiment).toEqual({ negative: 1, neutral: 0, positive: 0 });
  });

  it('takes counts, shares, sentiment and change from exact counts when the rows are a sample', () => {
    const sentiment = (negative: number, neutral: number, positive: number) => ({ negative, neutral, positive });
    const counted = summariseThemes(rows, {
      period: '2025-Q2',
      previousPeriod: '2025-Q1',
      group: 'north',
      counts: {
        current: {
          comments: 400,
          themes: new Map([
            ['staff', { count: 300, sentiment: sentiment(100, 0, 200) }],
            ['parking', { count: 10, sentiment: sentiment(10, 0, 0) }],
          ]),
        },
        previous: { comments: 200, themes: new Map([['staff', { count: 50, sentiment: sentiment(0, 0, 50) }]]) },
      },
    });
    expect(counted.comments).toBe(400);
    expect(counted.themes.map((t) => [t.theme, t.count, t.share])).toEqual([
      ['staff', 300, 0.75],
      ['parking', 10, 0.025],
    ]);
    expect(counted.themes[0]).toMatchObject({ sentiment: sentiment(100, 0, 200), previous: { count: 50, share: 0.25 }, change: { count: 250, share: 0.5 } });
    // Quotes still come from the rows; a theme with no sampled row has none.
    expect(counted.themes[0]!.quotes).toEqual(summary.themes[0]!.quotes);
    expect(counted.themes[1]!.quotes).toEqual([]);
  });

  it('quotes typical, high-scoring comments, redacted, without near-duplicates', () => {
    expect(summary.themes[0]!.quotes).toEqual([
      'Staff lovely, call [name] on [phone]',
      'The staff at reception were rude',
      'Staff friendly but the parking is awful',
    ]);
  });

  it('leaves out change and emerging terms when there is no previous period', () => {
    const alone = summariseThemes(rows, { period: '2025-Q2' });
    expect(alone.themes[0]!.change).toBeNull();
    expect(alone.emergingTerms).toEqual([]);
  });

  it('ignores themes scoring below minScore', () => {
    expect(summariseThemes(rows, { period: '2025-Q2', minScore: 0.65 }).themes.map((t) => t.count)).toEqual([3, 1]);
  });
});

describe('representative quotes', () => {
  // Newest first, as the server reads them; every comment scores the same, as under the
  // default taxonomy, so nothing but the text can decide.
  const feeding = [
    'The bus was late again and I missed it',
    'Breastfeeding support was brilliant, thank you',
    'Breastfeeding support was brilliant, thank you so much',
    'The breastfeeding cafe helped me keep feeding my baby',
    'Help with bottle feeding and weaning was really useful',
    'Support with breastfeeding when my baby would not latch',
    'Feeding support for my baby',
  ].map((text) => row('2025-Q2', text, [['feeding', 0.88]], 1));
  const quotes = summariseThemes(feeding, { period: '2025-Q2' }).themes[0]!.quotes;
  const table = [
    {
      name: 'leaves out a comment unlike the rest of its theme, though it is the newest',
      check: () => expect(quotes).not.toContain('The bus was late again and I missed it'),
    },
    {
      name: 'never quotes two near-identical comments',
      check: () => expect(quotes.filter((q) => q.startsWith('Breastfeeding support was brilliant'))).toHaveLength(1),
    },
    { name: 'still gives as many quotes as asked for', check: () => expect(quotes).toHaveLength(3) },
    {
      name: 'gives the same quotes whatever order the comments come in',
      check: () => expect(summariseThemes([...feeding].reverse(), { period: '2025-Q2' }).themes[0]!.quotes.sort()).toEqual([...quotes].sort()),
    },
  ];
  for (const { name, check } of table) it(name, check);
});

describe('emergingTerms', () => {
  it('finds a word that rose sharply and ignores steady ones', () => {
    const before = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'great staff and lovely groups' : 'the groups are fun'));
    const after = [...before.slice(0, 30), ...Array.from({ length: 10 }, () => 'the groups were cancelled again, cancelled twice')];
    const terms = emergingTerms(after, before);
    expect(terms[0]).toMatchObject({ term: 'cancelled', current: 20, previous: 0 });
    expect(terms.map((t) => t.term)).not.toContain('groups');
  });
});
