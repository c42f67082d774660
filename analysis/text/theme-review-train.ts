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
import { reviewLengthScale, type ThemeReviewJson } from './theme-review';
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
  /**
   * A theme's own threshold, over `threshold`, by theme id: what `calibrateThemeThresholds` chose
   * (`hubvoice themes review --calibrate`).
   */
  themeThresholds?: Readonly<Record<string, number>>;
  /**
   * A comment of more words than this is weighed as if it had this many (`reviewLengthScale`); 25
   * unless told, 0 for never. Left out over thirty-two writers: never, pooled macro-F1 0.789 and
   * 853 of 960 (writer, theme) pairs at precision 0.8 (service changes 0.917); at 20, 0.791 and
   * 855 (0.922); **at 25, 0.791 and 855 (0.924)**. On part 36, long answers that mention several
   * things, service changes read 0.78 never and 0.86 at 25 (macro-F1 0.781, 0.777). Most
   * comments are shorter than 25 words and read as before.
   */
  wordsWeighed?: number;
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
  const wordsWeighed = options.wordsWeighed ?? DEFAULT_WORDS_WEIGHED;
  const vocab = compileVocabulary(features);
  const F = features.length;
  // The seed themes given join the words as features F, F + 1, … (value 1 when given).
  const X: FeatureVector[] = rows.map((r, d) => {
    const v = vectorise(vocab, tokenised[d]!, false, false);
    const scale = reviewLengthScale(tokenised[d]!.words, wordsWeighed);
    if (scale !== 1) for (let k = 0; k < v.values.length; k++) v.values[k]! *= scale;
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
    thresholds: ids.map((id) => options.themeThresholds?.[id] ?? threshold),
    bestThemeAt: options.bestThemeAt ?? DEFAULT_BEST_THEME_AT,
    ...(wordsWeighed > 0 ? { wordsWeighed } : {}),
  };
}

/** The length past which a comment's words are weighed as if it had this many (`wordsWeighed`). */
export const DEFAULT_WORDS_WEIGHED = 25;

/** The thresholds a theme may be given by calibration, from the shared one up. */
export const CALIBRATION_STEPS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;

/**
 * The pooled precision, left out by writer, a theme's threshold is raised until it reaches. The
 * issue asks 0.8 for every theme on a writer's set; 0.85 pooled leaves room for one writer's
 * narrower reading of a theme.
 */
export const CALIBRATION_PRECISION = 0.85;

export interface ThemeCalibration {
  theme: string;
  /** The lowest step whose pooled left-out precision reaches the target, or the highest step. */
  threshold: number;
  steps: { threshold: number; precision: number; recall: number; writersAt08: string }[];
}

/**
 * Per-theme thresholds from comments no review read. Each file is one writer's: a review trained on
 * the other files (`leftOut[i]`, trained by the caller so they serve its figures too) tags it, with
 * one theme's threshold at each step and the rest at the shared threshold. A theme keeps the shared
 * threshold when its pooled precision reaches `precision` there, and is raised one step at a time
 * until it does: a wrong theme misleads a commissioner more than a missed one loses a quote.
 *
 * The shipped review does not use it. Over its 22 writers it raised the three themes whose words
 * are the most ordinary (activities and play 0.8, information and advice 0.8, school and education
 * 0.6), but on three writers no review was trained on (parts 20, 24 and 26) it added no theme at
 * precision 0.8 and cost 0.002–0.013 macro-F1: one writer's narrower reading of a theme is not the
 * pooled one. It is here for a council that retrains on its own writers.
 */
export function calibrateThemeThresholds(
  byFile: readonly (readonly LabelledComment[])[],
  leftOut: readonly ThemeReviewJson[],
  precision: number = CALIBRATION_PRECISION,
): ThemeCalibration[] {
  const ids = defaultTaxonomy.map((t) => t.id);
  // Each theme tries its shared threshold, then the steps above it: never one below.
  const tried = ids.map((_, l) => {
    const shared = leftOut[0]!.thresholds[l]!;
    return [shared, ...CALIBRATION_STEPS.filter((step) => step > shared)];
  });
  const counts = tried.map((steps) => steps.map(() => ({ tp: 0, fp: 0, fn: 0, writers: 0, at08: 0 })));
  byFile.forEach((rows, i) => {
    const model = loadModel(seedModelJson(defaultTaxonomy, undefined, leftOut[i]!));
    const thresholds = model.review!.thresholds;
    ids.forEach((id, l) => {
      const shared = thresholds[l]!;
      tried[l]!.forEach((step, k) => {
        thresholds[l] = step;
        const c = { tp: 0, fp: 0, fn: 0 };
        for (const r of rows) {
          const given = classify(model, r.text, r.language).themes.some((m) => m.theme === id);
          const wanted = r.labels.includes(id);
          if (given && wanted) c.tp++;
          else if (given) c.fp++;
          else if (wanted) c.fn++;
        }
        const sum = counts[l]![k]!;
        sum.tp += c.tp;
        sum.fp += c.fp;
        sum.fn += c.fn;
        if (c.tp + c.fp > 0) {
          sum.writers++;
          if (c.tp / (c.tp + c.fp) >= 0.8) sum.at08++;
        }
      });
      thresholds[l] = shared;
    });
  });
  return ids.map((theme, l) => {
    const steps = tried[l]!.map((threshold, k) => {
      const c = counts[l]![k]!;
      return {
        threshold,
        precision: round(c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0),
        recall: round(c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0),
        writersAt08: `${c.at08} of ${c.writers}`,
      };
    });
    const reached = steps.find((s) => s.precision >= precision);
    return { theme, threshold: (reached ?? steps[steps.length - 1]!).threshold, steps };
  });
}
