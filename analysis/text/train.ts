/**
 * Training a model from labelled comments, and nudging one with commissioners' corrections, so a
 * council can adopt its own framework. TF-IDF word and character n-gram features with
 * one-vs-rest linear SVMs (svm.ts): no native code, on Node or in a Worker.
 */
import { charNgramBuckets, type CharNgramScheme } from './char-ngrams';
import {
  CHAR_PREFIX,
  compileVocabulary,
  featureKeys,
  lexiconCounts,
  NEGATIVE_FEATURE,
  POSITIVE_FEATURE,
  stems,
  vectorise,
  type FeatureScheme,
  type FeatureVector,
  type Vocabulary,
} from './features';
import { SENTIMENT_CLASSES, type Sentiment, type ThemeDefinition, type ThemeModel } from './model';
import { chooseThemes, sentimentProbabilities, sigmoid, themeLogits } from './classify';
import { tuneOffsets } from './decision';
import { random, shuffled, type LinearLayer } from './fit';
import { fitSvms } from './svm';
import { tokenise, type TokenisedText } from './tokenize';

export interface LabelledComment {
  text: string;
  /** Theme ids; the first is taken as the main one when a model gives one theme per comment. */
  labels: string[];
  sentiment?: Sentiment | null;
  /** Language tag ("pl", "zh"…); guessed from the text when absent. */
  language?: string;
}

/*
 * Defaults below are from 5-fold cross-validation on the NHS feedback files (major themes: 6,069
 * comments, 9 themes; v6: 3,787 comments, 46 labels). A faithful TF-IDF + linear SVM (words,
 * C 0.5, balanced) gave 0.551 theme macro-F1 on major themes; C 0.1, stemming, character
 * n-grams and lexicon counts took it to 0.583 (sentiment 0.747 → 0.758).
 */
export interface TrainOptions {
  /** Most passes of the SVM solver over the data; 15 unless told. */
  epochs?: number;
  /** Features seen in fewer comments than this are dropped; 2 unless told. */
  minDocumentFrequency?: number;
  /** SVM C of the theme layer; 0.1 unless told (0.5: -0.02 macro-F1, 1: -0.03). */
  C?: number;
  /** SVM C of the sentiment layer; 0.1 unless told. */
  sentimentC?: number;
  /**
   * How strongly each theme's positives are up-weighted against the rest: 0 none, 1 balanced
   * (scikit-learn's class_weight='balanced'); 1 unless told (+0.04 macro-F1 on major themes).
   */
  classBalance?: number;
  /** Likewise for the three sentiment classes; 0.5 unless told. */
  sentimentClassBalance?: number;
  /**
   * Hashed character n-grams of words (char_wb) as a second feature block; 3..5, 2^14 buckets, weight 0.7
   * unless told; null for words only (about 3× faster tagging, -0.02 macro-F1).
   */
  charNgrams?: (CharNgramScheme & { weight: number }) | null;
  /** 'auto' (unless told): multi-label when any comment has more than one label. */
  multiLabel?: boolean | 'auto';
  /**
   * Folds of inner cross-validation whose held-out scores tune per-theme thresholds for
   * macro-F1 (multi-label only; see decision.ts); 3 unless told, 0 for none. Skipped under 500
   * comments. Single-label models do without: balanced SVMs did better than tuned offsets
   * (major themes 0.582 vs 0.572).
   */
  thresholdFolds?: number;
  /**
   * Weights smaller than this are set to 0 so the model JSON stays small; 0.005 unless told
   * (JSON: major themes 3.2 → 2.8 MB, v6 9.0 → 6.5 MB; CV macro-F1 -0.0004 and -0.003; at 0.01
   * the JSON is 2.5 and 5.0 MB but macro-F1 drops 0.002 and 0.004).
   */
  minWeight?: number;
  /** Tune per-class sentiment offsets for macro-F1 on the same inner folds; true unless told. */
  tuneSentiment?: boolean;
  /** Names and descriptions for label ids; labels without one are named after themselves. */
  themes?: readonly ThemeDefinition[];
  /** Seed for shuffling, so training is reproducible. */
  seed?: number;
  source?: string;
}

export interface TrainProgress {
  stage: 'features' | 'themes' | 'sentiment' | 'thresholds';
  done: number;
  total: number;
}

const DEFAULT_CHAR_NGRAMS = { min: 3, max: 5, bits: 14, weight: 0.7 };

interface Prepared {
  vocab: Vocabulary;
  X: FeatureVector[];
}

/** Every word-block key of a comment, including the lexicon features it would carry. */
function wordKeys(t: TokenisedText): string[] {
  const stemmed = stems(t);
  const keys = featureKeys(t, stemmed);
  const [pos, neg] = lexiconCounts(t, stemmed);
  if (pos > 0) keys.push(POSITIVE_FEATURE);
  if (neg > 0) keys.push(NEGATIVE_FEATURE);
  return keys;
}

