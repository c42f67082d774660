/**
 * The learned second stage of the safeguarding check: a linear model over hashed character
 * n-grams and words, OR'd with the phrase lists. The lists catch what someone foresaw; the model
 * catches phrasings close to the dev set's disclosures that nobody wrote a pattern for (measured
 * out of fold in SAFEGUARDING.md). Character n-grams inside words work across all six languages
 * and survive misspellings and missing accents; Chinese, without spaces, is one long "word" whose
 * 2–4 character pieces are its words and phrases.
 */
import { charNgramBuckets, type CharNgramScheme } from './char-ngrams';
import type { FeatureVector } from './features';
import { random, shuffled } from './fit';
import type { SafeguardingCategory } from './safeguarding';
import { fitSvms } from './svm';

/** The model's classes, in the order of its weight columns (SAFEGUARDING_CATEGORIES' order). */
const CLASSES: readonly SafeguardingCategory[] = ['child-harm', 'domestic-abuse', 'self-harm-suicide', 'neglect', 'sexual-abuse-exploitation', 'homelessness'];

export interface SafeguardingModel {
  format: 1;
  scheme: CharNgramScheme;
  /** Flag when the best category's score reaches this (chosen out of fold: SAFEGUARDING.md). */
  threshold: number;
  bias: number[];
  /** Feature-major: `weights[bucket * classes + class]`, over 2^bits buckets. */
  weights: ArrayLike<number>;
  /** How the threshold was chosen, kept with the model so the figures travel with it. */
  crossValidation?: Record<string, unknown>;
}

export interface LabelledComment {
  label: SafeguardingCategory | 'none';
  text: string;
}

/** Character 2–4-grams: 1-grams add noise, 5-grams rarely recur in ~1,000 short comments. */
const SCHEME: CharNgramScheme = { min: 2, max: 4, bits: 15 };

function hashWord(text: string, salt: number, mask: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h & mask;
}

/** Lower-cased, accents dropped, letters and digits only: what families type on any keyboard. */
function words(text: string): string[] {
  const folded = /^\p{ASCII}*$/u.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l');
  return folded
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The comment as one L2-normalised sparse vector: character n-grams of each word, the words and
 * the word pairs, all hashed into one space so the model needs no vocabulary.
 */
let tally = new Float32Array(1 << SCHEME.bits);
let touched = new Int32Array(1024);

export function safeguardingFeatures(text: string, scheme: CharNgramScheme = SCHEME): FeatureVector {
  const mask = (1 << scheme.bits) - 1;
  // A dense scratch tally and the list of buckets touched: tagging calls this on every comment
  // the patterns pass, and a Map here halved the detector's throughput.
  if (tally.length !== 1 << scheme.bits) tally = new Float32Array(1 << scheme.bits);
  let n = 0;
  const add = (id: number) => {
    if (tally[id] === 0) {
      if (n === touched.length) touched = Int32Array.from({ length: n * 2 }, (_, i) => (i < n ? touched[i]! : 0));
      touched[n++] = id;
    }
    tally[id]! += 1;
  };
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const { buckets, count } = charNgramBuckets(ws[i]!, scheme);
    for (let k = 0; k < count; k++) add(buckets[k]!);
    add(hashWord(ws[i]!, 1, mask));
    if (i > 0) add(hashWord(`${ws[i - 1]} ${ws[i]}`, 2, mask));
  }
  const ids = touched.slice(0, n);
  // Square roots of counts: a word said three times is more evidence, not three times as much.
  const values = Float32Array.from(ids, (id) => Math.sqrt(tally[id]!));
  for (const id of ids) tally[id] = 0;
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { ids, values, word: new Int32Array(0) };
}

/** The best category and its score; the model flags when the score reaches its threshold. */
export function scoreSafeguardingModel(model: SafeguardingModel, text: string): { category: SafeguardingCategory; score: number } {
  const x = safeguardingFeatures(text, model.scheme);
  const C = CLASSES.length;
  const scores = model.bias.slice(0, C);
  const weights = model.weights;
  for (let k = 0; k < x.ids.length; k++) {
    const base = x.ids[k]! * C;
    const v = x.values[k]!;
    for (let c = 0; c < C; c++) scores[c]! += weights[base + c]! * v;
  }
  let best = 0;
  for (let c = 1; c < C; c++) if (scores[c]! > scores[best]!) best = c;
  return { category: CLASSES[best]!, score: scores[best]! };
}

