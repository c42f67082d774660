/**
 * Scoring a comment against a model: themes with the words that triggered them, overall
 * sentiment, and sentiment per theme where a comment is mixed ("staff lovely but the wait…").
 */
import commonWords from './common-words.json' with { type: 'json' };
import { questionWords, wordCharFeatures, vectorise, type FeatureVector } from './features';
import { SENTIMENT_CLASSES, type Sentiment, type ThemeModel, type ThemeReview } from './model';
import { seedKey } from './default-model';
import { reviewLengthScale } from './theme-review';
import { stem, tokenise, wordSize, type Language, type TokenisedText } from './tokenize';

export interface ThemeMention {
  /** Theme id. */
  theme: string;
  name: string;
  /** 0..1; sigmoid of the theme's score (an SVM margin for trained models; 0.5 is the threshold). */
  score: number;
  /** Words in the comment that most raised the score, as written. */
  triggers: string[];
  /** Sentiment of the clause(s) the theme was found in; the comment's when it has one clause. */
  sentiment: Sentiment;
}

export interface Classification {
  themes: ThemeMention[];
  sentiment: Sentiment;
  /** Probabilities of -1, 0, 1. */
  sentimentScores: [number, number, number];
}

/** Reused score buffers; tagging is synchronous so one set per process is safe. */
let themeScratch = new Float32Array(64);
const sentimentScratch = new Float32Array(3);

/** Theme logits for a vector, written into `out` (length = number of themes). */
export function themeLogits(layer: Pick<ThemeModel, 'themeBias' | 'themeWeights'>, v: FeatureVector, out: Float32Array): void {
  const L = layer.themeBias.length;
  out.set(layer.themeBias);
  const W = layer.themeWeights;
  for (let k = 0; k < v.ids.length; k++) {
    const base = v.ids[k]! * L;
    const x = v.values[k]!;
    for (let l = 0; l < L; l++) out[l]! += x * W[base + l]!;
  }
}

/** Sentiment class probabilities for a vector, in the order -1, 0, 1; `extra` adds to the logits. */
export function sentimentProbabilities(
  model: Pick<ThemeModel, 'sentimentBias' | 'sentimentWeights'>,
  v: FeatureVector,
  extra: ArrayLike<number> = [0, 0, 0],
  skipWords?: Uint8Array,
): [number, number, number] {
  const W = model.sentimentWeights;
  let a = model.sentimentBias[0]! + extra[0]!;
  let b = model.sentimentBias[1]! + extra[1]!;
  let c = model.sentimentBias[2]! + extra[2]!;
  // Only the default model skips words (a question's); for trained models `skipWords` is undefined.
  for (let k = 0; k < v.ids.length; k++) {
    if (skipWords !== undefined && skipWords[v.word[k]!] === 1) continue;
    const base = v.ids[k]! * 3;
    const x = v.values[k]!;
    a += x * W[base]!;
    b += x * W[base + 1]!;
    c += x * W[base + 2]!;
  }
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const s = ea + eb + ec;
  return [ea / s, eb / s, ec / s];
}

function argmax3(p: readonly number[]): Sentiment {
  const i = p[0]! >= p[1]! && p[0]! >= p[2]! ? 0 : p[1]! >= p[2]! ? 1 : 2;
  return SENTIMENT_CLASSES[i]!;
}

/**
 * The sentiment of a comment the layer reads as neutral, when the lexicon leans one way and
 * neutral leads by under the layer's `lexiconTieMargin` (the shipped layer's: sentiment-train.ts).
 */
function lexiconTieBreak(model: ThemeModel, v: FeatureVector, p: readonly number[], s: Sentiment): Sentiment {
  const margin = model.lexiconTieMargin ?? 0;
  if (s !== 0 || margin <= 0) return s;
  let pos = 0;
  let neg = 0;
  for (let k = 0; k < v.ids.length; k++) {
    if (v.ids[k] === model.vocab.positive) pos = v.values[k]!;
    else if (v.ids[k] === model.vocab.negative) neg = v.values[k]!;
  }
  if (neg > 0 && pos === 0 && p[1]! - p[0]! < margin) return -1;
  if (pos > 0 && neg === 0 && p[1]! - p[2]! < margin) return 1;
  return s;
}

/** The logistic function: a theme logit as a probability. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Per model, each word's character n-gram score for every theme and sentiment class, and its
 * squared norm last. Feedback repeats a small vocabulary, so nearly every word is soon a cache
 * hit: one lookup and L + 4 additions instead of ~12 n-gram features each dotted with L + 3
 * weights. Keyed by the weights, which are never mutated once a model is returned.
 */
