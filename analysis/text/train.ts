/**
 * Training a model from labelled comments, and nudging one with commissioners' corrections, so a
 * council can adopt its own framework. Plain SGD with AdaGrad step sizes over sparse vectors:
 * trains 10,000 comments in seconds, with no native code, on Node or in a Worker.
 */
import { compileVocabulary, featureKeys, stems, vectorise, type FeatureVector, type Vocabulary } from './features';
import { SENTIMENT_CLASSES, type Sentiment, type ThemeDefinition, type ThemeModel } from './model';
import { chooseThemes, sentimentProbabilities, themeLogits } from './classify';
import { tokenise } from './tokenize';

export interface LabelledComment {
  text: string;
  /** Theme ids; the first is taken as the main one when a model gives one theme per comment. */
  labels: string[];
  sentiment?: Sentiment | null;
}

export interface TrainOptions {
  /** Passes over the data; 12 unless told. */
  epochs?: number;
  /** Features seen in fewer comments than this are dropped; 2 unless told. */
  minDocumentFrequency?: number;
  /** L2 penalty per step; 1e-5 unless told. */
  l2?: number;
  learningRate?: number;
  /** How strongly rare themes are up-weighted: 0 none, 1 fully balanced; 0.5 unless told. */
  classBalance?: number;
  /** 'auto' (unless told): multi-label when any comment has more than one label. */
  multiLabel?: boolean | 'auto';
  /** Folds of inner cross-validation for per-theme thresholds (multi-label only); 3 unless told, 0 for 0.5. */
  thresholdFolds?: number;
  /** Names and descriptions for label ids; labels without one are named after themselves. */
  themes?: readonly ThemeDefinition[];
  /** Seed for shuffling, so training is reproducible. */
  seed?: number;
  source?: string;
  /**
   * Fit single-label data as one softmax over themes rather than one-vs-rest; true unless told
   * (measured: +0.01 macro-F1 on the NHS major-themes file).
   */
  exclusiveThemes?: boolean;
  /** Sentiment overfits sooner than themes: 0.1 and 4 epochs unless told (+0.01 macro-F1 measured). */
  sentimentLearningRate?: number;
  sentimentEpochs?: number;
}

export interface TrainProgress {
  stage: 'features' | 'themes' | 'sentiment' | 'thresholds';
  done: number;
  total: number;
}

/** mulberry32: a tiny seeded PRNG so the same data and options give the same model. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

interface FitOptions {
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  onEpoch?: (epoch: number) => void;
}

/**
 * Fits one linear layer. `softmax` treats the classes as exclusive (sentiment); `logistic` fits
 * each class on its own (themes, where a comment can carry several).
 */
function fitLayer(
  X: readonly FeatureVector[],
  targets: readonly (readonly number[])[],
  F: number,
  C: number,
  kind: 'softmax' | 'logistic',
  weightOf: (c: number, positive: boolean) => number,
  o: FitOptions,
): { bias: Float32Array; weights: Float32Array } {
  const W = new Float32Array(F * C);
  const G = new Float32Array(F * C);
  const bias = new Float32Array(C);
  const Gb = new Float32Array(C);
  const z = new Float32Array(C);
  const g = new Float32Array(C);
  const y = new Uint8Array(C);
  const rand = random(o.seed);
  const eta = o.learningRate;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const d of shuffled(X.length, rand)) {
      const v = X[d]!;
      const target = targets[d]!;
      if (target.length === 0) continue;
      y.fill(0);
      for (const c of target) y[c] = 1;
      z.set(bias);
      for (let k = 0; k < v.ids.length; k++) {
        const base = v.ids[k]! * C;
        const x = v.values[k]!;
        for (let c = 0; c < C; c++) z[c]! += x * W[base + c]!;
      }
      if (kind === 'softmax') {
        let m = -Infinity;
        for (let c = 0; c < C; c++) m = Math.max(m, z[c]!);
        let s = 0;
        for (let c = 0; c < C; c++) s += (z[c] = Math.exp(z[c]! - m));
        const w = weightOf(target[0]!, true);
        for (let c = 0; c < C; c++) g[c] = (z[c]! / s - y[c]!) * w;
      } else {
        for (let c = 0; c < C; c++) g[c] = (1 / (1 + Math.exp(-z[c]!)) - y[c]!) * weightOf(c, y[c] === 1);
      }
      for (let c = 0; c < C; c++) {
        const gc = g[c]!;
        Gb[c]! += gc * gc;
        bias[c]! -= (eta * gc) / Math.sqrt(Gb[c]! + 1e-8);
      }
      for (let k = 0; k < v.ids.length; k++) {
        const base = v.ids[k]! * C;
        const x = v.values[k]!;
        for (let c = 0; c < C; c++) {
          const i = base + c;
          const grad = g[c]! * x + o.l2 * W[i]!;
          if (grad === 0) continue;
          G[i]! += grad * grad;
          W[i]! -= (eta * grad) / Math.sqrt(G[i]! + 1e-8);
        }
      }
    }
    o.onEpoch?.(epoch + 1);
  }
  return { bias, weights: W };
}

interface Prepared {
  vocab: Vocabulary;
  X: FeatureVector[];
}

