/**
 * What every learner here shares: a seeded shuffle, so the same data and options give the same
 * model, and the shape of a fitted linear layer. (The SGD logistic learner that lived here until
 * format 2 scored 0.514 theme macro-F1 on the NHS major-themes file against the SVMs' 0.584.)
 */

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

export interface LinearLayer {
  bias: Float32Array;
  /** Feature-major: `weights[feature * classes + class]`. */
  weights: Float32Array;
}