const wordScores = new WeakMap<Float32Array, Map<string, Float32Array>>();
/** Bounded, like the stem cache, so a long-running server cannot grow it without limit. */
const WORD_CACHE_LIMIT = 100_000;
let charScratch = new Float32Array(64);

function scoreWord(model: ThemeModel, word: string): Float32Array {
  const L = model.themes.length;
  const entry = new Float32Array(L + 4);
  const { ids, counts, n } = wordCharFeatures(model.vocab, word);
  for (let j = 0; j < n; j++) {
    const f = ids[j]!;
    const x = counts[j]! * model.vocab.idf[f]!;
    for (let l = 0; l < L; l++) entry[l]! += x * model.themeWeights[f * L + l]!;
    for (let c = 0; c < 3; c++) entry[L + c]! += x * model.sentimentWeights[f * 3 + c]!;
    entry[L + 3]! += x * x;
  }
  return entry;
}

/**
 * Adds the character n-gram block's share of the theme and sentiment logits of `words` (those
 * from `from` to `to`): the same numbers as the explicit vector `vectorise` builds, from cached
 * per-word scores.
 */
export function addCharScores(
  model: ThemeModel,
  words: readonly string[],
  themeOut: Float32Array | null,
  sentimentOut: Float32Array,
  from = 0,
  to = words.length,
): void {
  const char = model.vocab.scheme.charNgrams;
  if (!char) return;
  const L = model.themes.length;
  let cache = wordScores.get(model.themeWeights);
  if (!cache) wordScores.set(model.themeWeights, (cache = new Map()));
  if (charScratch.length < L + 4) charScratch = new Float32Array(L + 4);
  const sum = charScratch.subarray(0, L + 4).fill(0);
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    let entry = cache.get(word);
    if (entry === undefined) {
      entry = scoreWord(model, word);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(word, entry);
    }
    for (let c = 0; c < L + 4; c++) sum[c]! += entry[c]!;
  }
  const norm = sum[L + 3]!;
  if (norm <= 0) return;
  const scale = model.normalise ? char.weight / Math.sqrt(norm) : 1;
  if (themeOut) for (let l = 0; l < L; l++) themeOut[l]! += scale * sum[l]!;
  for (let c = 0; c < 3; c++) sentimentOut[c]! += scale * sum[L + c]!;
}

/** Indices of the themes given for these logits: the best, plus any over its threshold. */
export function chooseThemes(model: ThemeModel, logits: Float32Array): number[] {
  const L = model.themes.length;
  let best = 0;
  for (let l = 1; l < L; l++) if (logits[l]! > logits[best]!) best = l;
  if (sigmoid(logits[best]!) < model.minBestScore) return [];
  const chosen = [best];
  if (model.multiLabel) {
    for (let l = 0; l < L; l++) if (l !== best && sigmoid(logits[l]!) >= model.thresholds[l]!) chosen.push(l);
  }
  return chosen;
}

/**
 * The (up to) three word features that most raised theme `l`'s logit, strongest first: kept in
 * place as they are found rather than collected and sorted, since tagging runs this per theme.
 */
function topContributions(model: ThemeModel, weights: Float32Array, v: FeatureVector, l: number): { k: number; c: number }[] {
  const L = model.themes.length;
  let k0 = -1;
  let k1 = -1;
  let k2 = -1;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  for (let k = 0; k < v.ids.length; k++) {
    const f = v.ids[k]!;
    const c = v.values[k]! * weights[f * L + l]!;
    if (c <= c2 && k2 >= 0) continue;
    if (!(c > 0) || v.word[k]! < 0 || model.vocab.keys[f]!.startsWith('#')) continue;
    if (k0 < 0 || c > c0) {
      k2 = k1;
      c2 = c1;
      k1 = k0;
      c1 = c0;
      k0 = k;
      c0 = c;
    } else if (k1 < 0 || c > c1) {
      k2 = k1;
      c2 = c1;
      k1 = k;
      c1 = c;
    } else {
      k2 = k;
      c2 = c;
    }
  }
  const top: { k: number; c: number }[] = [];
  if (k0 >= 0) top.push({ k: k0, c: c0 });
  if (k1 >= 0) top.push({ k: k1, c: c1 });
  if (k2 >= 0) top.push({ k: k2, c: c2 });
  return top;
}

/**
 * The themes the review gives (theme-review.ts): each theme's score over the comment's words and
 * the themes the theme layer gave, against its threshold. Writes each theme's score less its
 * threshold into `logits`, so a given theme reads 0.5 or more through the sigmoid as before.
 */
