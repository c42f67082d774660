import { describe, expect, it } from 'vitest';
import { emptyFftCounts, type FftCounts } from './fft';
import { erfc, normalCdf, trendReport, twoProportionZTest, type TrendGroup } from './trends';

const fft = (good: number, poor: number): FftCounts => ({ ...emptyFftCounts(), good, poor });

describe('erfc', () => {
  // Reference values from scipy.special.erfc (double precision).
  const table = [
    { x: 0, out: 1 },
    { x: 0.5, out: 0.4795001221869535 },
    { x: 1, out: 0.15729920705028516 },
    { x: 2, out: 0.004677734981047266 },
    { x: 2.9, out: 4.109787809945884e-5 },
    { x: 3, out: 2.2090496998585445e-5 },
    { x: 3.5, out: 7.430983723414129e-7 },
    { x: 5, out: 1.5374597944280347e-12 },
    { x: -1, out: 1.8427007929497148 },
  ];
  for (const { x, out } of table) {
    it(`gives erfc(${x}) to within 1e-7 absolute and 1e-9 relative`, () => {
      expect(Math.abs(erfc(x) - out)).toBeLessThanOrEqual(1e-7);
      expect(Math.abs(erfc(x) - out) / out).toBeLessThan(1e-9);
    });
  }
});

describe('normalCdf', () => {
  const table = [
    { x: 0, out: 0.5 },
    { x: 1, out: 0.8413447460685429 },
    { x: 1.959964, out: 0.9750000009035577 },
    { x: -3, out: 0.0013498980316300933 },
    { x: 2.5758293, out: 0.9949999999486838 },
  ];
  for (const { x, out } of table) it(`gives Φ(${x}) = ${out} to 1e-7`, () => expect(Math.abs(normalCdf(x) - out)).toBeLessThanOrEqual(1e-7));
});

describe('twoProportionZTest', () => {
  // Pooled z = (p1 − p2) / √(p̄(1 − p̄)(1/n1 + 1/n2)), worked by hand:
  // 664 vs 622 of 1000: p̄ 0.643, SE √(0.643·0.357·0.002) = 0.0214267, z = 0.042 / SE = 1.96017.
  // 618 vs 575 of 1000: p̄ 0.5965, SE 0.0219403, z = 0.043 / SE = 1.95987.
  // 457 vs 438 of 500: z = 1.959961, a hair under z = 1.959964 for p = 0.05.
  const table: { args: [number, number, number, number]; z: number; significant: boolean }[] = [
    { args: [664, 1000, 622, 1000], z: 1.96017, significant: true },
    { args: [622, 1000, 664, 1000], z: -1.96017, significant: true },
    { args: [618, 1000, 575, 1000], z: 1.95987, significant: false },
    { args: [457, 500, 438, 500], z: 1.959961, significant: false },
  ];
  for (const { args, z, significant } of table) {
    it(`gives z ≈ ${z} for ${args[0]}/${args[1]} vs ${args[2]}/${args[3]}, ${significant ? 'just' : 'not'} significant at 5%`, () => {
      const test = twoProportionZTest(...args);
      expect(test?.z).toBeCloseTo(z, 5);
      expect((test?.p ?? 1) < 0.05).toBe(significant);
    });
  }

  it('gives z 0 and p 1 when both periods are all positive', () => expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ z: 0, p: 1 }));
  it('gives null when a period has no answers', () => expect(twoProportionZTest(0, 0, 5, 10)).toBeNull());
});

describe('trendReport', () => {
  const row = (group: Partial<TrendGroup>, others: TrendGroup[] = []) =>
    trendReport([{ key: 'hub', label: 'Hub', current: fft(0, 0), ...group }, ...others])[0];

  it('reports change and significance against the previous period and last year', () => {
    const result = row({ current: fft(664, 336), previous: fft(622, 378), lastYear: fft(575, 425) });
    expect(result?.current).toMatchObject({ n: 1000, positive: 0.664, suppressed: false });
    expect(result?.vsPrevious).toMatchObject({ base: { n: 1000, positive: 0.622 }, significant: true });
    expect(result?.vsPrevious?.change).toBeCloseTo(0.042, 12);
    expect(result?.vsLastYear?.significant).toBe(true);
    expect(result?.vsLastYear?.change).toBeCloseTo(0.089, 12);
  });

  it('leaves out a comparison whose period was not asked for', () => {
    expect(row({ current: fft(10, 0), previous: fft(5, 5) })?.vsLastYear).toBeNull();
  });

  it('never calls a change significant when a period is suppressed, however large it looks', () => {
    // 0/4 last year → 100/100 now would be z ≈ 9.9, but 4 answers is a suppressed cell.
    const result = row({ current: fft(100, 0), lastYear: fft(0, 4) }, [{ key: 'other', label: 'Other', current: fft(50, 0), lastYear: fft(40, 0) }]);
    expect(result?.vsLastYear).toMatchObject({ base: { n: null, positive: null, suppressed: true }, change: null, z: null, p: null, significant: false });
  });

  it('suppresses the next-smallest group in a period so its total cannot reveal a small one', () => {
    const rows = trendReport([
      { key: 'a', label: 'A', current: fft(3, 0) },
      { key: 'b', label: 'B', current: fft(6, 2) },
      { key: 'c', label: 'C', current: fft(30, 10) },
    ]);
    expect(rows.map((r) => r.current.suppressed)).toEqual([true, true, false]);
  });
});
