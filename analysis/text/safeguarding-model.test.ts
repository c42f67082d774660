import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFEGUARDING_MODEL, detectSafeguarding, PATTERNS_ONLY_DETECTOR } from './safeguarding';
import { chooseThreshold, loadSafeguardingModel, scoreSafeguardingModel, serialiseSafeguardingModel, trainSafeguardingModel } from './safeguarding-model';

describe('the safeguarding model', () => {
  it('loads the shipped model with a finite threshold chosen out of fold', () => {
    expect(Number.isFinite(DEFAULT_SAFEGUARDING_MODEL.threshold)).toBe(true);
    expect(DEFAULT_SAFEGUARDING_MODEL.crossValidation).toMatchObject({ folds: 5, maxFalsePositiveRate: 0.07 });
  });

  it('stores the weights compactly and scores the same after loading them back', () => {
    const stored = JSON.parse(JSON.stringify(serialiseSafeguardingModel(DEFAULT_SAFEGUARDING_MODEL)));
    expect(stored.format).toBe(2);
    expect(typeof stored.weights).toBe('string');
    const loaded = loadSafeguardingModel(stored);
    for (const text of ['my husband chooses my clothes and who I can phone', 'lovely staff and a warm room', '他每天都查我的手机']) {
      expect(scoreSafeguardingModel(loaded, text).score).toBeCloseTo(scoreSafeguardingModel(DEFAULT_SAFEGUARDING_MODEL, text).score, 3);
    }
    expect(() => loadSafeguardingModel({ ...stored, weights: stored.weights.slice(0, 100) }).weights).toThrow(/wrong number of weights/);
  });

  it('refuses JSON that is not a model', () => {
    expect(() => loadSafeguardingModel({ format: 1, scheme: { min: 2, max: 4, bits: 15 }, weights: [] })).toThrow(/not a safeguarding model/);
  });

  // Phrasings no pattern foresees: only the model can catch them.
  const unseen = [
    { input: 'he makes all the decisions about money and I get an allowance each week', category: 'domestic-abuse' },
    { input: 'mąż wybiera mi ubrania i mówi z kim mogę rozmawiać', category: undefined },
  ];
  for (const { input, category } of unseen) {
    it(`flags "${input}" which the phrase lists miss, as immediate and from the model`, () => {
      expect(detectSafeguarding(input, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
      const result = detectSafeguarding(input);
      expect(result.flagged).toBe(true);
      expect(result.urgency).toBe('immediate');
      expect(result.matches).toHaveLength(1);
      expect(result.matches[0]).toMatchObject({ source: 'model', past: false });
      if (category) expect(result.categories).toEqual([category]);
    });
  }

  const lookAlikes = [
    'My husband picks what we watch on telly',
    'The staff decide what activities we do and who runs them',
    'There are leaflets about self-harm in the toilets',
  ];
  for (const input of lookAlikes) {
    it(`does not flag the look-alike "${input}"`, () => expect(detectSafeguarding(input).flagged).toBe(false));
  }

  it('picks the threshold with the best combined recall within the false-positive limit', () => {
    const oof = [
      { label: 'none', score: 0.3, patterns: false },
      { label: 'none', score: 0.1, patterns: false },
      { label: 'none', score: -1, patterns: true },
      { label: 'none', score: -1, patterns: false },
      { label: 'neglect', score: 0.5, patterns: false },
      { label: 'neglect', score: 0.05, patterns: false },
      { label: 'neglect', score: -1, patterns: true },
    ] as const;
    // 0.3 would flag two of four look-alikes; 0.5 flags only the pattern's one.
    expect(chooseThreshold(oof, 0.25)).toEqual({ threshold: 0.5, recall: 2 / 3, falsePositiveRate: 0.25 });
    expect(chooseThreshold(oof, 0)).toEqual({ threshold: Number.POSITIVE_INFINITY, recall: 1 / 3, falsePositiveRate: 0.25 });
  });

  it('trains the same model from the same rows', () => {
    const rows = [
      { label: 'domestic-abuse', text: 'he hits me when he drinks' },
      { label: 'domestic-abuse', text: 'my partner controls all our money' },
      { label: 'neglect', text: 'the kids are left alone all night' },
      { label: 'none', text: 'lovely staff and a warm room' },
      { label: 'none', text: 'the bus there takes an hour' },
      { label: 'none', text: 'more sessions on saturdays please' },
    ] as const;
    const first = trainSafeguardingModel(rows, () => false, { folds: 2 });
    const second = trainSafeguardingModel(rows, () => false, { folds: 2 });
    expect(first.model).toEqual(second.model);
    expect(first.outOfFold).toHaveLength(rows.length);
  });
});
