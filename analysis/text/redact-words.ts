/**
 * The Latin-script words of a comment, each with what name redaction asks of it. Runs on every
 * comment tagged, so each word is looked up once, in one table of names and common words, and a
 * comment in which no word could be a name (three in four) builds no word objects.
 */
import { AMBIGUOUS, COMMON, FOREIGN_KIN, KIN, KNOWN, NAME_IS, STRONG_TITLES, lexiconFlags } from './redact-name-lists';

export interface Word {
  start: number;
  /** End of the name part: "Sarah's" ends before the apostrophe. */
  end: number;
  lower: string;
  /** Capitalised, with a lower-case letter after the first: "NHS" and "SEND" are acronyms. */
  cap: boolean;
  /** Typed with a lower-case first letter. */
  typedLower: boolean;
  /** In the first-name list ("Kerry-Ann" by its first part). */
  known: boolean;
  /** A name that is also a word: Grace, Will, May. */
  ambiguous: boolean;
  /** A common word, or the plural of one. */
  common: boolean;
  /** Written with an apostrophe-s: "son's" is no kin cue. */
  possessive: boolean;
  /** Set inside Chinese or Arabic words ("感谢Tom和志愿者"): the cues around it are not in Latin letters. */
  inScript: boolean;
  /** A sentence break (. ! ? ; : or a new line) lies between this word and the one before. */
  broken: boolean;
  /** The text between this word and the next. */
  gapAfter: string;
}

const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'dl', 'dra', 'sr', 'sra', 'rev', 'revd']);
/** Titles after which a capitalised word is a surname even if it is also a word ("Ms Hall"). */
const SURNAME_CUES = new Set([...ABBREVIATED_TITLES, 'doamna', 'domnul', 'domnului', 'senhora', 'senhor', 'seu']);

