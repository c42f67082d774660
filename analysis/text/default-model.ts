/**
 * The model used before a council has trained its own: the Family Hub taxonomy's seed terms as
 * binary features, a learned review of the themes they give (theme-review.ts), and for sentiment
 * the lexicon counts plus word weights learned from the project's own labelled sets
 * (sentiment-layer.ts). Every theme given names the words that gave it: its seed terms, or for a
 * theme only the review gave, the words that weighed most.
 */
import sentimentLayerJson from './sentiment-layer.json' with { type: 'json' };
import taxonomy from './taxonomy.json' with { type: 'json' };
import themeReviewJson from './theme-review.json' with { type: 'json' };
import { LEXICON_FEATURES, loadSentimentLayer, type SentimentLayerJson } from './sentiment-layer';
import { loadModel, type ThemeDefinition, type ThemeModel, type ThemeModelJson, type ThemeReviewLayerJson } from './model';
import { loadThemeReview, type ThemeReviewJson } from './theme-review';
import { languageOf, stem, tokenise, type Language } from './tokenize';

/** One seed term scores sigmoid(4 - 2) ≈ 0.88; none scores sigmoid(-2) ≈ 0.12, below the 0.5 floor. */
const SEED_WEIGHT = 4;
const SEED_BIAS = -2;
/** One cue term alone scores sigmoid(1.5 - 2) ≈ 0.38, not enough; two score sigmoid(1) ≈ 0.73. */
const CUE_WEIGHT = 1.5;
/**
 * A topic term beside one cue term scores sigmoid(0.6 + 1.5 - 2) ≈ 0.52, just enough; alone it
 * scores sigmoid(-1.4), and three topic terms sigmoid(-0.2), neither enough.
 */
const TOPIC_WEIGHT = 0.6;
/** A fallback theme's own term scores sigmoid(3 - 2) ≈ 0.73, lower than any seed term of a specific theme. */
const FALLBACK_WEIGHT = 3;

/** The default Family Hub themes: id, name, description and seed terms. */
export const defaultTaxonomy: readonly ThemeDefinition[] = taxonomy.themes;

/**
 * Feature key of a one- or two-word seed term, matching how comments are featurised; `lang`
 * stems it as a comment in that language is stemmed. Chinese terms are one or two characters.
 *
 * @example
 * seedKey('waiting lists') // 'wait list'
 * seedKey('排队', 'zh') // '排 队'
 */
export function seedKey(term: string, lang?: Language): string {
  const t = tokenise(term, lang ?? 'en');
  return t.words.map((w) => stem(w, t.lang)).join(' ');
}

/**
 * Every seed key of a theme with its weight; topic terms weigh less than cue terms, cue terms less
 * than seed terms, and against terms take a seed term's weight away (an against term that is also
 * a seed term is against). A two-word term weighs what it says, its words' own terms included: "got
 * cut" is one seed term, not a seed term plus the cue "cut", so the against term "my hours" cancels
 * it, and "au închis" with the seed "închis" is one seed term, not two.
 */
function themeKeys(theme: ThemeDefinition): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (term: string, lang: Language, weight: number) => {
    const key = seedKey(term, lang);
    if (key === '' || key.split(' ').length > 2) throw new Error(`seed term of theme "${theme.id}" must be one or two words: "${key}"`);
    const before = keys.get(key) ?? 0;
    keys.set(key, weight < 0 || before < 0 ? Math.min(before, weight) : Math.max(before, weight));
  };
  for (const term of theme.topicTerms ?? []) add(term, 'en', TOPIC_WEIGHT);
  for (const term of theme.cueTerms ?? []) add(term, 'en', CUE_WEIGHT);
  for (const term of theme.seedTerms) add(term, 'en', SEED_WEIGHT);
  for (const term of theme.againstTerms ?? []) add(term, 'en', -SEED_WEIGHT);
  for (const [byLanguage, weight] of [
    [theme.topicTermsByLanguage, TOPIC_WEIGHT],
    [theme.cueTermsByLanguage, CUE_WEIGHT],
    [theme.seedTermsByLanguage, SEED_WEIGHT],
    [theme.againstTermsByLanguage, -SEED_WEIGHT],
  ] as const) {
    for (const [tag, terms] of Object.entries(byLanguage ?? {})) {
      const lang = languageOf(tag);
      if (!lang) throw new Error(`seed terms of theme "${theme.id}" are in an unknown language "${tag}"`);
      for (const term of terms ?? []) add(term, lang, weight);
    }
  }
  // A comment holding a two-word key holds its words' keys too, and their weights add up: a
  // two-word key weighs only what its words do not already give.
  for (const [key, weight] of keys) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    const inWords = words.reduce((sum, word) => sum + Math.max(0, keys.get(word) ?? 0), 0);
    keys.set(key, weight > 0 ? Math.max(0, weight - inWords) : weight - inWords);
  }
  return keys;
}

