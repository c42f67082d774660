/**
 * Features of a comment: stemmed unigrams, bigrams within a clause, negated unigrams ("!good")
 * and two sentiment-lexicon counts. Keys are readable strings in the model JSON so a council can
 * see why a theme fired; at tagging time they are looked up by number, not by string.
 */
import lexicon from './sentiment-lexicon.json' with { type: 'json' };
import { stem, type TokenisedText } from './tokenize';

export const POSITIVE_FEATURE = '#pos';
export const NEGATIVE_FEATURE = '#neg';

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
  /** Scratch for de-duplicating features; sized to the vocabulary, reused across calls. */
  readonly stamp: Uint32Array;
  epoch: number;
}

const BIGRAM_BASE = 2 ** 21;

/** Builds lookup tables for the given feature keys; `#pos` and `#neg` are always present. */
export function compileVocabulary(keys: readonly string[], idf?: ArrayLike<number>): Vocabulary {
  const all = [...keys];
  if (!all.includes(POSITIVE_FEATURE)) all.push(POSITIVE_FEATURE);
  if (!all.includes(NEGATIVE_FEATURE)) all.push(NEGATIVE_FEATURE);
  const stemIds = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = stemIds.get(s);
    if (id === undefined) stemIds.set(s, (id = stemIds.size));
    return id;
  };
  const parsed = all.map((key) => {
    if (key.startsWith('#')) return { kind: 'lexicon' as const };
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
    stamp: new Uint32Array(all.length),
    epoch: 0,
  };
}

/** A sparse feature vector; `word` is the first word position each feature came from. */
export interface FeatureVector {
  ids: Int32Array;
  values: Float32Array;
  word: Int32Array;
}

/**
 * Turns a tokenised comment into a sparse vector: binary × idf (lexicon features count, with
 * negation flipping polarity), optionally L2-normalised so long comments do not dominate.
 */
export function vectorise(vocab: Vocabulary, t: TokenisedText, normalise: boolean): FeatureVector {
  const n = t.words.length;
  const ids: number[] = [];
  const word: number[] = [];
  if (++vocab.epoch === 0xffffffff) {
    vocab.stamp.fill(0);
    vocab.epoch = 1;
  }
  const epoch = vocab.epoch;
  const stamp = vocab.stamp;
  let pos = 0;
  let neg = 0;
  let firstLexicon = -1;
  let prevId = -1;
  const add = (f: number, i: number): void => {
    if (f >= 0 && stamp[f] !== epoch) {
      stamp[f] = epoch;
      ids.push(f);
      word.push(i);
    }
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
  const m = ids.length;
  const extra = (pos > 0 ? 1 : 0) + (neg > 0 ? 1 : 0);
  const out: FeatureVector = { ids: new Int32Array(m + extra), values: new Float32Array(m + extra), word: new Int32Array(m + extra) };
  let norm = 0;
  for (let k = 0; k < m; k++) {
    const v = vocab.idf[ids[k]!]!;
    out.ids[k] = ids[k]!;
    out.values[k] = v;
    out.word[k] = word[k]!;
    norm += v * v;
  }
  let k = m;
  for (const [f, count] of [[vocab.positive, pos], [vocab.negative, neg]] as const) {
    if (count === 0) continue;
    out.ids[k] = f;
    out.values[k] = count;
    out.word[k] = firstLexicon;
    norm += count * count;
    k++;
  }
  if (normalise && norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < out.values.length; j++) out.values[j]! *= scale;
  }
  return out;
}