/**
 * The vocabulary of a training set and its vectors. Each comment is tokenised once per pass and
 * dropped, never held for the whole set: V8 learns from the tokeniser's arrays outliving a
 * garbage collection to allocate them where only a full collection frees them, and tagging after
 * training then ran at two thirds of its speed.
 */
function prepare(texts: readonly string[], minDf: number, scheme: FeatureScheme): Prepared {
  const N = texts.length;
  // Smoothed idf as in scikit-learn, so a word in every comment still counts a little.
  const idfOf = (count: number): number => Math.log((N + 1) / (count + 1)) + 1;
  const df = new Map<string, number>();
  const char = scheme.charNgrams;
  const bucketDf = new Int32Array(char ? 1 << char.bits : 0);
  const seenIn = new Int32Array(char ? 1 << char.bits : 0).fill(-1);
  texts.forEach((text, d) => {
    const t = tokenise(text);
    for (const key of new Set(wordKeys(t))) df.set(key, (df.get(key) ?? 0) + 1);
    if (!char) return;
    for (const word of t.words) {
      const { buckets, count } = charNgramBuckets(word, char);
      for (let j = 0; j < count; j++) {
        const b = buckets[j]!;
        if (seenIn[b] !== d) (seenIn[b] = d), bucketDf[b]!++;
      }
    }
  });
  const keys: string[] = [];
  const idf: number[] = [];
  for (const [key, count] of df) {
    if (count < minDf && !key.startsWith('#')) continue;
    keys.push(key);
    idf.push(idfOf(count));
  }
  bucketDf.forEach((count, b) => {
    if (count < minDf) return;
    keys.push(CHAR_PREFIX + b);
    idf.push(idfOf(count));
  });
  const vocab = compileVocabulary(keys, idf, scheme);
  return { vocab, X: texts.map((text) => vectorise(vocab, tokenise(text), true)) };
}

/** Strongest unigram and bigram features of each theme, so a trained model explains itself. */
function strongestTerms(vocab: Vocabulary, weights: Float32Array, L: number, l: number, count: number): string[] {
  const scored: { key: string; w: number }[] = [];
  vocab.keys.forEach((key, f) => {
    const w = weights[f * L + l]!;
    if (w > 0 && !key.startsWith('#') && !key.startsWith('!') && !key.startsWith(CHAR_PREFIX)) scored.push({ key, w });
  });
  return scored
    .sort((a, b) => b.w - a.w)
    .slice(0, count)
    .map((s) => s.key);
}

/**
 * Below this many comments, held-out F1 is too noisy to tune thresholds on: on the 102-comment
 * sample, tuned offsets moved clear cases ("toilets were dirty") to the wrong theme.
 */
const MIN_COMMENTS_FOR_OFFSETS = 500;

/** SVM margins mostly lie within ±1.5, so thresholds are searched on a finer grid than logits. */
const OFFSET_GRID = Array.from({ length: 25 }, (_, i) => -1.2 + i * 0.1);

/**
 * Trains a theme and sentiment model from labelled comments.
 *
 * @example
 * const model = train(parseLabelledCsv(csv), {}, (p) => console.error(p.stage, p.done, p.total));
 */
