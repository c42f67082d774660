/**
 * Training the default model's theme review (theme-review.ts) on labelled comments: one linear
 * SVM per theme over the default model's word features and which seed themes fired.
 */
import { classify } from './classify';
import { defaultTaxonomy, seedModelJson } from './default-model';
import { compileVocabulary, type FeatureVector, vectorise } from './features';
import { DEFAULT_BEST_THEME_AT, loadModel, type ThemeDefinition, type ThemeModel } from './model';
import { keepWeighed, lexiconAndWordFeatures } from './sentiment-train';
import { fitSvms } from './svm';
import type { ThemeReviewJson } from './theme-review';
import { tokenise, type TokenisedText } from './tokenize';
import type { LabelledComment } from './train';

export interface ThemeReviewTrainOptions {
  /** SVM C; 0.05 unless told. */
  C?: number;
  /** Class re-weighting toward equal totals, 0 to 1; 0.5 unless told. */
  balance?: number;
  /**
   * The score at which every theme is given; 0.5 unless told. The issue weighs a theme's precision
   * above its recall (a wrong theme misleads a commissioner; a missed one loses a quote), so the
   * threshold is the one with the best macro-F0.5 left out over the writers trained on. Over
   * sixteen: 0.3 gave 0.839 (401 of 480 (writer, theme) pairs at precision 0.8, mean recall 0.70),
   * 0.4 0.842, **0.5 0.843 (432 pairs, recall 0.67)**, 0.6 0.841, 0.7 0.838 (446 pairs, recall
   * 0.64). Over eighteen: 0.3 0.847 (457 of 540), 0.4 0.850 (476), **0.5 0.849 (491, recall
   * 0.69)**, 0.6 0.846, 0.7 0.844 (506): a tie, so 0.5 stands.
   */
  threshold?: number;
  /**
   * A comment none of whose themes reaches the threshold still gets its best theme when that
   * scores this much; 0.2 unless told. Left out over eighteen writers, with the threshold at 0.5:
   * never giving it reads 507 of 540 (writer, theme) pairs at precision 0.8 but macro-F0.5 0.835
   * and mean recall 0.63; at 0.2, 491 pairs, 0.849, 0.69 (942 of 7,789 comments with no theme);
   * at 0.0, 475 pairs, 0.851, 0.71.
   */
  bestThemeAt?: number;
  /** Word keys seen in fewer comments than this are dropped; 3 unless told. */
  minDocumentFrequency?: number;
  passes?: number;
  seed?: number;
}

/**
 * Weights smaller than this are dropped, and the rest rounded, so the JSON stays small and stable
 * (0.002 kept 1.9 MB of weights for the same left-out figures, within 0.005 of macro-F1).
 */
const MIN_WEIGHT = 0.02;
const round = (x: number) => Math.round(x * 1000) / 1000;

let seedOnly: ThemeModel | undefined;

/** The default taxonomy's seed-term model without any review: what the review looks again at. */
export function seedThemeModel(): ThemeModel {
  return (seedOnly ??= loadModel(seedModelJson(defaultTaxonomy, undefined, null)));
}

/** Indices of the themes the seed terms give a comment. */
export function seedThemes(text: string, language: string | undefined, themes: readonly ThemeDefinition[] = defaultTaxonomy): number[] {
  return classify(seedThemeModel(), text, language).themes.map((m) => themes.findIndex((t) => t.id === m.theme));
}

/**
 * Trains the theme review of the default taxonomy on labelled comments (labels are theme ids;
 * an id outside the taxonomy is ignored, and a comment with none is a negative for every theme).
 *
 * @example
 * const review = trainThemeReview(parseLabelledCsv(csv), ['eval/themes.dev.csv']);
 */
export function trainThemeReview(rows: readonly LabelledComment[], files: string[], options: ThemeReviewTrainOptions = {}): ThemeReviewJson {
  if (rows.length === 0) throw new Error('no comments to train the theme review on');
  const ids = defaultTaxonomy.map((t) => t.id);
  const L = ids.length;
  const tokenised: TokenisedText[] = rows.map((r) => tokenise(r.text, r.language));
  const features = lexiconAndWordFeatures(tokenised, options.minDocumentFrequency ?? 3);
  const vocab = compileVocabulary(features);
  const F = features.length;
  // The seed themes given join the words as features F, F + 1, … (value 1 when given).
  const X: FeatureVector[] = rows.map((r, d) => {
    const v = vectorise(vocab, tokenised[d]!, false, false);
    const seeds = seedThemes(r.text, r.language);
    return {
      ids: Int32Array.from([...v.ids, ...seeds.map((l) => F + l)]),
      values: Float32Array.from([...v.values, ...seeds.map(() => 1)]),
      word: Int32Array.from([...v.word, ...seeds.map(() => -1)]),
    };
  });
  // A comment with no theme of the taxonomy is a positive only of an extra class, L: a negative for all.
  const targets = rows.map((r) => {
    const labels = r.labels.map((id) => ids.indexOf(id)).filter((l) => l >= 0);
    return labels.length > 0 ? labels : [L];
  });
  const layer = fitSvms(X, targets, F + L, L + 1, {
    C: options.C ?? 0.05,
    balance: options.balance ?? 0.5,
    passes: options.passes ?? 15,
    seed: options.seed ?? 1,
  });
  const sparse = (from: number, to: number, l: number): number[] => {
    const pairs: number[] = [];
    for (let f = from; f < to; f++) {
      const w = layer.weights[f * (L + 1) + l]!;
      if (Math.abs(w) >= MIN_WEIGHT) pairs.push(f - from, round(w));
    }
    return pairs;
  };
  const weights = ids.map((_, l) => sparse(0, F, l));
  const seedWeights = ids.map((_, l) => sparse(F, F + L, l));
  const { kept, remapped } = keepWeighed(features, weights);
  const threshold = options.threshold ?? 0.5;
  return {
    format: 'hubvoice-theme-review',
    version: 1,
    trainedOn: { comments: rows.length, files },
    themes: ids,
    features: kept,
    bias: ids.map((_, l) => round(layer.bias[l]!)),
    weights: remapped,
    seedWeights,
    thresholds: ids.map(() => threshold),
    bestThemeAt: options.bestThemeAt ?? DEFAULT_BEST_THEME_AT,
  };
}
