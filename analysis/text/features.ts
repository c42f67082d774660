/**
 * Features of a comment: stemmed unigrams, bigrams within a clause, negated unigrams ("!good"),
 * sentiment-lexicon counts and (trained models) hashed character n-grams. Word keys are
 * readable strings in the model JSON so a council can see why a theme fired; at tagging time
 * they are looked up by number, not by string.
 */
import { charNgramBuckets, type CharNgramScheme } from './char-ngrams';
import lexicon from './sentiment-lexicon.json' with { type: 'json' };
import { CONCESSIVES, isNegation, stem, tokenise, WEIGHTED_CONTRASTS, type Language, type TokenisedText } from './tokenize';
import type { ThemeModel } from './model';

export const POSITIVE_FEATURE = '#pos';
export const NEGATIVE_FEATURE = '#neg';
/**
 * Count of negations that negate no lexicon word ("we never had a review", "没有人管"): families
 * complain in events, not adjectives. Only models that list it use it (the default model);
 * trained models never do, so their features are as before.
 */
export const UNANSWERED_NEGATION_FEATURE = '#not';
/**
 * How much of a comment is both praise and complaint: the smaller of the two lexicon counts
 * ("lovely staff, but the room is freezing"). Like `#not`, only models that list it use it.
 */
export const MIXED_FEATURE = '#mix';
/** Prefix of a character n-gram feature's key; the rest is its hash bucket. */
export const CHAR_PREFIX = '~';

/**
 * How a comment becomes numbers. Without `sublinearTf` (seed-term models, format 1): each word
 * feature once, lexicon features as counts. With it: every feature weighted (1 + ln count) × idf
 * and the word part L2-normalised, as scikit-learn's TfidfVectorizer(sublinear_tf=True).
 */
export interface FeatureScheme {
  sublinearTf: boolean;
  /**
   * Hashed character n-grams of the words as a second block scaled by `weight`: each feature
   * count × idf, divided by the root of the sum over words of each word's own squared norm. That
   * norm (not the block's exact L2 norm) makes a word's contribution depend only on the word, so
   * tagging can cache it per word.
   */
  charNgrams?: CharNgramScheme & { weight: number };
}

/** One language's sentiment lexicon, compiled: a lookup per word, and one more per phrase start. */
interface CompiledLexicon {
  /**
   * Per stem: its own lean (+1, -1, or 0 when it only starts phrases) and the phrases it
   * starts, second stem → lean (0: cancel the lean of both words). One map, so tagging looks
   * each word up once.
   */
  entries: Map<string, LexiconEntry>;
  /** Words, as written, that lean neither way though their stem does ("please" beside "pleased"). */
  neutral: Set<string>;
  /**
   * Idioms whose words mean the opposite of what they say one by one (see `idiomsIn`), by key word
   * (as written, apostrophes dropped): the idioms holding it, one expression per lean, so a comment
   * runs only its own keys' idioms.
   */
  idioms: Map<string, IdiomGroup[]>;
}

interface IdiomGroup {
  expression: RegExp;
  /** +1 praise, -1 complaint, 0 neither ("nothing to add"). */
  lean: number;
}

interface LexiconEntry {
  lean: number;
  next: Map<string, number> | null;
}

interface LexiconLists {
  positive: string[];
  negative: string[];
  phrases?: Record<string, number>;
  neutral?: string[];
  /**
   * Idioms read as a whole ("can't thank them enough", "the only good thing was…"), as regular
   * expressions over the comment's words in lower case, apostrophes dropped ("cant"), one space
   * between words. Their words count only as the idiom.
   */
  idioms?: { keys?: string[]; positive?: string[]; negative?: string[]; neutral?: string[] };
}