export interface SafeguardingTrainOptions {
  /** SVM regularisation (LIBLINEAR's C). Model-alone out-of-fold recall at 8% false positives on the dev set: C 0.1 0.52, 0.3 0.58, 0.5 0.61, 1 0.60, 3 0.56. */
  C: number;
  folds: number;
  /** Highest out-of-fold false-positive rate allowed for the combined detector. */
  maxFalsePositiveRate: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: SafeguardingTrainOptions = { C: 0.5, folds: 5, maxFalsePositiveRate: 0.08, seed: 1 };

function fitModel(rows: readonly (LabelledComment & { view: string | null })[], o: SafeguardingTrainOptions): Omit<SafeguardingModel, 'threshold'> {
  const X = rows.map((r) => safeguardingFeatures(r.view ?? r.text));
  // Look-alikes form a seventh class so they take part as negatives of every category.
  const targets = rows.map((r) => [r.label === 'none' ? CLASSES.length : CLASSES.indexOf(r.label)]);
  const layer = fitSvms(X, targets, 1 << SCHEME.bits, CLASSES.length + 1, { C: o.C, balance: 1, passes: 30, seed: o.seed });
  const C = CLASSES.length;
  const weights = new Array<number>((1 << SCHEME.bits) * C);
  for (let f = 0; f < 1 << SCHEME.bits; f++) {
    // Four decimals keep the JSON small and diffable; scores move by well under 0.01.
    for (let c = 0; c < C; c++) weights[f * C + c] = Math.round(layer.weights[f * (C + 1) + c]! * 1e4) / 1e4;
  }
  return { format: 1, scheme: SCHEME, bias: Array.from(layer.bias.slice(0, C), (b) => Math.round(b * 1e4) / 1e4), weights };
}

export interface OutOfFold {
  label: LabelledComment['label'];
  score: number;
  patterns: boolean;
}

/**
 * The threshold with the highest out-of-fold recall of patterns OR model among those whose
 * out-of-fold false-positive rate stays within the limit.
 */
export function chooseThreshold(oof: readonly OutOfFold[], maxFalsePositiveRate: number): { threshold: number; recall: number; falsePositiveRate: number } {
  const negatives = oof.filter((o) => o.label === 'none');
  const positives = oof.filter((o) => o.label !== 'none');
  // Infinity last: the model silent, patterns alone, when no threshold keeps within the limit.
  const candidates = [...[...new Set(oof.map((o) => o.score))].sort((a, b) => a - b), Number.POSITIVE_INFINITY];
  const share = (list: readonly OutOfFold[], t: number) => list.filter((o) => o.patterns || o.score >= t).length / Math.max(list.length, 1);
  // Flagging only grows as the threshold falls, so the lowest threshold within the limit has the best recall.
  const threshold = candidates.find((t) => share(negatives, t) <= maxFalsePositiveRate) ?? Number.POSITIVE_INFINITY;
  return { threshold, recall: share(positives, threshold), falsePositiveRate: share(negatives, threshold) };
}

/**
 * Trains on every row, with the threshold set by k-fold cross-validation: each row is scored by
 * a model that never saw it, so the threshold and its figures estimate unseen text.
 * `patterns(text)` is the phrase-list verdict the model is OR'd with.
 *
 * @example
 * const { model } = trainSafeguardingModel(rows, (t) => detectSafeguarding(t, undefined, patternsOnly).flagged);
 */
export function trainSafeguardingModel(
  rows: readonly LabelledComment[],
  patterns: (text: string) => boolean,
  options: Partial<SafeguardingTrainOptions> = {},
  /** The comment as the detector shows it to the model, or null where it may not flag (safeguarding.ts `modelView`). */
  view: (text: string) => string | null = (text) => text,
  /**
   * Ordinary comments not labelled for safeguarding (general service feedback), taught as
   * look-alikes so the model learns what everyday feedback reads like. They take no part in
   * choosing the threshold (its false-positive rate is the labelled look-alikes'); their own
   * out-of-fold flag rate is returned as `general`. Pass only comments the patterns do not flag.
   */
  generalNegatives: readonly string[] = [],
): { model: SafeguardingModel; outOfFold: OutOfFold[]; general: { n: number; flagged: number } } {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const order = shuffled(rows.length, random(o.seed));
  const fold = new Int32Array(rows.length);
  order.forEach((row, i) => {
    fold[row] = i % o.folds;
  });
  // Train on what the detector will show the model; a gated comment still teaches from its text.
  const viewed = rows.map((r) => ({ ...r, view: view(r.text) }));
  const general = generalNegatives.map((text) => ({ label: 'none' as const, text, view: view(text) }));
  const outOfFold: OutOfFold[] = rows.map((r) => ({ label: r.label, score: Number.NEGATIVE_INFINITY, patterns: patterns(r.text) }));
  const generalScores = new Float64Array(general.length).fill(Number.NEGATIVE_INFINITY);
  for (let k = 0; k < o.folds; k++) {
    const train = [...viewed.filter((_, i) => fold[i] !== k), ...general.filter((_, i) => i % o.folds !== k)];
    if (train.length === 0) continue;
    const partial = { ...fitModel(train, o), threshold: 0 };
    rows.forEach((_, i) => {
      const shown = viewed[i]!.view;
      if (fold[i] === k && shown !== null) outOfFold[i]!.score = scoreSafeguardingModel(partial, shown).score;
    });
    general.forEach((g, i) => {
      if (i % o.folds === k && g.view !== null) generalScores[i] = scoreSafeguardingModel(partial, g.view).score;
    });
  }
  const chosen = chooseThreshold(outOfFold, o.maxFalsePositiveRate);
  const generalFlagged = generalScores.filter((s) => s >= chosen.threshold).length;
  const model: SafeguardingModel = {
    ...fitModel([...viewed, ...general], o),
    threshold: Math.round(chosen.threshold * 1e4) / 1e4,
    crossValidation: {
      folds: o.folds,
      rows: rows.length,
      maxFalsePositiveRate: o.maxFalsePositiveRate,
      recall: chosen.recall,
      falsePositiveRate: chosen.falsePositiveRate,
      ...(general.length ? { generalComments: general.length, generalFlagRate: generalFlagged / general.length } : {}),
    },
  };
  return { model, outOfFold, general: { n: general.length, flagged: generalFlagged } };
}

/**
 * The model as stored: format 2 keeps the weights as 16-bit integers times `scale`, base64-encoded
 * little-endian, so loading parses one string instead of 196,608 numbers (0.5 MB instead of 0.9 MB)
 * and the weights are decoded only when a comment first reaches the model.
 */
interface StoredModelV2 extends Omit<SafeguardingModel, 'format' | 'weights'> {
  format: 2;
  scale: number;
  weights: string;
}

/** The JSON `hubvoice safeguarding train` writes (format 2). */
export function serialiseSafeguardingModel(model: SafeguardingModel): StoredModelV2 {
  let max = 0;
  for (let i = 0; i < model.weights.length; i++) max = Math.max(max, Math.abs(model.weights[i]!));
  const scale = max / 32767 || 1;
  const bytes = new Uint8Array(model.weights.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < model.weights.length; i++) view.setInt16(i * 2, Math.round(model.weights[i]! / scale), true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ...model, format: 2, scale, weights: btoa(binary) };
}

function decodeWeights(base64: string, scale: number, length: number): Float32Array {
  const binary = atob(base64);
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  if (view.byteLength !== length * 2) throw new Error('not a safeguarding model (format 2): wrong number of weights');
  const weights = new Float32Array(length);
  for (let i = 0; i < length; i++) weights[i] = view.getInt16(i * 2, true) * scale;
  return weights;
}

/** Reads a model written by trainSafeguardingModel (format 1 or 2), failing loudly on anything else. */
export function loadSafeguardingModel(json: unknown): SafeguardingModel {
  const m = json as SafeguardingModel | StoredModelV2;
  const length = m?.scheme ? (1 << m.scheme.bits) * CLASSES.length : -1;
  // JSON writes Infinity (a model no threshold could keep within the limit) as null: keep it silent.
  const threshold = typeof m?.threshold === 'number' ? m.threshold : Number.POSITIVE_INFINITY;
  if (m?.format === 2 && typeof m.weights === 'string' && typeof m.scale === 'number' && length > 0) {
    const { weights: base64, scale, ...rest } = m;
    let decoded: Float32Array | null = null;
    const model = { ...rest, format: 1 as const, threshold } as SafeguardingModel;
    // Decoded on first use: a process that never scores a comment never pays for it.
    Object.defineProperty(model, 'weights', { enumerable: true, get: () => (decoded ??= decodeWeights(base64, scale, length)) });
    return model;
  }
  if (m?.format !== 1 || !Array.isArray(m.weights) || m.weights.length !== length) {
    throw new Error('not a safeguarding model (format 1 or 2)');
  }
  return { ...m, threshold };
}