function reviewThemes(model: ThemeModel, review: ThemeReview, v: FeatureVector, seeded: readonly number[], logits: Float32Array, t: TokenisedText): number[] {
  const L = model.themes.length;
  themeLogits({ themeBias: review.bias, themeWeights: review.weights }, v, logits);
  const scale = reviewLengthScale(t.words, review.wordsWeighed);
  if (scale !== 1) for (let l = 0; l < L; l++) logits[l] = review.bias[l]! + (logits[l]! - review.bias[l]!) * scale;
  for (const j of seeded) for (let l = 0; l < L; l++) logits[l]! += review.seedWeights[j * L + l]!;
  const chosen: number[] = [];
  // The best theme of a comment no theme clears is never the catch-all: one the review cannot
  // place ("ok", "it is a local place near my house") has not praised anything.
  let best = -1;
  for (let l = 0; l < L; l++) {
    logits[l]! -= review.thresholds[l]!;
    if (logits[l]! >= 0) chosen.push(l);
    if (!model.themes[l]!.fallback && (best < 0 || logits[l]! > logits[best]!)) best = l;
  }
  // A short comment has few words beside its seed term for the review to weigh: "More weekend
  // sessions please" keeps the theme its seed term gave (the best-scored, if several) rather than
  // none or the review's best guess, unless the review vetoes it outright (a score under -0.5).
  // Left out over eighteen writers this reads the same (macro-F0.5 0.849 either way, macro-F1
  // 0.774 → 0.776; 490 and 488 of 540 (writer, theme) pairs at precision 0.8) and leaves 64 fewer
  // of 7,789 comments untagged.
  if (chosen.length === 0 && seeded.length > 0 && isShort(t)) {
    const seed = seeded.reduce((a, b) => (logits[b]! > logits[a]! ? b : a));
    if (logits[seed]! + review.thresholds[seed]! >= SHORT_SEED_AT) chosen.push(seed);
  }
  if (chosen.length === 0 && best >= 0 && logits[best]! + review.thresholds[best]! >= review.bestThemeAt) chosen.push(best);
  return chosen;
}

/** The review's score under which even a short comment's seed theme is dropped. */
const SHORT_SEED_AT = -0.5;

/** Words a comment may have and still be short (a Han character counts half: a word is about two). */
const SHORT_COMMENT_WORDS = 8;

/**
 * Or words besides English function and courtesy words ("please", "thank you", "very much"): a
 * polite request is no less short. "More sessions at weekends please, thank you very much" kept
 * no theme, its two words of substance diluted by five of courtesy. Left out over twenty-one
 * writers: 566 of 630 (writer, theme) pairs at precision 0.8 either way, macro-F0.5 0.849 either
 * way, 16 fewer of 8,789 comments with no theme (at 3, 7 fewer; at 5, one pair lost).
 */
const SHORT_CONTENT_WORDS = 4;

const FUNCTION_WORDS = new Set(commonWords.function.split(' '));

/** A run of digits: a phone number, a date or a time says nothing of a comment's topic. */
const DIGITS = /^[0-9\u0660-\u0669\u06f0-\u06f9]+$/;

/** Short for the review: few words, or few besides function and courtesy words and numbers. */
function isShort(t: TokenisedText): boolean {
  let n = 0;
  let content = 0;
  for (const w of t.words) {
    if (DIGITS.test(w)) continue;
    const size = wordSize(w);
    n += size;
    if (!FUNCTION_WORDS.has(w)) content += size;
  }
  return n <= SHORT_COMMENT_WORDS || content <= SHORT_CONTENT_WORDS;
}

/** A seed model's logit for a theme holding two of its own seed terms (and no more than the bias against it). */
const TWO_SEED_TERMS = 6;

/**
 * Themes about the parent whose words were said of a child (`aboutAChild`) give way to the
 * child's theme: "my son has not been in school for months due to anxiety" is children's mental
 * health, not the parent's. The parent's theme stays too when two of its terms are there.
 */
function aboutAChild(model: ThemeModel, t: TokenisedText, logits: Float32Array, chosen: number[]): number[] {
  let result = chosen;
  for (const l of chosen) {
    const rule = model.themes[l]!.aboutAChild;
    if (!rule || !namesAChild(rule.terms, t)) continue;
    const instead = model.themes.findIndex((theme) => theme.id === rule.theme);
    if (instead < 0) continue;
    result = result.filter((k) => k !== l || logits[l]! >= TWO_SEED_TERMS);
    if (!result.includes(instead)) result.push(instead);
  }
  return result;
}