function prepare(texts: readonly string[], minDf: number): Prepared {
  const tokenised = texts.map(tokenise);
  const df = new Map<string, number>();
  for (const t of tokenised) {
    for (const key of new Set(featureKeys(t, stems(t)))) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const keys: string[] = [];
  const idf: number[] = [];
  const N = texts.length;
  for (const [key, count] of df) {
    if (count < minDf) continue;
    keys.push(key);
    // Smoothed idf as in scikit-learn, so a word in every comment still counts a little.
    idf.push(Math.log((N + 1) / (count + 1)) + 1);
  }
  const vocab = compileVocabulary(keys, idf);
  return { vocab, X: tokenised.map((t) => vectorise(vocab, t, true)) };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Strongest unigram and bigram features of each theme, so a trained model explains itself. */
function strongestTerms(vocab: Vocabulary, weights: Float32Array, L: number, l: number, count: number): string[] {
  const scored: { key: string; w: number }[] = [];
  vocab.keys.forEach((key, f) => {
    const w = weights[f * L + l]!;
    if (w > 0 && !key.startsWith('#') && !key.startsWith('!')) scored.push({ key, w });
  });
  return scored.sort((a, b) => b.w - a.w).slice(0, count).map((s) => s.key);
}

/**
 * Trains a theme and sentiment model from labelled comments.
 *
 * @example
 * const model = train(parseLabelledCsv(csv), {}, (p) => console.error(p.stage, p.done, p.total));
 */
export function train(rows: readonly LabelledComment[], options: TrainOptions = {}, onProgress?: (p: TrainProgress) => void): ThemeModel {
  const labelled = rows.filter((r) => r.labels.length > 0 || r.sentiment != null);
  if (labelled.length === 0) throw new Error('no labelled comments to train on');
  const epochs = options.epochs ?? 12;
  const fit = { epochs, l2: options.l2 ?? 1e-5, learningRate: options.learningRate ?? 0.2, seed: options.seed ?? 1 };
  const balance = options.classBalance ?? 0.5;
  onProgress?.({ stage: 'features', done: 0, total: labelled.length });
  const { vocab, X } = prepare(labelled.map((r) => r.text), options.minDocumentFrequency ?? 2);
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
  const N = targets.filter((t) => t.length > 0).length;
  const positiveWeight = Float32Array.from(positives, (p) => (p > 0 ? Math.max(1, (N - p) / p) ** balance : 1));
  const themeWeightOf = (c: number, positive: boolean): number => (positive ? positiveWeight[c]! : 1);

  const exclusive = (options.exclusiveThemes ?? true) && !multiLabel;
  const fitThemes = (docs: number[], seed: number, report: boolean) =>
    fitLayer(
      docs.map((d) => X[d]!),
      docs.map((d) => targets[d]!),
      F,
      L,
      exclusive ? 'softmax' : 'logistic',
      exclusive ? (c) => positiveWeight[c]! : themeWeightOf,
      { ...fit, seed, ...(report ? { onEpoch: (e: number) => onProgress?.({ stage: 'themes', done: e, total: epochs }) } : {}) },
    );
  const all = X.map((_, i) => i);
  const themeLayer = fitThemes(all, fit.seed, true);

  const sentimentTargets = labelled.map((r) => (r.sentiment == null ? [] : [SENTIMENT_CLASSES.indexOf(r.sentiment)]));
  const sentimentCounts = [0, 0, 0];
  for (const t of sentimentTargets) if (t.length) sentimentCounts[t[0]!]!++;
  const sentimentEpochs = options.sentimentEpochs ?? 4;
  const S = sentimentCounts.reduce((a, b) => a + b, 0);
  const sentimentLayer = fitLayer(
    X,
    sentimentTargets,
    F,
    3,
    'softmax',
    (c) => (sentimentCounts[c]! > 0 ? (S / (3 * sentimentCounts[c]!)) ** balance : 1),
    {
      ...fit,
      learningRate: options.sentimentLearningRate ?? 0.1,
      epochs: sentimentEpochs,
      onEpoch: (e) => onProgress?.({ stage: 'sentiment', done: e, total: sentimentEpochs }),
    },
  );

  const thresholds = new Float32Array(L).fill(0.5);
  const folds = options.thresholdFolds ?? 3;
  if (multiLabel && folds >= 2) {
    // Out-of-fold scores from inner cross-validation, so thresholds are not tuned on scores
    // the model has already fitted.
    const scores = new Float32Array(X.length * L);
    const best = new Int32Array(X.length);
    const order = shuffled(X.length, random(fit.seed + 7));
    for (let k = 0; k < folds; k++) {
      const held = Array.from(order).filter((_, i) => i % folds === k);
      const heldSet = new Set(held);
      const layer = fitThemes(all.filter((d) => !heldSet.has(d)), fit.seed + k + 1, false);
      const z = new Float32Array(L);
      for (const d of held) {
        themeLogits({ themeBias: layer.bias, themeWeights: layer.weights }, X[d]!, z);
        let b = 0;
        for (let l = 0; l < L; l++) {
          scores[d * L + l] = sigmoid(z[l]!);
          if (z[l]! > z[b]!) b = l;
        }
        best[d] = b;
      }
      onProgress?.({ stage: 'thresholds', done: k + 1, total: folds });
    }
    for (let l = 0; l < L; l++) {
      let bestF1 = -1;
      for (let t = 0.05; t < 0.96; t += 0.025) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (let d = 0; d < X.length; d++) {
          const predicted = best[d] === l || scores[d * L + l]! >= t;
          const actual = targets[d]!.includes(l);
          if (predicted && actual) tp++;
          else if (predicted) fp++;
          else if (actual) fn++;
        }
        const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
        if (f1 > bestF1) {
          bestF1 = f1;
          thresholds[l] = t;
        }
      }
    }
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
    thresholds,
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
  return compileVocabulary([...model.vocab.keys, ...fresh], [...model.vocab.idf, ...Array.from(fresh, () => maxIdf)]);
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
  const next: ThemeModel = {
    ...model,
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