function compileLexicon(lang: Language): CompiledLexicon {
  const words = new Map<string, 1 | -1>();
  const phrases = new Map<string, Map<string, number>>();
  const neutral = new Set<string>();
  const idioms = { positive: [] as string[], negative: [] as string[], neutral: [] as string[] };
  const idiomKeys = new Set<string>();
  const addPhrase = (stemmed: string[], lean: number) => {
    const next = phrases.get(stemmed[0]!) ?? new Map<string, number>();
    next.set(stemmed[1]!, lean);
    phrases.set(stemmed[0]!, next);
  };
  const add = (lists: LexiconLists, as: Language) => {
    for (const [list, lean] of [
      [lists.negative, -1],
      [lists.positive, 1],
    ] as const) {
      for (const term of list) {
        const stemmed = tokenise(term, as).words.map((w) => stem(w, as));
        if (stemmed.length === 1) words.set(stemmed[0]!, lean);
        // A two-word (two-character) entry of the word lists is one word: a negation flips it ("不失望").
        else if (stemmed.length === 2) addPhrase(stemmed, lean * 2);
        else throw new Error(`sentiment lexicon term must be one or two words: "${term}"`);
      }
    }
    for (const word of lists.neutral ?? []) neutral.add(word);
    idioms.positive.push(...(lists.idioms?.positive ?? []));
    idioms.negative.push(...(lists.idioms?.negative ?? []));
    idioms.neutral.push(...(lists.idioms?.neutral ?? []));
    for (const key of lists.idioms?.keys ?? []) idiomKeys.add(key);
    for (const [term, lean] of Object.entries(lists.phrases ?? {})) {
      const stemmed = tokenise(term, as).words.map((w) => stem(w, as));
      if (stemmed.length !== 2) throw new Error(`sentiment lexicon phrase must be two words: "${term}"`);
      addPhrase(stemmed, lean);
    }
  };
  // English words count in every language: families switch into English for "ok" or "rude".
  add(lexicon, 'en');
  const own = (lexicon.languages as Partial<Record<Language, LexiconLists>>)[lang];
  if (lang !== 'en' && own) add(own, lang);
  const entries = new Map<string, LexiconEntry>();
  for (const [stemmed, lean] of words) entries.set(stemmed, { lean, next: null });
  for (const [first, next] of phrases) {
    const entry = entries.get(first);
    if (entry) entry.next = next;
    else entries.set(first, { lean: 0, next });
  }
  // Whole words only: an idiom starts and ends at a space or an end of the comment. Each key gets
  // the idioms that hold it: "not" runs a handful of expressions, not every language's idioms.
  const byKey = new Map<string, IdiomGroup[]>();
  for (const key of idiomKeys) {
    const groups: IdiomGroup[] = [];
    for (const [sources, lean] of [
      [idioms.positive, 1],
      [idioms.negative, -1],
      [idioms.neutral, 0],
    ] as const) {
      const mine = sources.filter((source) => source.includes(key));
      if (mine.length) groups.push({ expression: new RegExp(`(?:^| )(?:${mine.join('|')})(?= |$)`, 'g'), lean });
    }
    if (groups.length) byKey.set(key, groups);
  }
  return { entries, neutral, idioms: byKey };
}

/**
 * The words idioms cover among words `from`..`to` (`covered` counts from `from`), the leans they
 * add, and the first idiom's word (counted from the comment's start); null when there is none.
 */
function idiomsIn(
  lex: CompiledLexicon,
  t: TokenisedText,
  from = 0,
  to = t.words.length,
): { covered: Uint8Array; pos: number; neg: number; first: number } | null {
  let joined: string | null = null;
  let found: { covered: Uint8Array; pos: number; neg: number; first: number } | null = null;
  let seen: IdiomGroup[][] | null = null;
  for (let w = from; w < to; w++) {
    const groups = lex.idioms.get(t.words[w]!);
    if (!groups || seen?.includes(groups)) continue;
    (seen ??= []).push(groups);
    joined ??= from === 0 && to === t.words.length ? t.words.join(' ') : t.words.slice(from, to).join(' ');
    for (const { expression, lean } of groups) {
      expression.lastIndex = 0;
      for (const match of joined.matchAll(expression)) {
        // The match starts with the space before its first word, unless it starts the comment.
        const lead = match[0].charCodeAt(0) === 32 ? 1 : 0;
        const first = wordsBefore(joined, match.index + lead);
        const last = first + wordsBefore(match[0], match[0].length) - lead;
        // An idiom holding two keys is found through both: count it once.
        if (found?.covered[first] === 1 && found.covered[last] === 1) continue;
        found ??= { covered: new Uint8Array(to - from), pos: 0, neg: 0, first: -1 };
        for (let i = first; i <= last; i++) found.covered[i] = 1;
        // "Nothing to add", "nie mam uwag": a negation that says there is nothing to say.
        if (lean === 0) continue;
        if (lean > 0) found.pos++;
        else found.neg++;
        if (found.first < 0 || from + first < found.first) found.first = from + first;
      }
    }
  }
  return found;
}

