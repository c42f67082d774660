/**
 * The model used before a council has trained its own: the Family Hub taxonomy's seed terms as
 * binary features, and the sentiment lexicon as the whole of the sentiment model. Transparent
 * by construction: a theme fires when, and only when, one of its seed terms is in the comment.
 */
import taxonomy from './taxonomy.json' with { type: 'json' };
import { NEGATIVE_FEATURE, POSITIVE_FEATURE } from './features';
import { loadModel, type ThemeDefinition, type ThemeModel, type ThemeModelJson } from './model';
import { stem, tokenise } from './tokenize';

/** One seed term scores sigmoid(4 - 2) ≈ 0.88; none scores sigmoid(-2) ≈ 0.12, below the 0.5 floor. */
const SEED_WEIGHT = 4;
const SEED_BIAS = -2;

/** The default Family Hub themes: id, name, description and seed terms. */
export const defaultTaxonomy: readonly ThemeDefinition[] = taxonomy.themes;

/** Feature key of a one- or two-word seed term, matching how comments are featurised. */
export function seedKey(term: string): string {
  return tokenise(term).words.map(stem).join(' ');
}

/**
 * Builds the JSON of a seed-term model for any taxonomy, so a council can start from its own
 * framework before it has labelled a single comment.
 */
export function seedModelJson(themes: readonly ThemeDefinition[]): ThemeModelJson {
  const features: string[] = [POSITIVE_FEATURE, NEGATIVE_FEATURE];
  const index = new Map<string, number>();
  const weights = themes.map((theme) => {
    const pairs: number[] = [];
    for (const key of new Set(theme.seedTerms.map(seedKey))) {
      if (key === '' || key.split(' ').length > 2) throw new Error(`seed term of theme "${theme.id}" must be one or two words: "${key}"`);
      let f = index.get(key);
      if (f === undefined) index.set(key, (f = features.push(key) - 1));
      pairs.push(f, SEED_WEIGHT);
    }
    return pairs;
  });
  return {
    format: 'hubvoice-theme-model',
    version: 1,
    themes: themes.map((t) => ({ ...t, seedTerms: [...t.seedTerms] })),
    multiLabel: true,
    thresholds: themes.map(() => 0.5),
    minBestScore: 0.5,
    normalise: false,
    features,
    idf: features.map(() => 1),
    themeLayer: { bias: themes.map(() => SEED_BIAS), weights },
    // Each lexicon word moves the comment two logits toward its side; none leaves it neutral.
    sentimentLayer: { bias: [0, 1, 0], weights: [[0, -2, 1, 2], [], [0, 2, 1, -2]] },
  };
}

let cached: ThemeModel | undefined;

/**
 * The default Family Hub model (built once, then shared; models are never mutated).
 *
 * @example
 * tagComment(defaultModel(), 'Love the messy play group').themes[0].theme // 'activities-play'
 */
export function defaultModel(): ThemeModel {
  return (cached ??= loadModel(seedModelJson(defaultTaxonomy)));
}