export function train(rows: readonly LabelledComment[], options: TrainOptions = {}, onProgress?: (p: TrainProgress) => void): ThemeModel {
  const labelled = rows.filter((r) => r.labels.length > 0 || r.sentiment != null);
  if (labelled.length === 0) throw new Error('no labelled comments to train on');
  const seed = options.seed ?? 1;
  const passes = options.epochs ?? 15;
  const charNgrams = options.charNgrams === undefined ? DEFAULT_CHAR_NGRAMS : options.charNgrams;
  const scheme: FeatureScheme = { sublinearTf: true, ...(charNgrams ? { charNgrams } : {}) };
  onProgress?.({ stage: 'features', done: 0, total: labelled.length });
  const { vocab, X } = prepare(
    labelled.map((r) => r.text),
    options.minDocumentFrequency ?? 2,
    scheme,
  );
  onProgress?.({ stage: 'features', done: labelled.length, total: labelled.length });

  const ids = [...new Set(labelled.flatMap((r) => r.labels))].sort();
  if (ids.length === 0) throw new Error('no theme labels to train on');
  const index = new Map(ids.map((id, i) => [id, i]));
  const L = ids.length;
  const F = vocab.keys.length;
  const targets = labelled.map((r) => r.labels.map((id) => index.get(id)!));
  const multiLabel = options.multiLabel === undefined || options.multiLabel === 'auto' ? targets.some((t) => t.length > 1) : options.multiLabel;
  const positives = new Float32Array(L);
  for (const t of targets) for (const c of t) positives[c]!++;
  const themeSvm = { C: options.C ?? 0.1, balance: options.classBalance ?? 1, passes };
  const fitThemes = (docs: readonly number[], s: number): LinearLayer =>
    fitSvms(
      docs.map((d) => X[d]!),
      docs.map((d) => targets[d]!),
      F,
      L,
      { ...themeSvm, seed: s },
    );

  const sentimentTargets = labelled.map((r) => (r.sentiment == null ? [] : [SENTIMENT_CLASSES.indexOf(r.sentiment)]));
  const sentimentSvm = { C: options.sentimentC ?? 0.1, balance: options.sentimentClassBalance ?? 0.5, passes, seed };

  const all = X.map((_, i) => i);
  const themeLayer = fitThemes(all, seed);
  onProgress?.({ stage: 'themes', done: 1, total: 1 });
  const hasSentiment = sentimentTargets.some((t) => t.length > 0);
  const sentimentLayer = hasSentiment ? fitSvms(X, sentimentTargets, F, 3, sentimentSvm) : { bias: new Float32Array(3), weights: new Float32Array(F * 3) };
  onProgress?.({ stage: 'sentiment', done: 1, total: 1 });

  const folds = options.thresholdFolds ?? 3;
  const tuneThemes = multiLabel;
  const tuneSentiment = options.tuneSentiment ?? true;
  if ((tuneThemes || (tuneSentiment && hasSentiment)) && folds >= 2 && labelled.length >= MIN_COMMENTS_FOR_OFFSETS) {
    // Out-of-fold scores from inner cross-validation, so thresholds are not tuned on scores
    // the model has already fitted.
    const themeZ = new Float32Array(X.length * L);
    const sentimentZ = new Float32Array(X.length * 3);
    const order = shuffled(X.length, random(seed + 7));
    for (let k = 0; k < folds; k++) {
      const held = Array.from(order).filter((_, i) => i % folds === k);
      const heldSet = new Set(held);
      const rest = all.filter((d) => !heldSet.has(d));
      if (tuneThemes) {
        const layer = fitThemes(rest, seed + k + 1);
        for (const d of held) themeLogits({ themeBias: layer.bias, themeWeights: layer.weights }, X[d]!, themeZ.subarray(d * L, d * L + L));
      }
      if (tuneSentiment && hasSentiment) {
        const layer = fitSvms(
          rest.map((d) => X[d]!),
          rest.map((d) => sentimentTargets[d]!),
          F,
          3,
          { ...sentimentSvm, seed: seed + k + 1 },
        );
        for (const d of held) themeLogits({ themeBias: layer.bias, themeWeights: layer.weights }, X[d]!, sentimentZ.subarray(d * 3, d * 3 + 3));
      }
      onProgress?.({ stage: 'thresholds', done: k + 1, total: folds });
    }
    if (tuneThemes) {
      const offsets = tuneOffsets(themeZ, L, targets, 'best-and-positive', { grid: OFFSET_GRID });
      for (let l = 0; l < L; l++) themeLayer.bias[l]! += offsets[l]!;
    }
    if (tuneSentiment && hasSentiment) {
      const offsets = tuneOffsets(sentimentZ, 3, sentimentTargets, 'best', { grid: OFFSET_GRID });
      for (let c = 0; c < 3; c++) sentimentLayer.bias[c]! += offsets[c]!;
    }
  }

  const minWeight = options.minWeight ?? 0.005;
  for (const weights of [themeLayer.weights, sentimentLayer.weights]) {
    for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]!) < minWeight) weights[i] = 0;
  }

  const named = new Map((options.themes ?? []).map((t) => [t.id, t]));
  const themes = ids.map((id, l): ThemeDefinition => {
    const known = named.get(id);
    return {
      id,
      name: known?.name ?? id,
      description: known?.description ?? `Learnt from ${positives[l]} labelled comments.`,
      seedTerms: known?.seedTerms ?? strongestTerms(vocab, themeLayer.weights, L, l, 8),
    };
  });
  return {
    themes,
    multiLabel,
    // Thresholds tuned for macro-F1 are in the biases, so every theme's threshold is a margin of 0.
    thresholds: new Float32Array(L).fill(0.5),
    minBestScore: 0,
    normalise: true,
    vocab,
    themeBias: themeLayer.bias,
    themeWeights: themeLayer.weights,
    sentimentBias: sentimentLayer.bias,
    sentimentWeights: sentimentLayer.weights,
    trainedOn: { comments: labelled.length, ...(options.source ? { source: options.source } : {}) },
  };
}

