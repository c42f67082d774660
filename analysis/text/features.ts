/**
 * Features of a comment: stemmed unigrams, bigrams within a clause, negated unigrams ("!good"),
 * two sentiment-lexicon counts and (trained models) hashed character n-grams. Word keys are
 * readable strings in the model JSON so a council can see why a theme fired; at tagging time
 * they are looked up by number, not by string.
 */
import { charNgramBuckets, type CharNgramScheme } from './char-ngrams';
import lexicon from './sentiment-lexicon.json' with { type: 'json' };
import { stem, type TokenisedText } from './tokenize';

export const POSITIVE_FEATURE = '#pos';
export const NEGATIVE_FEATURE = '#neg';
/** Prefix of a character n-gram feature's key; the rest is its hash bucket. */
export const CHAR_PREFIX = '~';

/**
 * How a comment becomes numbers. Without `sublinearTf` (seed-term models, format 1): each word
 * feature once, lexicon features as counts. With it: every feature weighted (1 + ln count) × idf
 * and the word part L2-normalised, as scikit-learn's TfidfVectorizer(sublinear_tf=True).
 */
export interface FeatureScheme {
  sublinearTf: boolean;
  /** Hashed character n-grams as a second, separately L2-normalised block scaled by `weight`. */
  charNgrams?: CharNgramScheme & { weight: number };
}

const positiveStems = new Set(lexicon.positive.map(stem));
const negativeStems = new Set(lexicon.negative.map(stem));

/** Stems of a tokenised comment, in word order. */
export function stems(t: TokenisedText): string[] {
  return t.words.map(stem);
}

/**
 * Every feature key of a comment, possibly repeated; used to build a vocabulary when training.
 *
 * @example
 * featureKeys(tokenise('not good')) // ['not', 'good', '!good', 'not good']
 */
export function featureKeys(t: TokenisedText, stemmed: string[] = stems(t)): string[] {
  const keys: string[] = [];
  for (let i = 0; i < stemmed.length; i++) {
    const s = stemmed[i]!;
    keys.push(s);
    if (t.negated[i]) keys.push('!' + s);
    if (i + 1 < stemmed.length && t.clause[i + 1] === t.clause[i]) keys.push(s + ' ' + stemmed[i + 1]);
  }
  return keys;
}

/** A compiled vocabulary: feature keys plus numeric lookup tables for fast vectorising. */
export interface Vocabulary {
  readonly keys: readonly string[];
  readonly idf: Float32Array;
  readonly stemIds: ReadonlyMap<string, number>;
  /** Feature id of the unigram, and of the negated unigram, for each stem id (-1 if none). */
  readonly unigram: Int32Array;
  readonly negatedUnigram: Int32Array;
  /** Feature id of a bigram keyed by `stemId1 * BIGRAM_BASE + stemId2`. */
  readonly bigram: ReadonlyMap<number, number>;
  readonly positive: number;
  readonly negative: number;
  readonly scheme: FeatureScheme;
  /** Feature id of each character n-gram hash bucket (-1 if none); empty without n-grams. */
  readonly charBucket: Int32Array;
  /** Scratch for de-duplicating and counting features; sized to the vocabulary, reused across calls. */
  readonly stamp: Uint32Array;
  readonly count: Float32Array;
  epoch: number;
}

const BIGRAM_BASE = 2 ** 21;

const BINARY: FeatureScheme = { sublinearTf: false };

/** Counts of positive and negative lexicon words, a negation flipping a word's side. */
export function lexiconCounts(t: TokenisedText, stemmed: readonly string[] = stems(t)): [positive: number, negative: number] {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < stemmed.length; i++) {
    const s = stemmed[i]!;
    if (positiveStems.has(s) || negativeStems.has(s)) {
      if (positiveStems.has(s) !== (t.negated[i] === 1)) pos++;
      else neg++;
    }
  }
  return [pos, neg];
}

/** Builds lookup tables for the given feature keys; `#pos` and `#neg` are always present. */
export function compileVocabulary(keys: readonly string[], idf?: ArrayLike<number>, scheme: FeatureScheme = BINARY): Vocabulary {
  const all = [...keys];
  if (!all.includes(POSITIVE_FEATURE)) all.push(POSITIVE_FEATURE);
  if (!all.includes(NEGATIVE_FEATURE)) all.push(NEGATIVE_FEATURE);
  const stemIds = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = stemIds.get(s);
    if (id === undefined) stemIds.set(s, (id = stemIds.size));
    return id;
  };
  const charBucket = new Int32Array(scheme.charNgrams ? 1 << scheme.charNgrams.bits : 0).fill(-1);
  const parsed = all.map((key, f) => {
    if (key.startsWith('#')) return { kind: 'lexicon' as const };
    if (key.startsWith(CHAR_PREFIX)) {
      const bucket = Number(key.slice(1));
      if (bucket >= 0 && bucket < charBucket.length) charBucket[bucket] = f;
      return { kind: 'char' as const };
    }
    if (key.startsWith('!')) return { kind: 'negated' as const, a: idOf(key.slice(1)) };
    const space = key.indexOf(' ');
    if (space < 0) return { kind: 'unigram' as const, a: idOf(key) };
    return { kind: 'bigram' as const, a: idOf(key.slice(0, space)), b: idOf(key.slice(space + 1)) };
  });
  const unigram = new Int32Array(stemIds.size).fill(-1);
  const negatedUnigram = new Int32Array(stemIds.size).fill(-1);
  const bigram = new Map<number, number>();
  parsed.forEach((p, f) => {
    if (p.kind === 'unigram') unigram[p.a] = f;
    else if (p.kind === 'negated') negatedUnigram[p.a] = f;
    else if (p.kind === 'bigram') bigram.set(p.a * BIGRAM_BASE + p.b, f);
  });
  const idfArray = new Float32Array(all.length).fill(1);
  if (idf) for (let f = 0; f < Math.min(idf.length, keys.length); f++) idfArray[f] = idf[f]!;
  return {
    keys: all,
    idf: idfArray,
    stemIds,
    unigram,
    negatedUnigram,
    bigram,
    positive: all.indexOf(POSITIVE_FEATURE),
    negative: all.indexOf(NEGATIVE_FEATURE),
    scheme,
    charBucket,
    stamp: new Uint32Array(all.length),
    count: new Float32Array(all.length),
    epoch: 0,
  };
}

