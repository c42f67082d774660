import { describe, expect, it } from 'vitest';
import { Z95, intervalsOverlap, newcombeDifference, wilson } from './wilson';

describe('wilson', () => {
  // Newcombe RG (1998) Stat Med 17:857-872, worked examples for the score method without
  // continuity correction, published to 4 decimals; n/n values are the mirror of 0/n.
  const table: { x: number; n: number; out: [number, number] }[] = [
    { x: 81, n: 263, out: [0.2553, 0.3662] },
    { x: 15, n: 148, out: [0.0624, 0.1605] },
    { x: 0, n: 20, out: [0, 0.1611] },
    { x: 1, n: 29, out: [0.0061, 0.1718] },
    { x: 20, n: 20, out: [0.8389, 1] },
  ];
  for (const { x, n, out } of table) {
    it(`matches the published interval for ${x}/${n}`, () => {
      const ci = wilson(x, n);
      expect(ci?.[0]).toBeCloseTo(out[0], 4);
      expect(ci?.[1]).toBeCloseTo(out[1], 4);
    });
  }

  it('pins 0/n to exactly 0 and n/n to exactly 1, without float dust outside 0..1', () => {
    expect(wilson(0, 1)?.[0]).toBe(0);
    expect(wilson(20, 20)?.[1]).toBe(1);
  });

  it('gives null when there are no answers to bound', () => expect(wilson(0, 0)).toBeNull());

  it('rejects more successes than answers', () => expect(() => wilson(6, 5)).toThrow(RangeError));

  it('uses z = 1.959964 for 95%', () => expect(Z95).toBe(1.959964));
});

describe('newcombeDifference', () => {
  // Newcombe RG (1998) Stat Med 17:873-890, examples (a)-(h), method 10 (hybrid score).
  const table: { name: string; args: [number, number, number, number]; out: [number, number] }[] = [
    { name: '(a) 56/70 − 48/80', args: [56, 70, 48, 80], out: [0.0524, 0.3339] },
    { name: '(b) 9/10 − 3/10', args: [9, 10, 3, 10], out: [0.1705, 0.809] },
    { name: '(c) 6/7 − 2/7', args: [6, 7, 2, 7], out: [0.0582, 0.8062] },
    { name: '(d) 5/56 − 0/29', args: [5, 56, 0, 29], out: [-0.0381, 0.1926] },
    { name: '(e) 0/10 − 0/20', args: [0, 10, 0, 20], out: [-0.1611, 0.2775] },
    { name: '(f) 0/10 − 0/10', args: [0, 10, 0, 10], out: [-0.2775, 0.2775] },
    { name: '(g) 10/10 − 0/20', args: [10, 10, 0, 20], out: [0.6791, 1] },
    { name: '(h) 10/10 − 0/10', args: [10, 10, 0, 10], out: [0.6075, 1] },
  ];
  for (const { name, args, out } of table) {
    it(`matches the published hybrid score interval for example ${name}`, () => {
      const ci = newcombeDifference(...args);
      expect(ci?.[0]).toBeCloseTo(out[0], 4);
      expect(ci?.[1]).toBeCloseTo(out[1], 4);
    });
  }

  it('gives null when either side has no answers', () => expect(newcombeDifference(1, 2, 0, 0)).toBeNull());
});

describe('intervalsOverlap', () => {
  const table: { a: [number, number]; b: [number, number]; out: boolean }[] = [
    { a: [0.1, 0.3], b: [0.25, 0.5], out: true },
    { a: [0.1, 0.3], b: [0.3, 0.5], out: true },
    { a: [0.1, 0.3], b: [0.31, 0.5], out: false },
    { a: [0.6, 0.9], b: [0.1, 0.59], out: false },
  ];
  for (const { a, b, out } of table) it(`says [${a}] and [${b}] ${out ? 'overlap' : 'do not overlap'}`, () => expect(intervalsOverlap(a, b)).toBe(out));
});