// Latin letters with the accents of Polish, Romanian and Portuguese, and combining marks, spelled
// out: a Unicode property class is several times slower.
const LETTERS = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF`;
const WORD = new RegExp(`[${LETTERS}]+(?:['’-][${LETTERS}]+)*`, 'g');
// . ! ? ; : newline, and the Chinese and Arabic full stops, exclamation and question marks.
const isBreakChar = (c: number) =>
  c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x061f;
/** Chinese or Arabic letters just before a word (spaces allowed). */
const SCRIPT_BEFORE = /[\u3400-\u9fff\u0621-\u064a]\s*$/;
const SCRIPT_AFTER = /^\s*[\u3400-\u9fff\u0621-\u064a]/;

function isCapitalised(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  if (first > 127 && name[0] === name[0]!.toLowerCase()) return false;
  // "DNs" and "GPs" are acronyms in the plural.
  const second = name.charCodeAt(1);
  if (second >= 65 && second <= 90) return false;
  for (let k = 1; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
    if (c > 127 && name[k] !== name[k]!.toUpperCase()) return true;
  }
  return false;
}

// Words after which a lower-case word may be a name ("my son oliver", "mrs patel").
const LOWER_CASE_CUES = new Set([...KIN, ...FOREIGN_KIN, ...STRONG_TITLES, ...NAME_IS, 'meu', 'mea', 'mój', 'moja']);

// Scratch space for the first pass, reused across comments so that a comment naming nobody (most
// of them) costs no objects at all.
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let rawEnds = new Int32Array(256);
let bits = new Uint8Array(256);
const lowers: string[] = [];
const CAP = 1;
const TYPED_LOWER = 2;
const POSSESSIVE = 4;
const BROKEN = 8;

function grow(): void {
  const size = starts.length * 2;
  const copy = <T extends Int32Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
  starts = copy(starts, new Int32Array(size));
  ends = copy(ends, new Int32Array(size));
  rawEnds = copy(rawEnds, new Int32Array(size));
  bits = copy(bits, new Uint8Array(size));
}

const NONE: Word[] = [];

/**
 * The words of a comment, or none when no word could be a name: none is a known name or a
 * capitalised unknown word, and no unknown word follows a cue that takes lower-case names.
 *
 * @example
 * candidateWords("Thanks. Sarah's group").map((w) => [w.lower, w.cap, w.broken]) // [['thanks', true, true], ['sarah', true, true], ['group', false, false]]
 * candidateWords('lovely group, thank you') // []
 */
export function candidateWords(text: string): Word[] {
  let n = 0;
  let candidate = false;
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const i = start + m[0].length;
    const last = text.charCodeAt(i - 1);
    const apostrophe = text.charCodeAt(i - 2);
    const possessive = i - start > 2 && (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019);
    const end = possessive ? i - 2 : i;
    const name = text.slice(start, end);
    const cap = isCapitalised(name);
    let lower = name.toLowerCase();
    // "I’m" and "I'm" are one word to the lists.
    if (lower.includes('’')) lower = lower.replaceAll('’', "'");
    const flags = lexiconFlags(lower, cap);
    // A Latin word set inside Chinese or Arabic text starts no sentence unless a full stop says so.
    let broken = n === 0 && !SCRIPT_BEFORE.test(text.slice(Math.max(0, start - 3), start));
    for (let k = previousEnd; k < start && !broken; k++) broken = isBreakChar(text.charCodeAt(k));
    // "Dr. Okafor": the full stop of a title is no sentence break.
    // Not after one in capitals: "classed as DNA. Poor service" ends a sentence.
    if (broken && n > 0 && ABBREVIATED_TITLES.has(lowers[n - 1]!) && (bits[n - 1]! & CAP) !== 0 && /^\.\s+$/.test(text.slice(previousEnd, start)))
      broken = false;
    if (!candidate) {
      const known = (flags & (KNOWN | AMBIGUOUS)) !== 0;
      const common = (flags & COMMON) !== 0;
      candidate = known || (cap && !common) || (!common && n > 0 && LOWER_CASE_CUES.has(lowers[n - 1]!)) || (cap && n > 0 && SURNAME_CUES.has(lowers[n - 1]!));
      // "pri from health visiting": a lower-case word that is no common word, before "from" or "at".
      if (!candidate && (lower === 'from' || lower === 'at') && n > 0 && ((bits[n - 1]! >> 4) & COMMON) === 0 && (bits[n - 1]! & CAP) === 0) candidate = true;
    }
    if (n === starts.length) grow();
    starts[n] = start;
    ends[n] = end;
    rawEnds[n] = i;
    lowers[n] = lower;
    bits[n] =
      (cap ? CAP : 0) | (lower === name || name[0] === lower[0] ? TYPED_LOWER : 0) | (possessive ? POSSESSIVE : 0) | (broken ? BROKEN : 0) | (flags << 4);
    n++;
    previousEnd = i;
  }
  if (!candidate) return NONE;
  const out: Word[] = [];
  for (let k = 0; k < n; k++) {
    const b = bits[k]!;
    const flags = b >> 4;
    out.push({
      start: starts[k]!,
      end: ends[k]!,
      lower: lowers[k]!,
      cap: (b & CAP) !== 0,
      typedLower: (b & TYPED_LOWER) !== 0,
      known: (flags & KNOWN) !== 0,
      ambiguous: (flags & AMBIGUOUS) !== 0,
      common: (flags & COMMON) !== 0,
      possessive: (b & POSSESSIVE) !== 0,
      inScript: SCRIPT_BEFORE.test(text.slice(Math.max(0, starts[k]! - 3), starts[k]!)) || SCRIPT_AFTER.test(text.slice(rawEnds[k]!, rawEnds[k]! + 3)),
      broken: (b & BROKEN) !== 0,
      gapAfter: text.slice(rawEnds[k]!, k + 1 < n ? starts[k + 1]! : text.length),
    });
  }
  return out;
}