/** How many spaces, so words ended, come before `end` in `text`. */
function wordsBefore(text: string, end: number): number {
  let spaces = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces;
}

const lexicons = new Map<Language, CompiledLexicon>();
function lexiconFor(lang: Language): CompiledLexicon {
  let l = lexicons.get(lang);
  if (!l) lexicons.set(lang, (l = compileLexicon(lang)));
  return l;
}

/** Stems of a tokenised comment, in word order, by the comment's language. */
export function stems(t: TokenisedText): string[] {
  return t.words.map((w) => stem(w, t.lang));
}

/** A word's own lean: +1 positive, -1 negative, 0 none; a negation flips it. */
function ownLean(lex: CompiledLexicon, entry: LexiconEntry | undefined, t: TokenisedText, i: number): number {
  if (entry === undefined || entry.lean === 0 || lex.neutral.has(t.words[i]!)) return 0;
  const lean = t.negated[i] === 1 ? -entry.lean : entry.lean;
  // A hardship the service helped with ("helped me with my anxiety") reads as praise of the help.
  return lean < 0 && t.relieved?.[i] === 1 ? 1 : lean;
}

/**
 * A word's lean with the phrase it ends, as the change to the positive and negative counts,
 * packed as (positive + 2) * 8 + (negative + 2) for the hot loop. `entry` is the word's lexicon
 * entry and `before` the previous word's in the same clause. A phrase adds its own lean (a
 * praise phrase flipped when its first word is negated) or, at 0, cancels the lean of both its
 * words: "would be nice" is a wish and "a hard time" is what the family went through, not praise
 * or complaint of the service.
 */
function leanOf(lex: CompiledLexicon, t: TokenisedText, i: number, s: string, entry: LexiconEntry | undefined, before: LexiconEntry | undefined): number {
  const own = ownLean(lex, entry, t, i);
  let pos = own > 0 ? 1 : 0;
  let neg = own < 0 ? 1 : 0;
  const phrase = before?.next?.get(s);
  if (phrase !== undefined) {
    if (phrase === 0) {
      const first = ownLean(lex, before, t, i - 1);
      pos = first > 0 ? -1 : 0;
      neg = first < 0 ? -1 : 0;
    }
    // A negated praise phrase is a complaint ("不满意"); a complaint phrase stays one however
    // it is framed ("nu s-a făcut nimic" negates twice and means nothing was done).
    else if (phrase === 2 || phrase === -2) {
      if ((t.negated[i - 1] === 1 ? -phrase : phrase) > 0) pos++;
      else neg++;
    } else if (phrase < 0) neg++;
    else if (t.negated[i - 1] === 1) neg++;
    else pos++;
  }
  return (pos + 2) * 8 + (neg + 2);
}

/** The packed lean of a word that leans neither way. */
const NO_LEAN = 2 * 8 + 2;

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
  /** Feature id of a bigram keyed by `stemId1 * bigramBase + stemId2`. */
  readonly bigram: ReadonlyMap<number, number>;
  /**
   * The number of stems: keys stay small integers (V8 hashes them without allocating) for any
   * vocabulary under 32,768 stems, where a fixed 2^21 made most keys heap numbers.
   */
  readonly bigramBase: number;
  readonly positive: number;
  readonly negative: number;
  /** Feature id of `#not`, or -1 when the model does not use it. */
  readonly unansweredNegation: number;
  /** Feature id of `#mix`, or -1 when the model does not use it. */
  readonly mixed: number;
  readonly scheme: FeatureScheme;
  /** Feature id of each character n-gram hash bucket (-1 if none); empty without n-grams. */
  readonly charBucket: Int32Array;
  /** Scratch for de-duplicating and counting features; sized to the vocabulary, reused across calls. */
  readonly stamp: Uint32Array;
  readonly count: Float32Array;
  epoch: number;
}

