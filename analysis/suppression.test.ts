import { describe, expect, it } from 'vitest';
import { isSmallCount, suppress, toWholePercent } from './suppression';

type Cell = { key: string; n: number; parent?: string };
const flags = (rows: Cell[], nested = false) =>
  Object.fromEntries(suppress(rows, nested ? { parentOf: (row) => row.parent } : {}).map((row) => [row.key, row.suppressionReason]));

describe('isSmallCount', () => {
  const table = [
    { n: 0, out: false },
    { n: 1, out: true },
    { n: 4, out: true },
    { n: 5, out: false },
  ];
  for (const { n, out } of table) it(`${out ? 'suppresses' : 'publishes'} a cell of ${n}`, () => expect(isSmallCount(n)).toBe(out));
});

describe('suppress', () => {
  const table: { name: string; rows: Cell[]; nested?: boolean; out: Record<string, string | null> }[] = [
    {
      name: 'publishes every cell when none has 1-4 responses, empty cells included',
      rows: [
        { key: 'a', n: 0 },
        { key: 'b', n: 5 },
        { key: 'c', n: 12 },
      ],
      out: { a: null, b: null, c: null },
    },
    {
      // The pipeline's own example: trusts [2, 80, 150] under a total of 232; 232 − 80 − 150 = 2.
      name: 'hides the next-smallest sibling when exactly one is small, so the total cannot reveal it',
      rows: [
        { key: 'a', n: 2 },
        { key: 'b', n: 150 },
        { key: 'c', n: 80 },
      ],
      out: { a: 'small', b: null, c: 'secondary' },
    },
    {
      name: 'passes over empty siblings when choosing the secondary cell',
      rows: [
        { key: 'a', n: 4 },
        { key: 'b', n: 0 },
        { key: 'c', n: 5 },
        { key: 'd', n: 9 },
      ],
      out: { a: 'small', b: null, c: 'secondary', d: null },
    },
    {
      name: 'adds no secondary cell when two siblings are already small',
      rows: [
        { key: 'a', n: 1 },
        { key: 'b', n: 3 },
        { key: 'c', n: 40 },
      ],
      out: { a: 'small', b: 'small', c: null },
    },
    {
      name: 'judges siblings per parent, so a small site hides the next-smallest site of its own provider',
      nested: true,
      rows: [
        { key: 'p1', n: 60 },
        { key: 'p2', n: 50 },
        { key: 's1', n: 3, parent: 'p1' },
        { key: 's2', n: 57, parent: 'p1' },
        { key: 's3', n: 6, parent: 'p2' },
        { key: 's4', n: 44, parent: 'p2' },
      ],
      out: { p1: null, p2: null, s1: 'small', s2: 'secondary', s3: null, s4: null },
    },
    {
      // p2 is hidden only to protect p1; showing all of p2's sites would add back up to p2.
      name: 'cascades from a hidden provider to its two smallest sites',
      nested: true,
      rows: [
        { key: 'p1', n: 4 },
        { key: 'p2', n: 30 },
        { key: 'p3', n: 90 },
        { key: 's1', n: 4, parent: 'p1' },
        { key: 's2', n: 10, parent: 'p2' },
        { key: 's3', n: 8, parent: 'p2' },
        { key: 's4', n: 12, parent: 'p2' },
      ],
      out: { p1: 'small', p2: 'secondary', p3: null, s1: 'small', s2: 'cascade', s3: 'cascade', s4: null },
    },
  ];
  for (const { name, rows, nested, out } of table) it(name, () => expect(flags(rows, nested)).toEqual(out));

  it('keeps the caller’s fields and order', () => {
    const rows = [
      { key: 'b', n: 9, label: 'B' },
      { key: 'a', n: 9, label: 'A' },
    ];
    expect(suppress(rows)).toEqual([
      { key: 'b', n: 9, label: 'B', suppressed: false, suppressionReason: null },
      { key: 'a', n: 9, label: 'A', suppressed: false, suppressionReason: null },
    ]);
  });
});

describe('toWholePercent', () => {
  const table: { share: number | null; out: number | null }[] = [
    { share: null, out: null },
    { share: 0, out: 0 },
    { share: 57 / 200, out: 29 },
    { share: 0.125, out: 13 },
    { share: 2 / 3, out: 67 },
    { share: 1, out: 100 },
  ];
  for (const { share, out } of table) it(`publishes ${String(share)} as ${String(out)}%`, () => expect(toWholePercent(share)).toBe(out));
});
