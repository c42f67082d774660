/**
 * The Latin-script words of a comment, each with what name redaction asks of it. Runs on every
 * comment tagged, so it scans character codes rather than matching a regex, and looks each word up
 * once in one table of names and common words.
 */
import { AMBIGUOUS, COMMON, KNOWN, lexiconFlags } from './redact-name-lists';

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
  /** A sentence break (. ! ? ; : or a new line) lies between this word and the one before. */
  broken: boolean;
  /** The text between this word and the next. */
  gapAfter: string;
}

// "Dr. Okafor": the full stop of a title is no sentence break.
const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr']);

/** Latin letters with the accents of Polish, Romanian and Portuguese, and combining marks. */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff);
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45; // ' ’ -
const isBreakChar = (c: number) => c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10; // . ! ? ; : newline

function hasUpper(name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c > 127 && name[k] !== name[k]!.toLowerCase())) return true;
  }
  return false;
}

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

/**
 * @example
 * words("Thanks. Sarah's group").map((w) => [w.lower, w.cap, w.broken]) // [['thanks', true, true], ['sarah', true, true], ['group', false, false]]
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let previousEnd = 0;
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isLetter(c)) i++;
      else if (isJoiner(c) && i + 1 < text.length && isLetter(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    const last = text.charCodeAt(i - 1);
    const apostrophe = text.charCodeAt(i - 2);
    const possessive = i - start > 2 && (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019);
    const end = possessive ? i - 2 : i;
    const name = text.slice(start, end);
    const cap = isCapitalised(name);
    // Most words are already lower case; toLowerCase would copy each.
    let lower = cap || hasUpper(name) ? name.toLowerCase() : name;
    // "I’m" and "I'm" are one word to the lists.
    if (lower.includes('’')) lower = lower.replaceAll('’', "'");
    const flags = lexiconFlags(lower, cap);
    const previous = out[out.length - 1];
    let broken = !previous;
    if (previous) {
      previous.gapAfter = start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32 ? ' ' : text.slice(previousEnd, start);
      for (let k = previousEnd; k < start && !broken; k++) broken = isBreakChar(text.charCodeAt(k));
      if (broken && ABBREVIATED_TITLES.has(previous.lower) && /^\.\s+$/.test(previous.gapAfter)) broken = false;
    }
    out.push({
      start,
      end,
      lower,
      cap,
      typedLower: lower === name || name[0] === lower[0],
      known: (flags & KNOWN) !== 0,
      ambiguous: (flags & AMBIGUOUS) !== 0,
      common: (flags & COMMON) !== 0,
      possessive,
      broken,
      gapAfter: '',
    });
    previousEnd = i;
  }
  const last = out[out.length - 1];
  if (last) last.gapAfter = text.slice(previousEnd);
  return out;
}