const BINARY: FeatureScheme = { sublinearTf: false };

/** Counts of positive and negative lexicon words and phrases, a negation flipping a word's side. */
export function lexiconCounts(t: TokenisedText, stemmed: readonly string[] = stems(t)): [positive: number, negative: number] {
  const lex = lexiconFor(t.lang);
  const idioms = t.words.some((word) => lex.idioms.has(word)) ? idiomsIn(lex, t) : null;
  let pos = idioms?.pos ?? 0;
  let neg = idioms?.neg ?? 0;
  let before: LexiconEntry | undefined;
  let weightedClause = -1;
  let concededClause = -1;
  for (let i = 0; i < stemmed.length; i++) {
    if (WEIGHTED_CONTRASTS.has(t.words[i]!)) weightedClause = t.clause[i]!;
    else if (CONCESSIVES.has(t.words[i]!)) concededClause = t.clause[i]!;
    if (idioms?.covered[i] || t.question?.[i]) {
      before = undefined;
      continue;
    }
    const entry = lex.entries.get(stemmed[i]!);
    const lean = leanOf(lex, t, i, stemmed[i]!, entry, i > 0 && t.clause[i - 1] === t.clause[i] ? before : undefined);
    before = entry;
    const weight = t.clause[i] === weightedClause ? 2 : t.clause[i] === concededClause ? 0.5 : 1;
    pos += ((lean >> 3) - 2) * weight;
    neg += ((lean & 7) - 2) * weight;
  }
  return [Math.max(0, pos), Math.max(0, neg)];
}

/**
 * The words a model's sentiment leaves out: a question's, when the comment says more than its
 * questions (a comment that only asks keeps them, and reads by them). Lexicon counts carry no
 * word, so they always count.
 */
