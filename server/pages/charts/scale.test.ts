import { describe, expect, it } from 'vitest';
import { along, shareDomain, shareTicks } from './scale';

describe('along', () => {
  const cases = [
    { share: 0.5, domain: [0, 1] as const, out: '50%' },
    { share: 0.825, domain: [0, 1] as const, out: '82.5%' },
    { share: 0.85, domain: [0.7, 1] as const, out: '50%' },
    { share: 0.6, domain: [0.7, 1] as const, out: '0%' },
    { share: 1.2, domain: [0, 1] as const, out: '100%' },
  ];
  for (const { share, domain, out } of cases) it(`puts ${share} on [${domain}] at ${out}`, () => expect(along(share, domain)).toBe(out));
});

describe('shareDomain', () => {
  const cases = [
    { values: [0.81, 0.9], out: [0.7, 1] },
    { values: [0.86, 0.95], out: [0.8, 1] },
    { values: [0.02, 0.5], out: [0, 1] },
    { values: [], out: [0, 1] },
  ];
  for (const { values, out } of cases) it(`fits [${values}] in [${out}]`, () => expect(shareDomain(values)).toEqual(out));
});

describe('shareTicks', () => {
  it('ticks every 10% over a narrow range', () => expect(shareTicks([0.7, 1])).toEqual([0.7, 0.8, 0.9, 1]));
  it('ticks every 25% over the whole range', () => expect(shareTicks([0, 1])).toEqual([0, 0.25, 0.5, 0.75, 1]));
});
