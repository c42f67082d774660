/**
 * One-vs-rest linear SVMs (L2-regularised, squared hinge loss) fitted by dual coordinate descent
 * (Hsieh et al., ICML 2008: LIBLINEAR's default solver). On TF-IDF features this is the strong
 * classic baseline for short-text classification; it needs no learning rate and converges in
 * a few passes. Plain loops over typed arrays, so it trains on Node or in a Worker.
 */
import type { FeatureVector } from './features';
import { random, shuffled, type LinearLayer } from './fit';

export interface SvmOptions {
  /** Inverse regularisation strength, as in LIBLINEAR. */
  C: number;
  /**
   * How far each class's positives and negatives are re-weighted toward equal totals: 0 none,
   * 1 scikit-learn's class_weight='balanced' for the binary problem.
   */
  balance: number;
  /** Most passes over the data; stops earlier once no dual variable moves much. */
  passes: number;
  seed: number;
}

/** Value of the constant feature that gives each class its bias (LIBLINEAR's `-B 1`). */
const BIAS_FEATURE = 1;
/** LIBLINEAR's default stopping tolerance on the projected gradient. */
const TOLERANCE = 0.1;

function fitOne(
  X: readonly FeatureVector[],
  y: Int8Array,
  sqNorm: Float64Array,
  w: Float64Array,
  Cpos: number,
  Cneg: number,
  o: SvmOptions,
  seed: number,
): number {
  const n = X.length;
  const F = w.length;
  const alpha = new Float64Array(n);
  let bias = 0;
  const rand = random(seed);
  for (let pass = 0; pass < o.passes; pass++) {
    let worst = 0;
    for (const i of shuffled(n, rand)) {
      const x = X[i]!;
      const yi = y[i]!;
      // Squared hinge loss: the dual gains a diagonal 1/(2C) and loses the upper bound.
      const diagonal = 1 / (2 * (yi > 0 ? Cpos : Cneg));
      let dot = bias * BIAS_FEATURE;
      for (let k = 0; k < x.ids.length; k++) dot += w[x.ids[k]!]! * x.values[k]!;
      const a = alpha[i]!;
      const g = yi * dot - 1 + diagonal * a;
      const pg = a === 0 ? Math.min(g, 0) : g;
      worst = Math.max(worst, Math.abs(pg));
      if (pg === 0) continue;
      const next = Math.max(a - g / (sqNorm[i]! + diagonal), 0);
      alpha[i] = next;
      const step = (next - a) * yi;
      if (step === 0) continue;
      bias += step * BIAS_FEATURE;
      for (let k = 0; k < x.ids.length; k++) {
        const f = x.ids[k]!;
        if (f < F) w[f]! += step * x.values[k]!;
      }
    }
    if (worst < TOLERANCE) break;
  }
  return bias * BIAS_FEATURE;
}

/**
 * Fits one SVM per class; `targets[d]` lists the classes of comment d (empty: skipped). Returns
 * the layer feature-major, like `fitLayer`, so tagging is the same sparse dot product.
 *
 * @example
 * const layer = fitSvms(vectors, [[0], [2], [1, 2]], features, 3, { C: 0.1, balance: 1, passes: 15, seed: 1 });
 */
export function fitSvms(X: readonly FeatureVector[], targets: readonly (readonly number[])[], F: number, C: number, o: SvmOptions): LinearLayer {
  const docs = X.filter((_, d) => targets[d]!.length > 0);
  const docTargets = targets.filter((t) => t.length > 0);
  const n = docs.length;
  const sqNorm = Float64Array.from(docs, (x) => {
    let s = BIAS_FEATURE * BIAS_FEATURE;
    for (let k = 0; k < x.values.length; k++) s += x.values[k]! * x.values[k]!;
    return s;
  });
  const weights = new Float32Array(F * C);
  const bias = new Float32Array(C);
  const w = new Float64Array(F);
  const y = new Int8Array(n);
  for (let c = 0; c < C; c++) {
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const positive = docTargets[i]!.includes(c);
      y[i] = positive ? 1 : -1;
      if (positive) positives++;
    }
    if (positives === 0) {
      bias[c] = -1;
      continue;
    }
    const Cpos = o.C * (n / (2 * positives)) ** o.balance;
    const Cneg = o.C * (n / (2 * Math.max(n - positives, 1))) ** o.balance;
    w.fill(0);
    bias[c] = fitOne(docs, y, sqNorm, w, Cpos, Cneg, o, o.seed + c);
    for (let f = 0; f < F; f++) weights[f * C + c] = w[f]!;
  }
  return { bias, weights };
}