export function questionWords(model: Pick<ThemeModel, 'sentimentSkipsQuestions'>, t: TokenisedText): Uint8Array | undefined {
  const q = t.question;
  if (!model.sentimentSkipsQuestions || !q || q.indexOf(0) < 0) return undefined;
  return q;
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
  const bigramBase = Math.max(1, stemIds.size);
  parsed.forEach((p, f) => {
    if (p.kind === 'unigram') unigram[p.a] = f;
    else if (p.kind === 'negated') negatedUnigram[p.a] = f;
    else if (p.kind === 'bigram') bigram.set(p.a * bigramBase + p.b, f);
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
    bigramBase,
    positive: all.indexOf(POSITIVE_FEATURE),
    negative: all.indexOf(NEGATIVE_FEATURE),
    unansweredNegation: all.indexOf(UNANSWERED_NEGATION_FEATURE),
    mixed: all.indexOf(MIXED_FEATURE),
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

let charScratch = new Int32Array(64);

/**
 * The character n-gram features of one word: distinct feature ids, sorted, in `ids` and their
 * counts in `counts` (both scratch, valid until the next call); `n` says how many.
 */
export function wordCharFeatures(vocab: Vocabulary, word: string): { ids: Int32Array; counts: Int32Array; n: number } {
  const { buckets, count } = charNgramBuckets(word, vocab.scheme.charNgrams!);
  if (charScratch.length < 2 * count) charScratch = new Int32Array(4 * count);
  const found = charScratch.subarray(0, count);
  let k = 0;
  for (let j = 0; j < count; j++) {
    const f = vocab.charBucket[buckets[j]!]!;
    if (f >= 0) found[k++] = f;
  }
  const ids = found.subarray(0, k).sort();
  const counts = charScratch.subarray(count, 2 * count);
  let n = 0;
  for (let j = 0; j < k; j++) {
    if (n > 0 && ids[n - 1] === ids[j]) counts[n - 1]!++;
    else (ids[n] = ids[j]!), (counts[n++] = 1);
  }
  return { ids, counts, n };
}

/**
 * The comment being vectorised: distinct feature ids in first-seen order, the word each came
 * from, and how many. Module state rather than closures because this is the hot loop of tagging.
 */
let ids = new Int32Array(256);
let wordOf = new Int32Array(256);
let size = 0;
/** The values of a vector built with `reuse` (tagging, which reads each vector once before the next). */
let valueScratch = new Float32Array(256);

function addFeature(vocab: Vocabulary, epoch: number, f: number, word: number, count: number): void {
  if (f < 0) return;
  if (vocab.stamp[f] !== epoch) {
    vocab.stamp[f] = epoch;
    vocab.count[f] = count;
    ids[size] = f;
    wordOf[size++] = word;
  } else vocab.count[f]! += count;
}

/** What vectorise needs of a word, looked up once per vocabulary and language: its stem, the stem's feature (-1: none), lexicon entry, and whether it negates. */
interface WordInfo {
  s: string;
  id: number;
  entry: LexiconEntry | undefined;
  negation: boolean;
  /** One of the language's `idioms.keys`: the comment is read for idioms. */
  idiomKey: boolean;
  /** 1: a contrast that weights the clause it opens ("but"); 2: one that concedes it ("although"); 0: neither. */
  contrast: number;
}
let infoScratch: WordInfo[] = [];
const wordInfos = new WeakMap<Vocabulary, Map<Language, Map<string, WordInfo>>>();
/** Bounded, like the stem cache, so a long-running server cannot grow it without limit. */
const WORD_CACHE_LIMIT = 100_000;

function wordsOf(vocab: Vocabulary, lang: Language): Map<string, WordInfo> {
  let byLanguage = wordInfos.get(vocab);
  if (!byLanguage) wordInfos.set(vocab, (byLanguage = new Map()));
  let words = byLanguage.get(lang);
  if (!words) byLanguage.set(lang, (words = new Map()));
  return words;
}

/**
 * Turns a tokenised comment into a sparse vector (see `FeatureScheme`), optionally
 * L2-normalised so long comments do not dominate. `withCharNgrams` false leaves out the
 * character n-gram block, which tagging adds from its per-word cache instead. `reuse` returns
 * views of scratch arrays, valid only until the next call: for tagging, not for training.
 * `from` and `to` read only those words, as if they were the whole comment: tagging reads one
 * clause of a mixed comment this way without copying it.
 */
export function vectorise(
  vocab: Vocabulary,
  t: TokenisedText,
  normalise: boolean,
  withCharNgrams = true,
  reuse = false,
  from = 0,
  to = t.words.length,
): FeatureVector {
  const char = withCharNgrams ? vocab.scheme.charNgrams : undefined;
  let most = 3 * (to - from) + 2;
  if (char) for (let i = from; i < to; i++) most += (t.words[i]!.length + 2) * (char.max - char.min + 1);
  if (ids.length < most) (ids = new Int32Array(most * 2)), (wordOf = new Int32Array(most * 2));
  const { count, idf } = vocab;
  const epoch = nextEpoch(vocab);
  size = 0;
  let pos = 0;
  let neg = 0;
  let firstLexicon = -1;
  let prevId = -1;
  let before: LexiconEntry | undefined;
  let weightedClause = -1;
  let concededClause = -1;
  const lex = lexiconFor(t.lang);
  // Negations, and negated lexicon words, for `#not` (counted only for models that use it).
  const countNegations = vocab.unansweredNegation >= 0;
  let negations = 0;
  let flipped = 0;
  const known = wordsOf(vocab, t.lang);
  // Each word's facts, looked up once; idioms are read only when a word of one is there.
  if (infoScratch.length < to) infoScratch = new Array<WordInfo>(2 * to);
  let idiomKey = false;
  for (let i = from; i < to; i++) {
    const word = t.words[i]!;
    let info = known.get(word);
    if (info === undefined) {
      const stemmed = stem(word, t.lang);
      info = {
        s: stemmed,
        id: vocab.stemIds.get(stemmed) ?? -1,
        entry: lex.entries.get(stemmed),
        negation: isNegation(word),
        idiomKey: lex.idioms.has(word),
        contrast: WEIGHTED_CONTRASTS.has(word) ? 1 : CONCESSIVES.has(word) ? 2 : 0,
      };
      if (known.size >= WORD_CACHE_LIMIT) known.clear();
      known.set(word, info);
    }
    infoScratch[i] = info;
    if (info.idiomKey) idiomKey = true;
  }
  const idioms = idiomKey ? idiomsIn(lex, t, from, to) : null;
  if (idioms) {
    pos += idioms.pos;
    neg += idioms.neg;
    firstLexicon = idioms.first;
  }
  for (let i = from; i < to; i++) {
    const info = infoScratch[i]!;
    const { s } = info;
    // An idiom's words count only as the idiom: "can't thank them enough" is not a negated thanks.
    // So do a question's: "is there support for dads?" asks, it does not praise.
    const inIdiom = (idioms !== null && idioms.covered[i - from] === 1) || t.question?.[i] === 1;
    const entry = inIdiom ? undefined : info.entry;
    const negated = t.negated[i] === 1;
    if (countNegations && !inIdiom) {
      if (info.negation) negations++;
      else if (negated && entry !== undefined && entry.lean !== 0) flipped++;
    }
    const lean = leanOf(lex, t, i, s, entry, i > from && t.clause[i - 1] === t.clause[i] ? before : undefined);
    before = entry;
    if (info.contrast === 1) weightedClause = t.clause[i]!;
    else if (info.contrast === 2) concededClause = t.clause[i]!;
    if (lean !== NO_LEAN) {
      const weight = t.clause[i] === weightedClause ? 2 : t.clause[i] === concededClause ? 0.5 : 1;
      pos += ((lean >> 3) - 2) * weight;
      neg += ((lean & 7) - 2) * weight;
      if (firstLexicon < 0) firstLexicon = i;
    }
    const id = info.id;
    if (id < 0) {
      prevId = -1;
      continue;
    }
    addFeature(vocab, epoch, vocab.unigram[id]!, i, 1);
    if (negated) addFeature(vocab, epoch, vocab.negatedUnigram[id]!, i, 1);
    if (prevId >= 0 && t.clause[i - 1] === t.clause[i]) addFeature(vocab, epoch, vocab.bigram.get(prevId * vocab.bigramBase + id) ?? -1, i - 1, 1);
    prevId = id;
  }
  if (pos > 0) addFeature(vocab, epoch, vocab.positive, firstLexicon, pos);
  if (neg > 0) addFeature(vocab, epoch, vocab.negative, firstLexicon, neg);
  if (negations > flipped) addFeature(vocab, epoch, vocab.unansweredNegation, -1, negations - flipped);
  if (pos > 0 && neg > 0 && vocab.mixed >= 0) addFeature(vocab, epoch, vocab.mixed, -1, Math.min(pos, neg));
  const words = size;
  let charNorm = 0;
  if (char) {
    for (let i = from; i < to; i++) {
      const grams = wordCharFeatures(vocab, t.words[i]!);
      for (let j = 0; j < grams.n; j++) {
        const f = grams.ids[j]!;
        const v = grams.counts[j]! * idf[f]!;
        charNorm += v * v;
        addFeature(vocab, epoch, f, -1, grams.counts[j]!);
      }
    }
  }
  const m = size;
  if (reuse && valueScratch.length < m) valueScratch = new Float32Array(ids.length);
  const out: FeatureVector = reuse
    ? { ids: ids.subarray(0, m), values: valueScratch.subarray(0, m), word: wordOf.subarray(0, m) }
    : { ids: ids.slice(0, m), values: new Float32Array(m), word: wordOf.slice(0, m) };
  const sublinear = vocab.scheme.sublinearTf;
  let norm = 0;
  for (let k = 0; k < words; k++) {
    const f = ids[k]!;
    const c = count[f]!;
    const lexicon = f === vocab.positive || f === vocab.negative || f === vocab.unansweredNegation || f === vocab.mixed;
    const v = sublinear ? (c === 1 ? 1 : 1 + Math.log(c)) * idf[f]! : lexicon ? c : idf[f]!;
    out.values[k] = v;
    norm += v * v;
  }
  if (normalise && norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let k = 0; k < words; k++) out.values[k]! *= scale;
  }
  if (char && charNorm > 0) {
    const scale = normalise ? char.weight / Math.sqrt(charNorm) : 1;
    for (let k = words; k < m; k++) out.values[k] = count[ids[k]!]! * idf[ids[k]!]! * scale;
  }
  return out;
}