/** A sparse feature vector; `word` is the first word position each feature came from (-1: none). */
export interface FeatureVector {
  ids: Int32Array;
  values: Float32Array;
  word: Int32Array;
}

function nextEpoch(vocab: Vocabulary): number {
  if (++vocab.epoch === 0xffffffff) {
    vocab.stamp.fill(0);
    vocab.epoch = 1;
  }
  return vocab.epoch;
}

/** Feature ids and first word positions of the comment being vectorised; grown as needed. */
let idScratch = new Int32Array(256);
let wordScratch = new Int32Array(256);

/**
 * Turns a tokenised comment into a sparse vector (see `FeatureScheme`), optionally
 * L2-normalised so long comments do not dominate.
 */
export function vectorise(vocab: Vocabulary, t: TokenisedText, normalise: boolean): FeatureVector {
  const n = t.words.length;
  const char = vocab.scheme.charNgrams;
  const grams = char ? charNgramBuckets(t.lower, char) : null;
  const most = 3 * n + 2 + (grams ? grams.count : 0);
  if (idScratch.length < most) (idScratch = new Int32Array(most * 2)), (wordScratch = new Int32Array(most * 2));
  const ids = idScratch;
  const word = wordScratch;
  const { stamp, count } = vocab;
  const epoch = nextEpoch(vocab);
  let m = 0;
  let pos = 0;
  let neg = 0;
  let firstLexicon = -1;
  let prevId = -1;
  const add = (f: number, i: number): void => {
    if (f < 0) return;
    if (stamp[f] !== epoch) {
      stamp[f] = epoch;
      count[f] = 1;
      ids[m] = f;
      word[m++] = i;
    } else count[f]!++;
  };
  for (let i = 0; i < n; i++) {
    const s = stem(t.words[i]!);
    const negated = t.negated[i] === 1;
    if (positiveStems.has(s) || negativeStems.has(s)) {
      if (positiveStems.has(s) !== negated) pos++;
      else neg++;
      if (firstLexicon < 0) firstLexicon = i;
    }
    const id = vocab.stemIds.get(s);
    if (id === undefined) {
      prevId = -1;
      continue;
    }
    add(vocab.unigram[id]!, i);
    if (negated) add(vocab.negatedUnigram[id]!, i);
    if (prevId >= 0 && t.clause[i - 1] === t.clause[i]) {
      const f = vocab.bigram.get(prevId * BIGRAM_BASE + id);
      if (f !== undefined) add(f, i - 1);
    }
    prevId = id;
  }
  if (pos > 0) add(vocab.positive, firstLexicon), (count[vocab.positive] = pos);
  if (neg > 0) add(vocab.negative, firstLexicon), (count[vocab.negative] = neg);
  const words = m;
  if (grams) {
    const { buckets } = grams;
    const bucketFeature = vocab.charBucket;
    for (let j = 0; j < grams.count; j++) {
      const f = bucketFeature[buckets[j]!]!;
      if (f < 0) continue;
      if (stamp[f] !== epoch) {
        stamp[f] = epoch;
        count[f] = 1;
        ids[m] = f;
        word[m++] = -1;
      } else count[f]!++;
    }
  }
  const out: FeatureVector = { ids: ids.slice(0, m), values: new Float32Array(m), word: word.slice(0, m) };
  const sublinear = vocab.scheme.sublinearTf;
  const scaleBlock = (from: number, to: number, weight: number): void => {
    let norm = 0;
    for (let k = from; k < to; k++) {
      const f = ids[k]!;
      const c = count[f]!;
      const lexicon = f === vocab.positive || f === vocab.negative;
      const v = sublinear ? (c === 1 ? 1 : 1 + Math.log(c)) * vocab.idf[f]! : lexicon ? c : vocab.idf[f]!;
      out.values[k] = v;
      norm += v * v;
    }
    if (normalise && norm > 0) {
      const scale = weight / Math.sqrt(norm);
      for (let k = from; k < to; k++) out.values[k]! *= scale;
    }
  };
  scaleBlock(0, words, 1);
  if (char) scaleBlock(words, m, char.weight);
  return out;
}
