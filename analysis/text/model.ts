/**
 * The theme and sentiment model: one linear layer over the shared features. Themes are
 * one-vs-rest scores (a comment can be about several things), read through a sigmoid; sentiment
 * is the best of three. Trained models are one-vs-rest linear SVMs (svm.ts), seed-term models
 * hand-set weights. The JSON form is sparse and rounded so a trained model stays small enough to
 * keep in a database row or ship with a Worker.
 */
import { compileVocabulary, type FeatureScheme, type Vocabulary } from './features';

/** A theme a council reports on: the default taxonomy's or one learnt from labelled comments. */
export interface ThemeDefinition {
  id: string;
  name: string;
  description: string;
  /** Words and two-word phrases that signal the theme; for a trained model, its strongest features. */
  seedTerms: string[];
  /**
   * Seed-term models only. Words too common to signal the theme alone ("evening", "school"):
   * two of them, or one with a seed term, are needed.
   */
  cueTerms?: string[];
  /**
   * Seed-term models only. What a theme's cue terms are said of ("group", "centre" for a service
   * closing): one gives the theme beside a cue term ("the group stopped"), never alone or beside
   * two other topic terms ("the group at the centre by the clinic").
   */
  topicTerms?: string[];
  /** Seed-term models only: topic terms in other languages, by language code. */
  topicTermsByLanguage?: Partial<Record<string, string[]>>;
  /** Seed-term models only: seed terms in other languages, by language code. */
  seedTermsByLanguage?: Partial<Record<string, string[]>>;
  /** Seed-term models only: cue terms in other languages, by language code. */
  cueTermsByLanguage?: Partial<Record<string, string[]>>;
  /**
   * Seed-term models only. Words that say the theme's own words mean something else here: "our
   * case" beside "closed our" (a case closed, not a centre), "we moved" beside "moved" (a family
   * moving house). Each takes away one seed term's weight, so a second seed term still gives the
   * theme ("they closed our case and then closed the centre").
   */
  againstTerms?: string[];
  /** Seed-term models only: against terms in other languages, by language code. */
  againstTermsByLanguage?: Partial<Record<string, string[]>>;
  /**
   * Seed-term models only: a catch-all theme ("general praise") given only when no other
   * theme's term is in the comment and nothing in it is negative.
   */
  fallback?: boolean;
  /**
   * Seed-term models only. For a theme about the parent ("Parents' mental health"): its words in
   * a comment about a child ("my son's school anxiety") mean `theme` instead (children's mental
   * health). `terms` name a child, by language ("en", "pl"…; one or two words each). The parent's
   * theme is kept as well only when two of its own terms are there ("my mental health").
   */
  aboutAChild?: { theme: string; terms: Partial<Record<string, string[]>> };
}

/** Weights of one linear layer: per class, a flat list of `featureIndex, weight` pairs. */
export interface LinearLayerJson {
  bias: number[];
  weights: number[][];
  /**
   * Sentiment only: the words of a question clause leave the sentiment to the rest of the comment
   * ("Loved it! Will there be more sessions?" is praise), as the lexicon counts already do.
   */
  skipQuestions?: boolean;
  /**
   * Sentiment only: how close neutral may lead before a lexicon that leans one way, with nothing
   * against it, decides (`classify.ts`); absent or 0, never. Chosen with the layer it goes with.
   */
  lexiconTieMargin?: number;
}

/**
 * A theme review inside a model: per theme, weights over the model's features and over which
 * themes the theme layer gave (`seedWeights`: [theme index, weight] pairs), and the score at which
 * the theme is given instead of the theme layer's choice.
 */
export interface ThemeReviewLayerJson {
  bias: number[];
  weights: number[][];
  seedWeights: number[][];
  thresholds: number[];
  /** A comment none of whose themes reaches its threshold gets its best theme at this score; 0.2 when absent. */
  bestThemeAt?: number;
  /** A comment of more words than this is weighed as if it had this many (`reviewLengthScale`); absent, never. */
  wordsWeighed?: number;
}

export interface ThemeModelJson {
  format: 'hubvoice-theme-model';
  /** 1: binary word features (seed-term models); 2: adds `featureScheme` (TF-IDF, character n-grams). */
  version: 1 | 2;
  /** Format 2 only; format 1 means `{ sublinearTf: false }`. */
  featureScheme?: FeatureScheme;
  themes: ThemeDefinition[];
  /** False when every training comment had exactly one theme: then only the best theme is given. */
  multiLabel: boolean;
  /** Per-theme score above which a theme beyond the best one is also given. */
  thresholds: number[];
  /** Whether feature vectors are idf-weighted and L2-normalised (trained) or binary (seed terms). */
  normalise: boolean;
  features: string[];
  idf: number[];
  /** A best theme scoring below this is not given (seed-term models: no seed term, no theme). */
  minBestScore?: number;
  themeLayer: LinearLayerJson;
  /** Classes in the order -1, 0, 1. */
  sentimentLayer: LinearLayerJson;
  /** The default model's learned second look at its seed themes (theme-review.ts). */
  themeReview?: ThemeReviewLayerJson;
  trainedOn?: { comments: number; source?: string };
}

