/**
 * Sparse [feature index, weight, …] pairs as the shipped layers save them: each index as its gap
 * from the index before, each weight as a whole number of `1 / unit`s (what training rounded it
 * to). The same numbers as the plain pairs, in about half the gzipped bytes of the Workers bundle.
 */

/** Plain pairs as saved; every weight must already be a whole number of `1 / unit`s. */
export function packPairs(pairs: readonly number[], unit: number): number[] {
  let previous = 0;
  return pairs.map((v, k) => {
    if (k % 2 === 1) return Math.round(v * unit);
    const gap = v - previous;
    previous = v;
    return gap;
  });
}

/** A saved layer's weights as plain pairs: version 2 saves them packed, version 1 as they are. */
export function savedWeights(saved: { version?: number; weights?: unknown }, unit: number): unknown {
  return saved.version === 2 && Array.isArray(saved.weights) ? saved.weights.map((pairs: number[]) => unpackPairs(pairs, unit)) : saved.weights;
}

/** Saved pairs as plain [feature index, weight, …] pairs again. */
export function unpackPairs(packed: readonly number[], unit: number): number[] {
  let index = 0;
  return packed.map((v, k) => (k % 2 === 1 ? v / unit : (index += v)));
}
