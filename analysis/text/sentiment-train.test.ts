import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEFAULT_SENTIMENT_LAYER, defaultTaxonomy, seedModelJson } from './default-model';
import { parseLabelledCsv } from './evaluate';
import { loadModel } from './model';
import { loadSentimentLayer } from './sentiment-layer';
import { trainSentimentLayer } from './sentiment-train';

describe('the default sentiment layer', () => {
  it('is what `hubvoice sentiment train` builds from the files it names', () => {
    const files = DEFAULT_SENTIMENT_LAYER.trainedOn.files;
    expect(files.length).toBeGreaterThanOrEqual(4);
    const rebuilt = trainSentimentLayer(
      files.flatMap((path) => parseLabelledCsv(readFileSync(path, 'utf8'))),
      files,
    );
    expect(rebuilt).toEqual(DEFAULT_SENTIMENT_LAYER);
  });

  it('never trains on the held-out set', () => {
    expect(DEFAULT_SENTIMENT_LAYER.trainedOn.files.some((path) => path.includes('holdout'))).toBe(false);
  });

  it('learns from the words, not only the lexicon counts', () => {
    // Two tiny sets in which only a word, never a lexicon word, tells the classes apart.
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ text: `the queue was endless ${i}`, labels: [], sentiment: -1 as const })),
      ...Array.from({ length: 6 }, (_, i) => ({ text: `the cafe was spotless ${i}`, labels: [], sentiment: 1 as const })),
      ...Array.from({ length: 6 }, (_, i) => ({ text: `we came on a tuesday ${i}`, labels: [], sentiment: 0 as const })),
    ];
    const model = loadModel(seedModelJson(defaultTaxonomy, trainSentimentLayer(rows, [])));
    expect(classify(model, 'the queue was endless again').sentiment).toBe(-1);
    expect(classify(model, 'the cafe was spotless again').sentiment).toBe(1);
  });

  it('refuses JSON that is not a sentiment layer', () => {
    expect(() => loadSentimentLayer({ format: 'hubvoice-theme-model' })).toThrow(/not a hubvoice sentiment layer/);
    expect(() => loadSentimentLayer({ ...DEFAULT_SENTIMENT_LAYER, features: ['good', ...DEFAULT_SENTIMENT_LAYER.features] })).toThrow(/lexicon features first/);
  });
});