export const SENTIMENT_CLASSES = [-1, 0, 1] as const;
export type Sentiment = (typeof SENTIMENT_CLASSES)[number];

/** A model ready to tag with: dense weights (feature-major) and compiled lookup tables. */
export interface ThemeModel {
  readonly themes: readonly ThemeDefinition[];
  readonly multiLabel: boolean;
  readonly thresholds: Float32Array;
  readonly minBestScore: number;
  readonly normalise: boolean;
  readonly vocab: Vocabulary;
  readonly themeBias: Float32Array;
  /** `themeWeights[feature * themes.length + theme]` */
  readonly themeWeights: Float32Array;
  readonly sentimentBias: Float32Array;
  /** `sentimentWeights[feature * 3 + class]` */
  readonly sentimentWeights: Float32Array;
  /** See `LinearLayerJson.skipQuestions`. */
  readonly sentimentSkipsQuestions?: boolean;
  /** See `LinearLayerJson.lexiconTieMargin`; 0 when the layer has none. */
  readonly lexiconTieMargin?: number;
  /** See `ThemeModelJson.themeReview`; weights feature-major like the theme layer's. */
  readonly review?: ThemeReview;
  readonly trainedOn?: { comments: number; source?: string };
}

export interface ThemeReview {
  readonly bias: Float32Array;
  /** `weights[feature * themes.length + theme]` */
  readonly weights: Float32Array;
  /** `seedWeights[givenTheme * themes.length + theme]` */
  readonly seedWeights: Float32Array;
  readonly thresholds: Float32Array;
  readonly bestThemeAt: number;
  /** 0 when a comment's words are weighed whatever its length. */
  readonly wordsWeighed: number;
}

function denseLayer(layer: LinearLayerJson, features: number, classes: number): { bias: Float32Array; weights: Float32Array } {
  const bias = Float32Array.from({ length: classes }, (_, c) => layer.bias[c] ?? 0);
  const weights = new Float32Array(features * classes);
  layer.weights.forEach((pairs, c) => {
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const f = pairs[k]!;
      if (f >= 0 && f < features) weights[f * classes + c] = pairs[k + 1]!;
    }
  });
  return { bias, weights };
}

/**
 * Loads a model from its JSON form (parsed or as text), checking the parts tagging relies on.
 *
 * @example
 * const model = loadModel(await (await fetch('/model.json')).text());
 */
export function loadModel(json: ThemeModelJson | string): ThemeModel {
  const m: ThemeModelJson = typeof json === 'string' ? (JSON.parse(json) as ThemeModelJson) : json;
  if (m.format !== 'hubvoice-theme-model' || (m.version !== 1 && m.version !== 2)) throw new Error('not a hubvoice theme model (format/version)');
  if (!Array.isArray(m.themes) || m.themes.length === 0) throw new Error('theme model has no themes');
  if (!Array.isArray(m.features) || m.themeLayer?.weights?.length !== m.themes.length) throw new Error('theme model weights do not match its themes');
  const vocab = compileVocabulary(m.features, m.idf, m.version === 2 ? m.featureScheme : undefined);
  const F = vocab.keys.length;
  const L = m.themes.length;
  const themes = denseLayer(m.themeLayer, F, L);
  const sentiment = denseLayer(m.sentimentLayer, F, 3);
  const r = m.themeReview;
  if (r && [r.bias, r.weights, r.seedWeights, r.thresholds].some((part) => part?.length !== L))
    throw new Error("theme review does not match the model's themes");
  return {
    themes: m.themes,
    multiLabel: m.multiLabel,
    thresholds: Float32Array.from({ length: L }, (_, l) => m.thresholds[l] ?? 0.5),
    minBestScore: m.minBestScore ?? 0,
    normalise: m.normalise,
    vocab,
    themeBias: themes.bias,
    themeWeights: themes.weights,
    sentimentBias: sentiment.bias,
    sentimentWeights: sentiment.weights,
    ...(m.sentimentLayer.skipQuestions ? { sentimentSkipsQuestions: true } : {}),
    ...(m.sentimentLayer.lexiconTieMargin ? { lexiconTieMargin: m.sentimentLayer.lexiconTieMargin } : {}),
    ...(r
      ? {
          review: {
            ...denseLayer({ bias: r.bias, weights: r.weights }, F, L),
            seedWeights: denseLayer({ bias: [], weights: r.seedWeights }, L, L).weights,
            thresholds: Float32Array.from(r.thresholds),
            bestThemeAt: r.bestThemeAt ?? DEFAULT_BEST_THEME_AT,
            wordsWeighed: r.wordsWeighed ?? 0,
          },
        }
      : {}),
    ...(m.trainedOn ? { trainedOn: m.trainedOn } : {}),
  };
}

