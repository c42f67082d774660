/**
 * The default model's theme review: a second, learned look at the seed-term themes. Seed terms
 * find a theme's words; they cannot tell "the group was full" (booking) from "the group was full
 * of lovely mums" (peer support), so writers who never saw the lists read seed themes with a
 * precision of 0.5 to 0.8 on the vaguer themes (communication, activities, service changes).
 *
 * For each theme the review scores the comment with a linear SVM over the default model's own
 * word features plus which seed themes fired, learned from the project's labelled sets (written
 * for it, never copied from real people). A theme is given when its score reaches the threshold:
 * a seed theme the words around it do not bear out is dropped, and a theme the words carry
 * without a seed term can be added. Rebuilt by `hubvoice themes review` (theme-review-train.ts),
 * which prints each file's figures on a review trained without it; a test checks the committed
 * JSON is what the command builds.
 */
import { LEXICON_FEATURES } from './sentiment-layer';
import { packPairs, savedWeights } from './sparse-pairs';
import { wordSize } from './tokenize';

export interface ThemeReviewJson {
  format: 'hubvoice-theme-review';
  version: 1;
  trainedOn: { comments: number; files: string[] };
  /** Theme ids, in the taxonomy's order: the review applies only to a taxonomy with exactly these. */
  themes: string[];
  /** Feature keys: the lexicon counts first, then word keys ("wait", "!listen", "wait list"). */
  features: string[];
  /** Per theme: the bias. */
  bias: number[];
  /** Per theme: sparse [feature index, weight, …] pairs. */
  weights: number[][];
  /** Per theme: sparse [seed theme index, weight, …] pairs, read when that seed theme fired. */
  seedWeights: number[][];
  /** Per theme: the score at which it is given. */
  thresholds: number[];
  /** A comment none of whose themes reaches its threshold gets its best theme when it scores this much. */
  bestThemeAt: number;
  /** A comment of more words than this is weighed as if it had this many (`reviewLengthScale`); absent, never. */
  wordsWeighed?: number;
}

/**
 * How much a comment's words count in the review: 1 up to `wordsWeighed` words (a Han character
 * counts half, as about two make a word), then the square root of `wordsWeighed` over its length.
 * The review's scores add up word by word, so a long answer that mentions several things reached
 * a theme's threshold on words that each said little of it: "the bus was cut… we used to… now",
 * in 80 words about getting there, read as a service change. Scaled so, a long answer's words
 * weigh what a comment of `wordsWeighed` words would; seed themes and the bias are not scaled.
 * Training scales each comment's features the same way, so the weights are learned for it.
 */
export function reviewLengthScale(words: readonly string[], wordsWeighed: number): number {
  if (!(wordsWeighed > 0) || words.length <= wordsWeighed) return 1;
  let n = 0;
  for (const w of words) n += wordSize(w);
  return n <= wordsWeighed ? 1 : Math.sqrt(wordsWeighed / n);
}

/**
 * The review as it is saved (version 2): each theme's weights packed (`packPairs`: index gaps,
 * weights in thousandths, what training rounds them to), the same numbers as version 1's.
 */
export interface PackedThemeReviewJson extends Omit<ThemeReviewJson, 'version'> {
  version: 2;
}

const WEIGHT_UNIT = 1000;

/** The review as `hubvoice themes review` saves it. */
export function packThemeReview(review: ThemeReviewJson): PackedThemeReviewJson {
  return { ...review, version: 2, weights: review.weights.map((pairs) => packPairs(pairs, WEIGHT_UNIT)) };
}

/** Checks a parsed JSON value is a theme review (saved as version 1 or 2) whose parts agree in size. */
export function loadThemeReview(json: unknown): ThemeReviewJson {
  const saved = json as Partial<ThemeReviewJson | PackedThemeReviewJson>;
  if (saved?.format !== 'hubvoice-theme-review' || (saved.version !== 1 && saved.version !== 2))
    throw new Error('not a hubvoice theme review (format/version)');
  const j = { ...saved, version: 1, weights: savedWeights(saved, WEIGHT_UNIT) } as Partial<ThemeReviewJson>;
  const L = j.themes?.length ?? 0;
  if (L === 0 || [j.bias, j.weights, j.seedWeights, j.thresholds].some((part) => !Array.isArray(part) || part.length !== L))
    throw new Error('a theme review has a bias, weights, seed weights and a threshold for each of its themes');
  if (typeof j.bestThemeAt !== 'number') throw new Error('a theme review names the score at which a comment gets its best theme');
  if (j.wordsWeighed !== undefined && !(typeof j.wordsWeighed === 'number' && j.wordsWeighed > 0))
    throw new Error('a theme review weighs a long comment as so many words, a number over 0');
  if (!Array.isArray(j.features) || LEXICON_FEATURES.some((key, f) => j.features![f] !== key))
    throw new Error('a theme review lists the lexicon features first');
  return j as ThemeReviewJson;
}
