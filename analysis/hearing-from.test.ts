import { describe, expect, it } from 'vitest';
import { compareWithPopulation } from './hearing-from';

describe('compareWithPopulation', () => {
  it('puts the groups heard from least first, flagging those whose whole interval sits below their population share', () => {
    const rows = compareWithPopulation(
      [
        { key: 'white', label: 'White', n: 180 },
        { key: 'asian', label: 'Asian', n: 12 },
        { key: 'black', label: 'Black', n: 8 },
      ],
      [
        { key: 'white', count: 7000 },
        { key: 'asian', count: 1500 },
        { key: 'black', count: 500 },
        { key: 'mixed', count: 1000 },
      ],
      (key) => key.toUpperCase(),
    );
    expect(rows.map((r) => [r.key, r.underHeard])).toEqual([
      ['mixed', true],
      ['asian', true],
      ['black', false],
      ['white', false],
    ]);
    const asian = rows.find((r) => r.key === 'asian')!;
    expect(asian.share).toBeCloseTo(0.06, 5);
    expect(asian.populationShare).toBeCloseTo(0.15, 5);
    expect(asian.ci95![1]).toBeLessThan(0.15);
    // Black: 4% of responses against 5% of people: within the interval, not flagged.
    expect(rows.find((r) => r.key === 'black')!.ci95![1]).toBeGreaterThan(0.05);
    expect(rows.find((r) => r.key === 'mixed')).toMatchObject({ n: 0, share: 0, label: 'MIXED' });
  });

  it('hides a share of 1-4 responses but can still call the group under-heard', () => {
    const [row] = compareWithPopulation(
      [
        { key: 'white', label: 'White', n: 300 },
        { key: 'asian', label: 'Asian', n: 3 },
      ],
      [
        { key: 'asian', count: 2000 },
        { key: 'white', count: 8000 },
      ],
    );
    expect(row).toMatchObject({ key: 'asian', n: null, share: null, ci95: null, underHeard: true });
  });
});