/** A commissioner's correction of one comment: the themes it should have, and/or its sentiment. */
export interface ThemeCorrection {
  text: string;
  /** The full set of theme ids the comment should carry; an unknown id adds a new theme. */
  themes?: string[];
  sentiment?: Sentiment;
}

export interface CorrectionOptions {
  /** Most passes over the corrections before giving up on fitting them exactly; 50 unless told. */
  maxPasses?: number;
  learningRate?: number;
}

function growVocabulary(model: ThemeModel, corrections: readonly ThemeCorrection[]): Vocabulary {
  const known = new Set(model.vocab.keys);
  const fresh = new Set<string>();
  for (const c of corrections) {
    const t = tokenise(c.text);
    for (const key of featureKeys(t)) if (!known.has(key)) fresh.add(key);
  }
  if (fresh.size === 0) return model.vocab;
  // A word first met in a correction is treated as rare, the most telling kind of word.
  let maxIdf = 1;
  if (model.normalise) for (const x of model.vocab.idf) maxIdf = Math.max(maxIdf, x);
  return compileVocabulary([...model.vocab.keys, ...fresh], [...model.vocab.idf, ...Array.from(fresh, () => maxIdf)], model.vocab.scheme);
}

/**
 * Returns a new model that tags the corrected comments as the commissioner said, changing only
 * the weights of words in those comments (biases stay put, so unrelated comments keep their tags).
 *
 * @example
 * const adopted = applyCorrections(model, [{ text: 'No buggy park at the hub', themes: ['venue'] }]);
 */
export function applyCorrections(model: ThemeModel, corrections: readonly ThemeCorrection[], options: CorrectionOptions = {}): ThemeModel {
  const newThemes = [...model.themes];
  const thresholds = [...model.thresholds];
  const biases = [...model.themeBias];
  for (const c of corrections) {
    for (const id of c.themes ?? []) {
      if (newThemes.some((t) => t.id === id)) continue;
      newThemes.push({ id, name: id, description: 'Added from commissioner corrections.', seedTerms: [] });
      thresholds.push(0.5);
      // A new theme starts unlikely everywhere; its words earn it a place.
      biases.push(-3);
    }
  }
  const vocab = growVocabulary(model, corrections);
  const L0 = model.themes.length;
  const L = newThemes.length;
  const F = vocab.keys.length;
  const themeWeights = new Float32Array(F * L);
  for (let f = 0; f < model.vocab.keys.length; f++) themeWeights.set(model.themeWeights.subarray(f * L0, f * L0 + L0), f * L);
  const sentimentWeights = new Float32Array(F * 3);
  sentimentWeights.set(model.sentimentWeights);
  // The default model's theme review was learned for its seed themes, not for these weights:
  // a corrected model reads its themes from the theme layer alone, as it was corrected.
  const { review: _review, ...unreviewed } = model;
  const next: ThemeModel = {
    ...unreviewed,
    themes: newThemes,
    thresholds: Float32Array.from(thresholds),
    vocab,
    themeBias: Float32Array.from(biases),
    themeWeights,
    sentimentWeights,
    sentimentBias: Float32Array.from(model.sentimentBias),
  };
  const eta = options.learningRate ?? (model.normalise ? 2 : 0.5);
  const cases = corrections.map((c) => ({
    v: vectorise(vocab, tokenise(c.text), model.normalise),
    wanted: c.themes ? new Set(c.themes.map((id) => newThemes.findIndex((t) => t.id === id))) : null,
    sentiment: c.sentiment === undefined ? -1 : SENTIMENT_CLASSES.indexOf(c.sentiment),
  }));
  const z = new Float32Array(L);
  for (let pass = 0; pass < (options.maxPasses ?? 50); pass++) {
    let wrong = 0;
    for (const { v, wanted, sentiment } of cases) {
      if (wanted) {
        themeLogits(next, v, z);
        const chosen = chooseThemes(next, z);
        if (chosen.length !== wanted.size || chosen.some((l) => !wanted.has(l))) {
          wrong++;
          for (let l = 0; l < L; l++) {
            const g = sigmoid(z[l]!) - (wanted.has(l) ? 1 : 0);
            for (let k = 0; k < v.ids.length; k++) themeWeights[v.ids[k]! * L + l]! -= eta * g * v.values[k]!;
          }
        }
      }
      if (sentiment >= 0) {
        const p = sentimentProbabilities(next, v);
        if (p.indexOf(Math.max(...p)) !== sentiment) {
          wrong++;
          for (let c = 0; c < 3; c++) {
            const g = p[c]! - (c === sentiment ? 1 : 0);
            for (let k = 0; k < v.ids.length; k++) sentimentWeights[v.ids[k]! * 3 + c]! -= eta * g * v.values[k]!;
          }
        }
      }
    }
    if (wrong === 0) break;
  }
  return next;
}
