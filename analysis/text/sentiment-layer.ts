/**
 * The default model's sentiment layer: the lexicon counts (`#pos`, `#neg`, `#not`, `#mix`) and
 * the words of a comment, weighted by a linear SVM trained on the project's own labelled sets
 * (written for it, never copied from real people). The hand-set lexicon weights read 0.65 on a
 * writer they were never tuned on; learned weights over the same counts plus words read 0.73 to
 * 0.92 on each writer's set left out of training (`hubvoice sentiment train` prints them).
 *
 * The features are the default model's own (binary words, lexicon counts, no normalising), so the
 * layer drops into `seedModelJson` beside the seed-term themes without changing how a comment is
 * read. Rebuilt by `hubvoice sentiment train` (sentiment-train.ts; README in `eval/`); a test checks
 * the committed JSON is what the command builds.
 */
import { packPairs, savedWeights } from './sparse-pairs';
import { MIXED_FEATURE, NEGATIVE_FEATURE, POSITIVE_FEATURE, UNANSWERED_NEGATION_FEATURE } from './features';

/** The lexicon counts every sentiment layer starts with, in this order. */
export const LEXICON_FEATURES = [POSITIVE_FEATURE, NEGATIVE_FEATURE, UNANSWERED_NEGATION_FEATURE, MIXED_FEATURE] as const;

export interface SentimentLayerJson {
  format: 'hubvoice-sentiment-layer';
  version: 1;
  trainedOn: { comments: number; files: string[] };
  /** Feature keys: the lexicon counts first, then word keys ("good", "!good", "wait list"). */
  features: string[];
  /** Per class (-1, 0, 1): the bias. */
  bias: number[];
  /** Per class (-1, 0, 1): sparse [feature index, weight, …] pairs. */
  weights: number[][];
  /** Trained, and so read, without the words of a question clause (`LinearLayerJson.skipQuestions`). */
  skipQuestions: boolean;
  /** How close neutral may lead before the lexicon decides (`LinearLayerJson.lexiconTieMargin`). */
  lexiconTieMargin?: number;
}

/**
 * The layer as it is saved (version 2): each class's weights packed (`packPairs`: index gaps,
 * weights in ten-thousandths, what training rounds them to), the same numbers as version 1's.
 */
export interface PackedSentimentLayerJson extends Omit<SentimentLayerJson, 'version'> {
  version: 2;
}

const WEIGHT_UNIT = 10_000;

/** The layer as `hubvoice sentiment train` saves it. */
export function packSentimentLayer(layer: SentimentLayerJson): PackedSentimentLayerJson {
  return { ...layer, version: 2, weights: layer.weights.map((pairs) => packPairs(pairs, WEIGHT_UNIT)) };
}

/** Checks a parsed JSON value is a sentiment layer (saved as version 1 or 2) whose lexicon features come first. */
export function loadSentimentLayer(json: unknown): SentimentLayerJson {
  const saved = json as Partial<SentimentLayerJson | PackedSentimentLayerJson>;
  if (saved?.format !== 'hubvoice-sentiment-layer' || (saved.version !== 1 && saved.version !== 2))
    throw new Error('not a hubvoice sentiment layer (format/version)');
  const j = { ...saved, version: 1, weights: savedWeights(saved, WEIGHT_UNIT) } as Partial<SentimentLayerJson>;
  if (!Array.isArray(j.features) || LEXICON_FEATURES.some((key, f) => j.features![f] !== key))
    throw new Error('a sentiment layer lists the lexicon features first');
  if (!Array.isArray(j.bias) || j.bias.length !== 3 || !Array.isArray(j.weights) || j.weights.length !== 3)
    throw new Error('a sentiment layer has three classes');
  return { ...(j as SentimentLayerJson), skipQuestions: j.skipQuestions === true };
}
