/**
 * Tokenising and stemming for English feedback. Hand-written char-code scanning rather than a
 * regex split because tagging must reach tens of thousands of comments a second on one core.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** A comment as words, each with the clause it sits in and whether a negation governs it. */
export interface TokenisedText {
  /** Lower-cased words with in-word apostrophes removed ("don't" → "dont"). */
  words: string[];
  /** Clause number per word; clauses split at . ! ? ; newlines and contrast words like "but". */
  clause: number[];
  /** 1 where a negation ("not", "never", "didn't"…) within three words before governs the word. */
  negated: Uint8Array;
  /** Offsets of each word in the original text, for quoting the words that triggered a theme. */
  start: number[];
  end: number[];
}

const NEGATIONS = new Set([
  'not', 'no', 'never', 'nor', 'dont', 'didnt', 'doesnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt',
  'wasnt', 'isnt', 'arent', 'werent', 'hasnt', 'havent', 'hadnt', 'shouldnt', 'without', 'hardly', 'lack',
]);

// Contrast words start a new clause: in "staff lovely but the wait was long" each half carries
// its own sentiment, which is how per-theme sentiment in a mixed comment is found.
const CONTRASTS = new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'apart', 'unfortunately']);

/** How many words a negation reaches; "not very good at all" is still negated at "good". */
const NEGATION_REACH = 3;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // General punctuation, CJK punctuation and full-width punctuation end words; any other
  // non-ASCII character is taken as a letter so Polish, Romanian and Arabic words stay whole.
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  if (code >= 0xff1a && code <= 0xff20) return false;
  return code !== 0xa0 && code !== 0xab && code !== 0xbb;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isClauseEnd(code: number): boolean {
  // . ! ? ; newline, and the ideographic full stop and full-width ! ? ;
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 10 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b;
}

/**
 * Splits a comment into lower-case words with clause numbers and negation marks.
 *
 * @example
 * tokenise("Staff weren't friendly, but the play was great").negated // 0,0,1,0,0,0,0,0
 */
export function tokenise(text: string): TokenisedText {
  const lower = text.toLowerCase();
  const words: string[] = [];
  const clause: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const negFlags: number[] = [];
  let clauseNo = 0;
  let negLeft = 0;
  let wordStart = -1;
  let spanStart = 0;
  let word = '';
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? lower.charCodeAt(i) : 32;
    if (isWordChar(code)) {
      if (wordStart < 0) {
        wordStart = i;
        spanStart = i;
        word = '';
      }
      continue;
    }
    if (wordStart >= 0 && isApostrophe(code) && i + 1 < n && isWordChar(lower.charCodeAt(i + 1))) {
      word += lower.slice(wordStart, i);
      wordStart = i + 1;
      continue;
    }
    if (wordStart >= 0) {
      const w = word + lower.slice(wordStart, i);
      wordStart = -1;
      if (CONTRASTS.has(w)) {
        clauseNo++;
        negLeft = 0;
      }
      words.push(w);
      clause.push(clauseNo);
      start.push(spanStart);
      end.push(i);
      if (NEGATIONS.has(w)) {
        negFlags.push(0);
        negLeft = NEGATION_REACH;
      } else {
        negFlags.push(negLeft > 0 ? 1 : 0);
        if (negLeft > 0) negLeft--;
      }
    }
    if (isClauseEnd(code)) {
      if (words.length > 0 && clause[clause.length - 1] === clauseNo) clauseNo++;
      negLeft = 0;
    } else if (code === 44 || code === 58 || code === 0xff0c || code === 0x3001) negLeft = 0;
  }
  return { words, clause, negated: Uint8Array.from(negFlags), start, end };
}

const stemCache = new Map<string, string>();
/** Bounded so a long-running server tagging free text cannot grow the cache without limit. */
const STEM_CACHE_LIMIT = 100_000;

/**
 * Porter-stems an English word, memoised because feedback reuses a small vocabulary heavily.
 *
 * @example
 * stem('waiting') // 'wait'
 */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s !== undefined) return s;
  // Numbers and non-Latin words pass through; the Porter rules only make sense for English.
  s = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, s);
  return s;
}