/** The shipped sentiment layer, rebuilt by `hubvoice sentiment train`. */
export const DEFAULT_SENTIMENT_LAYER: SentimentLayerJson = loadSentimentLayer(sentimentLayerJson);

/** The shipped theme review of the default taxonomy, rebuilt by `hubvoice themes review`. */
export const DEFAULT_THEME_REVIEW: ThemeReviewJson = loadThemeReview(themeReviewJson);

/**
 * Builds the JSON of a seed-term model for any taxonomy, so a council can start from its own
 * framework before it has labelled a single comment. Sentiment does not depend on the taxonomy:
 * every seed model reads it with `sentiment`. The theme `review` is learned for one taxonomy and
 * joins only a taxonomy with exactly its themes (the default one); null leaves it out.
 */
export function seedModelJson(
  themes: readonly ThemeDefinition[],
  sentiment: SentimentLayerJson = DEFAULT_SENTIMENT_LAYER,
  review: ThemeReviewJson | null = DEFAULT_THEME_REVIEW,
): ThemeModelJson {
  const features: string[] = [...LEXICON_FEATURES];
  const index = new Map<string, number>(features.map((key, f) => [key, f]));
  const featureOf = (key: string): number => {
    let f = index.get(key);
    if (f === undefined) index.set(key, (f = features.push(key) - 1));
    return f;
  };
  const keysOf = themes.map(themeKeys);
  // A specific theme's words rule a fallback out; its against terms and topic terms do not ("a
  // lovely centre" is still general praise).
  const specific = new Set(themes.flatMap((t, l) => (t.fallback ? [] : [...keysOf[l]!].filter(([, w]) => w > TOPIC_WEIGHT).map(([key]) => key))));
  const weights = themes.map((theme, l) => {
    const pairs: number[] = [];
    if (!theme.fallback) {
      // A two-word key its words already weigh in full adds nothing (themeKeys): no feature for it.
      for (const [key, weight] of keysOf[l]!) if (weight !== 0) pairs.push(featureOf(key), weight);
      return pairs;
    }
    // A catch-all: its own words raise it, any other theme's word or any complaint rules it out.
    for (const [key] of keysOf[l]!) if (!specific.has(key)) pairs.push(featureOf(key), FALLBACK_WEIGHT);
    for (const key of specific) pairs.push(featureOf(key), -SEED_WEIGHT);
    pairs.push(1, -SEED_WEIGHT, 2, -SEED_WEIGHT);
    return pairs;
  });
  // The sentiment layer's own features join the seed keys (a key in both is one feature).
  const sentimentFeature = sentiment.features.map(featureOf);
  const sentimentWeights = sentiment.weights.map((pairs) => reindexPairs(pairs, sentimentFeature));
  const sameThemes = review !== null && review.themes.length === themes.length && review.themes.every((id, l) => themes[l]!.id === id);
  let themeReview: ThemeReviewLayerJson | undefined;
  if (sameThemes) {
    const reviewFeature = review.features.map(featureOf);
    themeReview = {
      bias: [...review.bias],
      weights: review.weights.map((pairs) => reindexPairs(pairs, reviewFeature)),
      seedWeights: review.seedWeights.map((pairs) => [...pairs]),
      thresholds: [...review.thresholds],
      bestThemeAt: review.bestThemeAt,
      ...(review.wordsWeighed ? { wordsWeighed: review.wordsWeighed } : {}),
    };
  }
  return {
    format: 'hubvoice-theme-model',
    version: 1,
    themes: themes.map((t) => structuredClone(t)),
    multiLabel: true,
    thresholds: themes.map(() => 0.5),
    minBestScore: 0.5,
    normalise: false,
    features,
    idf: features.map(() => 1),
    themeLayer: { bias: themes.map(() => SEED_BIAS), weights },
    sentimentLayer: {
      bias: [...sentiment.bias],
      weights: sentimentWeights,
      ...(sentiment.skipQuestions ? { skipQuestions: true } : {}),
      ...(sentiment.lexiconTieMargin ? { lexiconTieMargin: sentiment.lexiconTieMargin } : {}),
    },
    ...(themeReview ? { themeReview } : {}),
  };
}

/** Sparse [feature, weight, …] pairs of a layer with its own feature list, renumbered into the model's. */
function reindexPairs(pairs: readonly number[], featureIndex: readonly number[]): number[] {
  return pairs.map((v, k) => (k % 2 === 0 ? featureIndex[v]! : v));
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