/**
 * A review's best-theme score when none is asked for, and for a review saved before it named one
 * (what those were used with).
 */
export const DEFAULT_BEST_THEME_AT = 0.2;

/** Rounds to 3 decimals: plenty for a linear score, and it roughly halves the JSON size. */
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function sparseLayer(bias: Float32Array, weights: Float32Array, classes: number, features: number[]): LinearLayerJson {
  const out: number[][] = Array.from({ length: classes }, () => []);
  for (const f of features) {
    for (let c = 0; c < classes; c++) {
      const w = round3(weights[f * classes + c]!);
      if (w !== 0) out[c]!.push(f, w);
    }
  }
  return { bias: Array.from(bias, round3), weights: out };
}

/**
 * The JSON form of a model; features whose weights all round to zero are dropped.
 *
 * @example
 * const text = JSON.stringify(modelToJson(model));
 */
export function modelToJson(model: ThemeModel): ThemeModelJson {
  const L = model.themes.length;
  const F = model.vocab.keys.length;
  const kept: number[] = [];
  for (let f = 0; f < F; f++) {
    let used = model.vocab.keys[f]!.startsWith('#');
    for (let c = 0; c < L && !used; c++) used = Math.abs(model.themeWeights[f * L + c]!) >= 0.0005;
    for (let c = 0; c < 3 && !used; c++) used = Math.abs(model.sentimentWeights[f * 3 + c]!) >= 0.0005;
    for (let c = 0; c < L && !used && model.review; c++) used = Math.abs(model.review.weights[f * L + c]!) >= 0.0005;
    if (used) kept.push(f);
  }
  const remapped = kept.map((_, i) => i);
  const keepWeights = (weights: Float32Array, classes: number): Float32Array => {
    const w = new Float32Array(kept.length * classes);
    kept.forEach((f, i) => w.set(weights.subarray(f * classes, f * classes + classes), i * classes));
    return w;
  };
  const scheme = model.vocab.scheme;
  const plain = !scheme.sublinearTf && !scheme.charNgrams;
  return {
    format: 'hubvoice-theme-model',
    // Models that format 1 can describe stay format 1, so older readers still load them.
    ...(plain ? { version: 1 as const } : { version: 2 as const, featureScheme: structuredClone(scheme) }),
    themes: model.themes.map((t) => ({ ...t })),
    multiLabel: model.multiLabel,
    thresholds: Array.from(model.thresholds, round3),
    ...(model.minBestScore > 0 ? { minBestScore: model.minBestScore } : {}),
    normalise: model.normalise,
    features: kept.map((f) => model.vocab.keys[f]!),
    idf: kept.map((f) => round3(model.vocab.idf[f]!)),
    themeLayer: sparseLayer(model.themeBias, keepWeights(model.themeWeights, L), L, remapped),
    sentimentLayer: {
      ...sparseLayer(model.sentimentBias, keepWeights(model.sentimentWeights, 3), 3, remapped),
      ...(model.sentimentSkipsQuestions ? { skipQuestions: true } : {}),
      ...(model.lexiconTieMargin ? { lexiconTieMargin: model.lexiconTieMargin } : {}),
    },
    ...(model.review ? { themeReview: reviewToJson(model.review, keepWeights(model.review.weights, L), L, remapped) } : {}),
    ...(model.trainedOn ? { trainedOn: model.trainedOn } : {}),
  };
}

function reviewToJson(review: ThemeReview, weights: Float32Array, L: number, features: number[]): ThemeReviewLayerJson {
  const { bias, weights: pairs } = sparseLayer(review.bias, weights, L, features);
  const seedWeights = sparseLayer(
    new Float32Array(0),
    review.seedWeights,
    L,
    Array.from({ length: L }, (_, l) => l),
  ).weights;
  return {
    bias,
    weights: pairs,
    seedWeights,
    thresholds: Array.from(review.thresholds, round3),
    bestThemeAt: review.bestThemeAt,
    ...(review.wordsWeighed > 0 ? { wordsWeighed: review.wordsWeighed } : {}),
  };
}
