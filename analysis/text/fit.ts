/**
 * Fitting one linear layer over sparse feature vectors: SGD with AdaGrad step sizes and weight
 * averaging. Plain loops over typed arrays, no native code, so it trains on Node or in a Worker.
 */
import type { FeatureVector } from './features';

/** mulberry32: a tiny seeded PRNG so the same data and options give the same model. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a seeded random order (Fisher–Yates). */
export function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

export interface FitOptions {
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  /**
   * Return the average of the weights over every step rather than the last ones: steadier on
   * small, noisy data, at no cost when tagging.
   */
  average?: boolean;
  onEpoch?: (epoch: number) => void;
}

export interface LinearLayer {
  bias: Float32Array;
  /** Feature-major: `weights[feature * classes + class]`. */
  weights: Float32Array;
}

/**
 * Fits one linear layer. `softmax` treats the classes as exclusive (sentiment, single-label
 * themes); `logistic` fits each class on its own (themes, where a comment can carry several).
 * `weightOf(c, positive)` weights a comment's loss for class `c` (class balancing).
 */
export function fitLayer(
  X: readonly FeatureVector[],
  targets: readonly (readonly number[])[],
  F: number,
  C: number,
  kind: 'softmax' | 'logistic',
  weightOf: (c: number, positive: boolean) => number,
  o: FitOptions,
): LinearLayer {
  const W = new Float32Array(F * C);
  const G = new Float32Array(F * C);
  // Averaging by the lazy trick: U sums step × update, so the mean of W over T steps is W - U/T.
  const U = o.average ? new Float32Array(F * C) : null;
  const bias = new Float32Array(C);
  const Gb = new Float32Array(C);
  const Ub = new Float32Array(C);
  const z = new Float32Array(C);
  const g = new Float32Array(C);
  const y = new Uint8Array(C);
  const rand = random(o.seed);
  const eta = o.learningRate;
  let step = 1;
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
        for (let c = 0; c < C; c++) s += z[c] = Math.exp(z[c]! - m);
        const w = weightOf(target[0]!, true);
        for (let c = 0; c < C; c++) g[c] = (z[c]! / s - y[c]! / target.length) * w;
      } else {
        for (let c = 0; c < C; c++) g[c] = (1 / (1 + Math.exp(-z[c]!)) - y[c]!) * weightOf(c, y[c] === 1);
      }
      for (let c = 0; c < C; c++) {
        const gc = g[c]!;
        Gb[c]! += gc * gc;
        const delta = (eta * gc) / Math.sqrt(Gb[c]! + 1e-8);
        bias[c]! -= delta;
        Ub[c]! -= step * delta;
      }
      for (let k = 0; k < v.ids.length; k++) {
        const base = v.ids[k]! * C;
        const x = v.values[k]!;
        for (let c = 0; c < C; c++) {
          const i = base + c;
          const grad = g[c]! * x + o.l2 * W[i]!;
          if (grad === 0) continue;
          G[i]! += grad * grad;
          const delta = (eta * grad) / Math.sqrt(G[i]! + 1e-8);
          W[i]! -= delta;
          if (U) U[i]! -= step * delta;
        }
      }
      step++;
    }
    o.onEpoch?.(epoch + 1);
  }
  if (U) {
    for (let i = 0; i < W.length; i++) W[i]! -= U[i]! / step;
    for (let c = 0; c < C; c++) bias[c]! -= Ub[c]! / step;
  }
  return { bias, weights: W };
}
