/**
 * Naive-Bayes log-count ratios (Wang & Manning 2012, "Baselines and Bigrams"): for each class,
 * how much likelier a feature is in its comments than in the others'. On short comments and
 * small themes they rank better than a regression alone, and because they are linear in the same
 * feature vector they can be added into a trained layer's weights: tagging costs nothing extra.
 */
import type { FeatureVector } from './features';
import type { LinearLayer } from './fit';

/**
 * One-vs-rest log-count ratios `r[f * C + c] = log(p_fc / |p_c|) - log(q_fc / |q_c|)` with
 * additive smoothing `alpha`, where p sums the feature values of comments in class c and q of
 * the rest; the bias is the log prior ratio.
 *
 * @example
 * const nb = logCountRatios(vectors, targets, features, themes, 0.1);
 */
export function logCountRatios(X: readonly FeatureVector[], targets: readonly (readonly number[])[], F: number, C: number, alpha: number): LinearLayer {
  const inClass = new Float64Array(F * C);
  const total = new Float64Array(F);
  const docs = new Float64Array(C);
  let labelled = 0;
  X.forEach((v, d) => {
    const target = targets[d]!;
    if (target.length === 0) return;
    labelled++;
    for (const c of target) docs[c]!++;
    for (let k = 0; k < v.ids.length; k++) {
      const f = v.ids[k]!;
      const x = v.values[k]!;
      total[f]! += x;
      for (const c of target) inClass[f * C + c]! += x;
    }
  });
  const sumIn = new Float64Array(C);
  let sumAll = 0;
  for (let f = 0; f < F; f++) {
    sumAll += total[f]!;
    for (let c = 0; c < C; c++) sumIn[c]! += inClass[f * C + c]!;
  }
  const weights = new Float32Array(F * C);
  const bias = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    if (docs[c] === 0) continue;
    const p = sumIn[c]! + alpha * F;
    const q = sumAll - sumIn[c]! + alpha * F;
    for (let f = 0; f < F; f++) {
      const i = f * C + c;
      weights[i] = Math.log((inClass[i]! + alpha) / p) - Math.log((total[f]! - inClass[i]! + alpha) / q);
    }
    bias[c] = Math.log(docs[c]! / Math.max(1, labelled - docs[c]!));
  }
  return { bias, weights };
}

/**
 * `a + scale × b`, in place in `a`: folds naive Bayes into a regression layer.
 */
export function addLayer(a: LinearLayer, b: LinearLayer, scale: number): void {
  for (let i = 0; i < a.weights.length; i++) a.weights[i]! += scale * b.weights[i]!;
  for (let c = 0; c < a.bias.length; c++) a.bias[c]! += scale * b.bias[c]!;
}
