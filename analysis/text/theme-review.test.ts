import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEFAULT_THEME_REVIEW, defaultModel, defaultTaxonomy, seedModelJson } from './default-model';
import { parseLabelledCsv } from './evaluate';
import { loadModel, modelToJson } from './model';
import { loadThemeReview, reviewLengthScale } from './theme-review';
import { trainThemeReview } from './theme-review-train';
import { applyCorrections } from './train';

const themesOf = (model: ReturnType<typeof defaultModel>, text: string, lang?: string) =>
  classify(model, text, lang)
    .themes.map((t) => t.theme)
    .sort();

describe('the default theme review', () => {
  it('is what `hubvoice themes review` builds from the files it names', () => {
    const files = DEFAULT_THEME_REVIEW.trainedOn.files;
    expect(files.length).toBeGreaterThanOrEqual(4);
    const rebuilt = trainThemeReview(
      files.flatMap((path) => parseLabelledCsv(readFileSync(path, 'utf8'))),
      files,
    );
    expect(rebuilt).toEqual(DEFAULT_THEME_REVIEW);
  }, 60_000);

  it('never trains on the held-out set', () => {
    expect(DEFAULT_THEME_REVIEW.trainedOn.files.some((path) => path.includes('holdout'))).toBe(false);
  });

  it('joins only the taxonomy it was learned for', () => {
    expect(seedModelJson(defaultTaxonomy).themeReview).toBeDefined();
    const own = [{ id: 'parking', name: 'Parking', description: 'Parking', seedTerms: ['parking'] }];
    expect(seedModelJson(own).themeReview).toBeUndefined();
    expect(seedModelJson(defaultTaxonomy.slice(1)).themeReview).toBeUndefined();
    expect(seedModelJson(defaultTaxonomy, undefined, null).themeReview).toBeUndefined();
  });

  it('survives the JSON round trip a council model takes', () => {
    const reloaded = loadModel(JSON.parse(JSON.stringify(modelToJson(defaultModel()))));
    expect(reloaded.review).toBeDefined();
    const texts = analysisSample();
    for (const { text, language } of texts) expect(themesOf(reloaded, text, language)).toEqual(themesOf(defaultModel(), text, language));
  });

  it('refuses JSON that is not a theme review', () => {
    expect(() => loadThemeReview({ format: 'hubvoice-sentiment-layer' })).toThrow(/not a hubvoice theme review/);
    expect(() => loadThemeReview({ ...DEFAULT_THEME_REVIEW, thresholds: [0.2] })).toThrow(/each of its themes/);
    expect(() => loadThemeReview({ ...DEFAULT_THEME_REVIEW, bestThemeAt: undefined })).toThrow(/best theme/);
    expect(() => loadThemeReview({ ...DEFAULT_THEME_REVIEW, features: ['wait', ...DEFAULT_THEME_REVIEW.features] })).toThrow(/lexicon features first/);
  });
});

describe('a theme review', () => {
  // A tiny set in which words no seed term holds carry one theme, and a seed term's theme is
  // never the label when a particular word is beside it.
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ({ text: `the zebra stripes were everywhere ${i}`, labels: ['cost'] })),
    ...Array.from({ length: 12 }, (_, i) => ({ text: `the bus was late again ${i}`, labels: ['location-travel'] })),
    ...Array.from({ length: 12 }, (_, i) => ({ text: `the bus quokka was late ${i}`, labels: [] })),
    ...Array.from({ length: 12 }, (_, i) => ({ text: `we came along on a tuesday ${i}`, labels: [] })),
  ];
  const review = trainThemeReview(rows, ['tiny.csv']);
  const model = loadModel(seedModelJson(defaultTaxonomy, undefined, review));
  const seedOnly = loadModel(seedModelJson(defaultTaxonomy, undefined, null));

  it('adds a theme the words carry without a seed term, explained by those words', () => {
    // The toy's words, as trained: a few of them alone score under the shipped threshold.
    expect(themesOf(seedOnly, 'the zebra stripes were everywhere')).toEqual([]);
    const found = classify(model, 'the zebra stripes were everywhere').themes;
    expect(found.map((t) => t.theme)).toEqual(['cost']);
    expect(found[0]!.triggers.some((w) => /zebra|stripes/.test(w))).toBe(true);
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('drops a seed theme the words around it do not bear out, and keeps it where they do', () => {
    expect(themesOf(seedOnly, 'the bus quokka was late')).toContain('location-travel');
    expect(themesOf(model, 'the bus quokka was late')).not.toContain('location-travel');
    expect(themesOf(model, 'the bus was late again')).toContain('location-travel');
  });

  it('gives a comment none of whose themes clears the threshold its best theme, at the score the review names', () => {
    const withBest = (bestThemeAt: number) => loadModel(seedModelJson(defaultTaxonomy, undefined, trainThemeReview(rows, [], { threshold: 50, bestThemeAt })));
    expect(themesOf(withBest(-50), 'the zebra stripes were everywhere')).toEqual(['cost']);
    expect(themesOf(withBest(50), 'the zebra stripes were everywhere')).toEqual([]);
    // Saved and loaded with the model, as a council's model is.
    expect(themesOf(loadModel(JSON.parse(JSON.stringify(modelToJson(withBest(-50))))), 'the zebra stripes were everywhere')).toEqual(['cost']);
  });

  it('weighs a long comment’s words as if it had `wordsWeighed` words, in a saved model too', () => {
    const long = 'zebra stripes '.repeat(8).trim();
    const weighing = (wordsWeighed?: number) => loadModel(seedModelJson(defaultTaxonomy, undefined, { ...review, wordsWeighed }));
    // Sixteen words of the toy's cost words: every one weighed, cost is the comment's best theme.
    expect(themesOf(weighing(undefined), long)).toEqual(['cost']);
    // Weighed as four words, the same words no longer reach it; a comment of four words reads as before.
    expect(themesOf(weighing(4), long)).toEqual([]);
    expect(themesOf(weighing(4), 'zebra stripes zebra stripes')).toEqual(themesOf(weighing(undefined), 'zebra stripes zebra stripes'));
    expect(themesOf(loadModel(JSON.parse(JSON.stringify(modelToJson(weighing(4))))), long)).toEqual([]);
  });

  it('scales a comment past `wordsWeighed` words by the square root, a Chinese character counting half a word', () => {
    expect(reviewLengthScale(Array(25).fill('wait'), 25)).toBe(1);
    expect(reviewLengthScale(Array(100).fill('wait'), 25)).toBeCloseTo(0.5, 6);
    expect(reviewLengthScale(Array(50).fill('等'), 25)).toBe(1);
    expect(reviewLengthScale(Array(100).fill('等'), 25)).toBeCloseTo(Math.sqrt(0.5), 6);
    expect(reviewLengthScale(Array(100).fill('wait'), 0)).toBe(1);
    expect(() => loadThemeReview({ ...DEFAULT_THEME_REVIEW, wordsWeighed: -3 })).toThrow(/so many words/);
  });

  it('gives way to a commissioner’s corrections, which the theme layer alone then reads', () => {
    const corrected = applyCorrections(model, [{ text: 'the bus quokka was late', themes: ['venue-facilities'] }]);
    expect(corrected.review).toBeUndefined();
    expect(themesOf(corrected, 'the bus quokka was late')).toEqual(['venue-facilities']);
  });
});

function analysisSample(): { text: string; language?: string }[] {
  return parseLabelledCsv(readFileSync(new URL('./eval/themes.part4.csv', import.meta.url), 'utf8')).slice(0, 80);
}
