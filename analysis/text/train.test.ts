import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, sentimentProbabilities, themeLogits } from './classify';
import { defaultModel } from './default-model';
import { evaluate, parseLabelledCsv } from './evaluate';
import { loadModel, modelToJson } from './model';
import { vectorise } from './features';
import { tokenise } from './tokenize';
import { applyCorrections, train } from './train';

const fixture = parseLabelledCsv(readFileSync(new URL('./fixtures/family-hub-feedback.csv', import.meta.url), 'utf8'));
const model = train(fixture, { seed: 3 });
const themesOf = (m: typeof model, text: string) => classify(m, text).themes.map((t) => t.theme);

describe('train', () => {
  it('learns every label in the shipped sample and reports progress in stages', () => {
    const stages = new Set<string>();
    const m = train(fixture, { epochs: 2 }, (p) => stages.add(p.stage));
    expect(m.themes.length).toBe(new Set(fixture.flatMap((r) => r.labels)).size);
    // 102 comments are too few to tune decision offsets on, so there is no 'thresholds' stage.
    expect([...stages]).toEqual(['features', 'themes', 'sentiment']);
  });

  it('tunes decision offsets on held-out folds once there are enough comments', () => {
    const stages = new Set<string>();
    const many = Array.from({ length: 5 }, () => fixture).flat();
    train(many, { epochs: 1 }, (p) => stages.add(p.stage));
    expect([...stages]).toEqual(['features', 'themes', 'sentiment', 'thresholds']);
  });

  const table = [
    { input: 'The breastfeeding group helped me so much with feeding', theme: 'infant-feeding' },
    { input: 'The toilets were dirty and cold', theme: 'venue-facilities' },
    { input: 'Please run the groups on Saturdays for working parents', theme: 'session-times' },
    { input: 'We need help with rent and the food bank', theme: 'practical-help' },
  ];
  for (const { input, theme } of table) {
    it(`tags "${input}" with ${theme} among its themes`, () => expect(themesOf(model, input)).toContain(theme));
  }

  it('fits its own training data well', () => {
    const result = evaluate(model, fixture);
    expect(result.macroF1).toBeGreaterThan(0.6);
    expect(result.sentimentMacroF1).toBeGreaterThan(0.8);
  });

  it("leaves sentiment to its own layer: the shipped layer's lexicon tie-break stays with the default model, through save and load", () => {
    expect(model.lexiconTieMargin ?? 0).toBe(0);
    expect(loadModel(modelToJson(model)).lexiconTieMargin ?? 0).toBe(0);
    expect(defaultModel().lexiconTieMargin).toBeGreaterThan(0);
    expect(loadModel(modelToJson(defaultModel())).lexiconTieMargin).toBe(defaultModel().lexiconTieMargin);
  });

  it('gives names, descriptions and strongest terms to learnt themes', () => {
    const feeding = model.themes.find((t) => t.id === 'infant-feeding')!;
    expect(feeding.seedTerms.length).toBeGreaterThan(0);
    expect(feeding.description).toMatch(/Learnt from \d+ labelled comments/);
  });

  it('names the words that triggered a theme as they were written', () => {
    const mention = classify(model, 'Breastfeeding support was great').themes.find((t) => t.theme === 'infant-feeding');
    expect(mention?.triggers.some((t) => /breastfeeding/i.test(t))).toBe(true);
  });

  it('rejects rows without any labels', () => {
    expect(() => train([{ text: 'hello', labels: [] }])).toThrow(/no labelled comments/);
    expect(() => train([{ text: 'hello', labels: [], sentiment: 1 }])).toThrow(/no theme labels/);
  });
});

describe('character n-grams', () => {
  it('are scored through the per-word cache exactly as the explicit vector scores them', () => {
    expect(model.vocab.scheme.charNgrams).toBeDefined();
    const z = new Float32Array(model.themes.length);
    for (const row of fixture.slice(0, 30)) {
      themeLogits(model, vectorise(model.vocab, tokenise(row.text), true), z);
      const best = Math.max(...z);
      const scores = classify(model, row.text).themes.map((t) => t.score);
      expect(scores[0]).toBeCloseTo(1 / (1 + Math.exp(-best)), 3);
      const p = sentimentProbabilities(model, vectorise(model.vocab, tokenise(row.text), true));
      expect(classify(model, row.text).sentimentScores.map((x) => x.toFixed(4))).toEqual(p.map((x) => x.toFixed(4)));
    }
  });

  it('can be left out for a words-only model that tags faster', () => {
    const words = train(fixture, { charNgrams: null });
    expect(words.vocab.keys.some((k) => k.startsWith('~'))).toBe(false);
    expect(loadModel(modelToJson(words)).vocab.scheme).toEqual({ sublinearTf: true });
  });
});

describe('modelToJson and loadModel', () => {
  it('round-trip a model so that it tags the same way', () => {
    const json = JSON.parse(JSON.stringify(modelToJson(model)));
    const again = loadModel(json);
    for (const row of fixture.slice(0, 20)) {
      const a = classify(model, row.text);
      const b = classify(again, row.text);
      expect(b.themes.map((t) => t.theme)).toEqual(a.themes.map((t) => t.theme));
      expect(b.sentiment).toBe(a.sentiment);
    }
  });

  it('refuses JSON that is not a theme model', () => {
    expect(() => loadModel('{"format":"something-else"}')).toThrow(/not a hubvoice theme model/);
  });
});

describe('applyCorrections', () => {
  it('makes a corrected comment carry exactly the themes the commissioner gave', () => {
    const text = 'The buggy park outside is always locked';
    const corrected = applyCorrections(model, [{ text, themes: ['venue-facilities'] }]);
    expect(themesOf(corrected, text)).toEqual(['venue-facilities']);
  });

  it('adds a council theme that did not exist and leaves the original model untouched', () => {
    const text = 'The Bumps and Babies antenatal class was wonderful';
    const corrected = applyCorrections(defaultModel(), [{ text, themes: ['antenatal'], sentiment: 1 }]);
    expect(themesOf(corrected, text)).toEqual(['antenatal']);
    expect(classify(corrected, text).sentiment).toBe(1);
    expect(defaultModel().themes.some((t) => t.id === 'antenatal')).toBe(false);
  });

  it('keeps unrelated comments tagged as before', () => {
    const corrected = applyCorrections(defaultModel(), [{ text: 'The buggy park is locked', themes: ['safety'] }]);
    expect(themesOf(corrected, 'Lovely breastfeeding group')).toEqual(themesOf(defaultModel(), 'Lovely breastfeeding group'));
  });

  it('corrects sentiment', () => {
    const text = 'Nothing, it is perfect as it is';
    const corrected = applyCorrections(model, [{ text, sentiment: 1 }]);
    expect(classify(corrected, text).sentiment).toBe(1);
  });

  it('survives a JSON round trip with its new theme', () => {
    const corrected = applyCorrections(defaultModel(), [{ text: 'Bumps and babies antenatal class', themes: ['antenatal'] }]);
    const again = loadModel(modelToJson(corrected));
    expect(themesOf(again, 'Bumps and babies antenatal class')).toEqual(['antenatal']);
  });
});
