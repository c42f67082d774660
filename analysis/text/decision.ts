/**
 * Choosing per-class offsets on held-out scores so that the labels a model gives maximise
 * macro-F1, the figure councils compare models on. A linear model trained on skewed data
 * under-predicts small themes; shifting each class's logit by a tuned amount (a threshold in
 * logit space) recovers most of that without touching the weights, and the offset is folded
 * into the bias so tagging costs nothing extra.
 */

/** How the labels of one comment are read off its (offset) logits. */
export type DecisionRule =
  /** The best class only (single-label themes, sentiment). */
  | 'best'
  /** The best class, plus every class whose logit is at least 0, i.e. sigmoid ≥ 0.5. */
  | 'best-and-positive';

export interface OffsetSearch {
  /** Candidate offsets, in logits. */
  grid: readonly number[];
}

/** Rounds of coordinate ascent over the classes. */
const ROUNDS = 2;

/**
 * Macro-F1 over the classes that occur in `targets`, for scores `z` (N × C, row-major) after
 * adding `offsets`.
 *
 * @example
 * macroF1(Float32Array.of(1, 0, 0, 1), 2, [[0], [1]], new Float32Array(2), 'best') // 1
 */
export function macroF1(z: Float32Array, C: number, targets: readonly (readonly number[])[], offsets: Float32Array, rule: DecisionRule): number {
  const tp = new Int32Array(C);
  const fp = new Int32Array(C);
  const support = new Int32Array(C);
  const N = targets.length;
  for (let d = 0; d < N; d++) {
    const target = targets[d]!;
    if (target.length === 0) continue;
    for (const c of target) support[c]!++;
    const base = d * C;
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < C; c++) {
      const s = z[base + c]! + offsets[c]!;
      if (s > bestScore) (bestScore = s), (best = c);
      if (rule === 'best-and-positive' && s >= 0) target.includes(c) ? tp[c]!++ : fp[c]!++;
    }
    if (rule === 'best' || bestScore < 0) target.includes(best) ? tp[best]!++ : fp[best]!++;
  }
  let sum = 0;
  let present = 0;
  for (let c = 0; c < C; c++) {
    if (support[c] === 0) continue;
    present++;
    // fn = support - tp, so 2tp + fp + fn = tp + fp + support.
    if (tp[c]! > 0) sum += (2 * tp[c]!) / (tp[c]! + fp[c]! + support[c]!);
  }
  return present ? sum / present : 0;
}

/**
 * Per-class logit offsets that maximise macro-F1 on held-out scores, by coordinate ascent.
 * An offset moves only when it gains, so classes the scores cannot help stay at 0.
 *
 * @example
 * const offsets = tuneOffsets(heldOutLogits, 9, heldOutTargets, 'best', { grid: [-1, -0.5, 0, 0.5, 1] });
 */
export function tuneOffsets(z: Float32Array, C: number, targets: readonly (readonly number[])[], rule: DecisionRule, { grid }: OffsetSearch): Float32Array {
  const offsets = new Float32Array(C);
  let score = macroF1(z, C, targets, offsets, rule);
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let c = 0; c < C; c++) {
      const kept = offsets[c]!;
      let bestValue = kept;
      for (const value of grid) {
        if (value === kept) continue;
        offsets[c] = value;
        const s = macroF1(z, C, targets, offsets, rule);
        // A small margin keeps offsets from chasing noise in a few held-out comments.
        if (s > score + 1e-4) (score = s), (bestValue = value);
      }
      offsets[c] = bestValue;
      moved ||= bestValue !== kept;
    }
    if (!moved) break;
  }
  return offsets;
}
