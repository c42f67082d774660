import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENTIMENT_LAYER, DEFAULT_THEME_REVIEW } from './default-model';
import { loadSentimentLayer, packSentimentLayer } from './sentiment-layer';
import { packPairs, unpackPairs } from './sparse-pairs';
import { loadThemeReview, packThemeReview } from './theme-review';

describe('weights saved packed', () => {
  it('are index gaps and whole units, and read back as the same numbers', () => {
    const pairs = [3, 0.125, 7, -0.5, 1200, 0.001];
    expect(packPairs(pairs, 1000)).toEqual([3, 125, 4, -500, 1193, 1]);
    expect(unpackPairs(packPairs(pairs, 1000), 1000)).toEqual(pairs);
  });

  const shipped = [
    { file: './theme-review.json', layer: DEFAULT_THEME_REVIEW, load: loadThemeReview, packed: packThemeReview(DEFAULT_THEME_REVIEW) },
    { file: './sentiment-layer.json', layer: DEFAULT_SENTIMENT_LAYER, load: loadSentimentLayer, packed: packSentimentLayer(DEFAULT_SENTIMENT_LAYER) },
  ];
  for (const { file, layer, load, packed } of shipped) {
    it(`ship ${file} as version 2, which loads as the numbers trained; version 1 still loads`, () => {
      const saved = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
      expect(saved.version).toBe(2);
      expect(saved.weights[0].slice(0, 2).every(Number.isInteger)).toBe(true);
      expect(load(JSON.parse(JSON.stringify(packed)))).toEqual(layer);
      expect(load(structuredClone(layer))).toEqual(layer);
    });
  }
});