/** Child words per term list, keyed as seed terms are (stemmed as comments are): built once per list. */
const childKeys = new WeakMap<object, Map<Language, Set<string>>>();

function namesAChild(terms: Partial<Record<string, string[]>>, t: TokenisedText): boolean {
  let byLanguage = childKeys.get(terms);
  if (!byLanguage) childKeys.set(terms, (byLanguage = new Map()));
  let keys = byLanguage.get(t.lang);
  if (!keys) byLanguage.set(t.lang, (keys = new Set((terms[t.lang] ?? []).map((term) => seedKey(term, t.lang)))));
  if (keys.size === 0) return false;
  let previous = '';
  for (const word of t.words) {
    const s = stem(word, t.lang);
    if (keys.has(s) || keys.has(`${previous} ${s}`)) return true;
    previous = s;
  }
  return false;
}

/**
 * Themes and sentiment of one comment; `lang` (e.g. "pl") picks the stemmer and lexicon, and
 * is guessed from the text when absent.
 *
 * @example
 * classify(defaultModel(), 'The waiting list for speech therapy is far too long').themes[0].theme
 * // 'booking-access'
 */
export function classify(model: ThemeModel, text: string, lang?: string): Classification {
  const t = tokenise(text, lang);
  // Word features explicitly (triggers are words); character n-grams through the chunk cache.
  const v = vectorise(model.vocab, t, model.normalise, false, true);
  const L = model.themes.length;
  if (themeScratch.length < L) themeScratch = new Float32Array(L);
  const logits = themeScratch.subarray(0, L);
  themeLogits(model, v, logits);
  const charSentiment = sentimentScratch.fill(0);
  addCharScores(model, t.words, logits, charSentiment);
  const seedThemes = chooseThemes(model, logits);
  const seeded = aboutAChild(model, t, logits, seedThemes);
  const review = model.review;
  const chosen = review ? reviewThemes(model, review, v, seeded, logits, t) : seeded;
  const sentimentScores = sentimentProbabilities(model, v, charSentiment, questionWords(model, t));
  const sentiment = lexiconTieBreak(model, v, sentimentScores, argmax3(sentimentScores));
  const lastClause = t.clause.length > 0 ? t.clause[t.clause.length - 1]! : 0;
  // Triggers, and the clause each theme's strongest word is in, are read from `v` before any
  // clause is vectorised: `v` is scratch, and the next vectorise reuses it.
  const found = chosen.map((l) => {
    // A theme the seed terms gave is explained by them; one only the review gave, by its words.
    let top = topContributions(model, review && !seeded.includes(l) ? review.weights : model.themeWeights, v, l);
    // A child's theme given in place of a parent's ("my son has depression") has no seed term of
    // its own here: the parent's theme's words explain it.
    const parent = top.length === 0 ? seedThemes.find((j) => model.themes[j]!.aboutAChild?.theme === model.themes[l]!.id) : undefined;
    if (parent !== undefined) top = topContributions(model, model.themeWeights, v, parent);
    const triggers = top.map(({ k }) => {
      const i = v.word[k]!;
      const bigram = model.vocab.keys[v.ids[k]!]!.includes(' ');
      return text.slice(t.start[i]!, t.end[bigram ? i + 1 : i]!);
    });
    return { l, triggers, clause: lastClause > 0 && top[0] ? t.clause[v.word[top[0].k]!]! : -1 };
  });
  const clauseSentiment = new Map<number, Sentiment>();
  const themes = found.map(({ l, triggers, clause }): ThemeMention => {
    let themeSentiment = sentiment;
    if (clause >= 0) {
      // A mixed comment: the theme takes the sentiment of the clause its strongest word is in.
      let s = clauseSentiment.get(clause);
      if (s === undefined) {
        // Clause numbers only grow along the comment, so a clause is one run of words.
        const from = t.clause.indexOf(clause);
        let to = from;
        while (to < t.clause.length && t.clause[to] === clause) to++;
        const partChar = sentimentScratch.fill(0);
        addCharScores(model, t.words, null, partChar, from, to);
        s = argmax3(sentimentProbabilities(model, vectorise(model.vocab, t, model.normalise, false, true, from, to), partChar));
        clauseSentiment.set(clause, s);
      }
      themeSentiment = s;
    }
    const theme = model.themes[l]!;
    return { theme: theme.id, name: theme.name, score: Math.round(sigmoid(logits[l]!) * 1000) / 1000, triggers, sentiment: themeSentiment };
  });
  themes.sort((a, b) => b.score - a.score);
  return { themes, sentiment, sentimentScores };
}
