import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';

describe('contrast ratio (WCAG 2.2)', () => {
  it.each([
    { a: '#000000', b: '#ffffff', ratio: 21 },
    { a: '#ffffff', b: '#ffffff', ratio: 1 },
    // GOV.UK's published pairs: link blue 5.17:1, and #767676 the lightest grey that passes AA on white (4.54:1).
    { a: '#1d70b8', b: '#ffffff', ratio: 5.17 },
    { a: '#767676', b: '#ffffff', ratio: 4.54 },
    { a: '#ffdd00', b: '#ffffff', ratio: 1.35 },
  ])('gives $a against $b as $ratio:1', ({ a, b, ratio }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });
});
