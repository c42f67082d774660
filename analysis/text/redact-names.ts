/**
 * Names of people in Latin-script feedback: the family's own, their children's, partners',
 * relatives' and staff's. Families rarely write a name without a reason to, and the reason is
 * usually in the words around it: "my son Oliver", "thanks to Jo", "Sarah the health visitor",
 * "Becky was amazing". A list of first names catches the rest, in any case, except names that are
 * also words (Grace, Will, May), which need such a cue. A capitalised word that is neither a known
 * word nor at the start of a sentence is taken too when it stands where a person would.
 */
import {
  AMBIGUOUS_NAMES,
  isCommonWord,
  FIRST_NAMES,
  FOREIGN_KIN,
  KIN,
  PERSON_PRAISE,
  PERSON_VERBS,
  POSSESSIVES,
  ROLES_AFTER,
  STRONG_TITLES,
  THANKS,
  TITLES,
  TO_CUES,
} from './redact-name-lists';
import { findSignature } from './redact-signature';
import { findScriptNames } from './redact-names-script';

interface Word {
  start: number;
  /** End of the name part: "Sarah's" ends before the apostrophe. */
  end: number;
  lower: string;
  cap: boolean;
  /** Written with an apostrophe-s: "son's" is no kin cue. */
  possessive: boolean;
  /** A sentence break (. ! ? ; : or a new line) lies between this word and the one before. */
  broken: boolean;
  /** The text between this word and the next. */
  gapAfter: string;
}

const WORD = /[\p{Script=Latin}\p{M}]+(?:['’-][\p{Script=Latin}\p{M}]+)*/gu;
const POSSESSIVE_S = /['’]s$/i;
const BREAK = /[.!?;:\n]/;
// "Dr. Okafor": the full stop of a title is no sentence break.
const TITLE_STOP = /^\.\s+$/;
const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr']);
/** Titles that go with the name they precede: a reader would mark "Mrs Patel" whole. */
const NAME_TITLES = new Set(['mrs', 'mr', 'ms', 'mx', 'miss', 'dr']);
const NAME_IS = new Set(['is', 'imię', 'imie', 'się', 'sie', 'numesc', 'numesc', 'numesc', 'este', 'é', 'e', 'chamo', 'chamo-me', 'called', 'named']);
const NOT_AFTER_I_AM = new Set(['a', 'an', 'the', 'so', 'not', 'just', 'still', 'also', 'now', 'here', 'there', 'from', 'in', 'at', 'on', 'with', 'very', 'really']);
const PLACE_BEFORE = new Set(['the', 'a', 'an', 'this', 'that', 'at', 'in', 'to', 'from', 'near', 'on', 'into', 'of', 'for', 'around', 'towards', 'by', 'via', 'outside', 'inside', 'behind', 'opposite']);

function words(text: string): Word[] {
  const out: Word[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const name = raw.replace(POSSESSIVE_S, '');
    const gap = text.slice(previousEnd, m.index);
    if (out.length > 0) out[out.length - 1]!.gapAfter = gap;
    const first = name[0]!;
    out.push({
      start: m.index,
      end: m.index + name.length,
      lower: name.toLowerCase(),
      possessive: name.length < raw.length,
      // "NHS" and "SEND" are shouted acronyms, not names.
      cap: first !== first.toLowerCase() && name.slice(1) !== name.slice(1).toUpperCase(),
      broken: out.length === 0 || (BREAK.test(gap) && !(TITLE_STOP.test(gap) && ABBREVIATED_TITLES.has(out[out.length - 1]!.lower))),
      gapAfter: '',
    });
    previousEnd = m.index + raw.length;
  }
  if (out.length > 0) out[out.length - 1]!.gapAfter = text.slice(previousEnd);
  return out;
}

/** A first name from the list; "Kerry-Ann" by its first part. */
function knownName(lower: string): boolean {
  if (FIRST_NAMES.has(lower)) return true;
  const dash = lower.indexOf('-');
  return dash > 0 && FIRST_NAMES.has(lower.slice(0, dash));
}

/**
 * A word that could be a name given a cue: a known name, or capitalised, not a known word, and not
 * shaped like a common noun, nor one word of a Title-Cased service name ("Potty Training").
 */
function nameLike(w: Word, prev?: Word): boolean {
  if (knownName(w.lower) || AMBIGUOUS_NAMES.has(w.lower)) return w.cap || !isCommonWord(w.lower) || knownName(w.lower);
  if (!w.cap || w.lower.length < 2 || isCommonWord(w.lower) || NOUN_SHAPE.test(w.lower)) return false;
  return !(prev && prev.cap && !w.broken && /^\s+$/.test(prev.gapAfter) && !knownName(prev.lower) && !NAME_TITLES.has(prev.lower));
}

// Endings of English nouns and adjectives that first names hardly have ("Weaning", "Lifeline").
const NOUN_SHAPE = /(?:ing|tion|sion|ness|ment|ity|ship|hood|ful|less|ous|ism|ist|ics|line|time|table|book|room|work|club|group|class|play|land|shire|ton|ford|bury|ham|wich|mouth|port|field|bridge|worth|stock|well)$/;
const PERSON_BEFORE = new Set(['with', 'by', 'saw', 'see', 'seen', 'met', 'meet', 'love', 'loves', 'adore', 'adores', 'ask', 'asked', 'tell', 'told', 'call', 'ring', 'rang', 'text', 'texted', 'messaged', 'emailed', 'hi', 'hello', 'dear', 'bye', 'miss', 'missing', 'both', 'thank']);

// "my son will": a modal, not Will.
const MODALS = new Set(['will', 'may', 'can', 'might', 'must', 'shall', 'could', 'would', 'should']);
// Lower-case words after "my son" that are verbs or adverbs, not a name ("my son adores it").
const VERB_SHAPE = /(?:ed|ing|ly|s|n't|nt)$/;
const AFTER_A_NAME = new Set(['is', 'was', 'has', 'had', 'and', 'who', 'loves', 'loved', 'likes', 'liked', 'enjoys', 'enjoyed', 'adores', 'goes', 'went', 'made', 'age', 'aged', 'started', 'gets', 'got', 'really', 'absolutely', 'also', 'always', 'now', 'still', 'just']);

function followedAsName(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  const next = ws[i + 1];
  if (/^\s*[,(]\s*\d/.test(w.gapAfter) || !next || next.broken) return true;
  return AFTER_A_NAME.has(next.lower);
}

/** The cue before word i, if its words stand in the same sentence. */
function cueBefore(ws: readonly Word[], i: number): 'strong' | 'kin' | 'cue' | undefined {
  const w = ws[i]!;
  if (w.broken || i === 0) return undefined;
  const prev = ws[i - 1]!;
  const p = prev.lower;
  if (STRONG_TITLES.has(p) || (NAME_IS.has(p) && isNameIs(ws, i - 1))) return 'strong';
  if (TITLES.has(p) && (p !== 'miss' || prev.cap) && (p !== 'man' || ws[i - 2]?.lower === 'the')) return 'cue';
  if (THANKS.has(p) && (p !== 'to' || (i >= 2 && !prev.broken && TO_CUES.has(ws[i - 2]!.lower)))) return 'cue';
  if (p === 'for' && ws[i - 2]?.lower === 'ask') return 'cue';
  if ((p === 'am' || p === "i'm" || p === 'im' || p === 'i’m') && (p !== 'am' || ws[i - 2]?.lower === 'i') && !NOT_AFTER_I_AM.has(w.lower)) return 'cue';
  if (FOREIGN_KIN.has(p)) return 'cue';
  // "my son Oliver", "my 3 year old son Oliver", "my little girl Poppy", "our neighbour Pam"
  if ((KIN.has(p) && !prev.possessive) || ((p === 'meu' || p === 'mea' || p === 'mój' || p === 'moja') && i >= 2 && FOREIGN_KIN.has(ws[i - 2]!.lower))) {
    if (prev.broken) return 'cue';
    for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
      if (POSSESSIVES.has(ws[k]!.lower)) return 'kin';
      if (ws[k]!.broken) break;
    }
    if (FOREIGN_KIN.has(ws[i - 2]?.lower ?? '')) return 'cue';
  }
  return undefined;
}

function isNameIs(ws: readonly Word[], j: number): boolean {
  const before = ws
    .slice(Math.max(0, j - 3), j + 1)
    .map((w) => w.lower)
    .join(' ');
  return /(?:name is|name's is|names is|nazywam się|nazywam sie|na imię|na imie|mă numesc|ma numesc|meu este|nome é|nome e|me chamo|chamo-me|i am called|i'm called|im called|is called|named)$/.test(before) || /(?:my|the) name is$/.test(before);
}

/** A cue after word i: a role, praise, a person's verb, an age in brackets, a kiss at the end. */
function cueAfter(ws: readonly Word[], i: number): 'praise' | 'cue' | undefined {
  const w = ws[i]!;
  const gap = w.gapAfter;
  if (/^\s*\(\s*\d{1,2}\b/.test(gap) || /^\s*,\s*\d{1,2}\s*(?:,|\)|$|y|m)/.test(gap)) return 'cue';
  if (/^\s*x+\s*$/i.test(gap) || (i === ws.length - 1 && /^\s*$/.test(gap) && w.cap && i > 0 && ws[i - 1]!.lower === 'x')) return 'cue';
  const next = ws[i + 1];
  if (!next || next.broken) return undefined;
  if (/^\s*x+\b/i.test(gap + next.lower) && next.lower === 'x' && (ws[i + 2]?.broken ?? true)) return 'cue';
  const n = next.lower;
  if (ROLES_AFTER.has(n) && /^\s*[,(-]?\s*$/.test(gap)) return 'cue';
  if ((n === 'on' || n === 'at') && /^(?:reception|front|desk)$/.test(ws[i + 2]?.lower ?? '')) return 'cue';
  if ((n === 'the' || n === 'our' || n === 'my' || n === 'from') && ROLES_AFTER.has(ws[i + 2]?.lower ?? '')) return 'cue';
  if (n === 'from' && /^(?:the|home-start|homestart|early|reception)$/.test(ws[i + 2]?.lower ?? '')) return 'cue';
  if ((n === 'is' || n === 'was' || n === 'were' || n === "'s" || n === 'has' || n === 'had') && ws[i + 2] && !ws[i + 2]!.broken) {
    const after = n === 'has' || n === 'had' ? (ws[i + 2]!.lower === 'been' ? ws[i + 3] : undefined) : ws[i + 2];
    if (after && !after.broken && PERSON_PRAISE.has(after.lower)) return 'praise';
  }
  if (PERSON_VERBS.has(n) && n !== 'has' && n !== 'had') return 'cue';
  if ((n === 'mum' || n === 'dad' || n === 'mother' || n === 'father' || n === 'parent') && /^\s*[,(-]\s*$/.test(gap)) return 'cue';
  return undefined;
}

function isName(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  if (w.lower.length < 2) return false;
  const before = cueBefore(ws, i);
  if (before === 'strong') return w.cap || !isCommonWord(w.lower) || FIRST_NAMES.has(w.lower);
  if (knownName(w.lower)) return true;
  // "my boy rio": after a possessive and a kin word, a lower-case word that is not a known word.
  // "my boy rio made a card", but not "my partner hits me": the word after must be one a name takes.
  if (before === 'kin' && !w.cap && !isCommonWord(w.lower) && !AMBIGUOUS_NAMES.has(w.lower)) {
    return w.lower.length > 2 && !VERB_SHAPE.test(w.lower) && followedAsName(ws, i);
  }
  if (before === 'kin' && AMBIGUOUS_NAMES.has(w.lower)) return !MODALS.has(w.lower);
  if (!nameLike(w, ws[i - 1])) return false;
  if (before) return true;
  const after = cueAfter(ws, i);
  if (after) return w.cap || !AMBIGUOUS_NAMES.has(w.lower) || after === 'praise';
  // A capitalised unknown word inside a sentence, where a person would stand ("saw Olamide",
  // "with Aurelia"). Families Title-Case services and topics ("advice about Weaning"), so not anywhere.
  if (!w.cap || w.broken || AMBIGUOUS_NAMES.has(w.lower) || !PERSON_BEFORE.has(ws[i - 1]!.lower)) return false;
  const next = ws[i + 1];
  return !(next && next.cap && !next.broken && /^\s+$/.test(w.gapAfter));
}

/** Joins "and", "&" and commas: the other side of a name is a name if it looks like one. */
function spreadThroughLists(ws: readonly Word[], named: boolean[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < ws.length; i++) {
      if (named[i]) continue;
      const w = ws[i]!;
      if (!nameLike(w, ws[i - 1]) || isCommonWord(w.lower) || (!w.cap && !knownName(w.lower) && !AMBIGUOUS_NAMES.has(w.lower))) continue;
      const left = i >= 2 && named[i - 2] && ws[i - 1]!.lower === 'and' && !ws[i - 1]!.broken && !w.broken;
      const leftAmp = i >= 1 && named[i - 1] && /^\s*[&,+]\s*$/.test(ws[i - 1]!.gapAfter);
      const right = i + 2 < ws.length && named[i + 2] && ws[i + 1]!.lower === 'and' && !ws[i + 1]!.broken && !ws[i + 2]!.broken;
      const rightAmp = i + 1 < ws.length && named[i + 1] && /^\s*[&,+]\s*$/.test(w.gapAfter);
      if (left || leftAmp || right || rightAmp) named[i] = true;
    }
  }
}

/**
 * The ranges of people's names in `text`; a first name and surname together make one range.
 *
 * @example
 * findNames('my son Oliver loves it and Sarah Jones the health visitor is great') // [[7, 13], [27, 38]]
 */
export function findNames(text: string): Array<[number, number]> {
  const ws = words(text);
  const named = ws.map((_, i) => isName(ws, i));
  spreadThroughLists(ws, named);
  // A capitalised word right after a name is its surname: "Karen Smith".
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    if (!named[i] && named[i - 1] && w.cap && !w.broken && !isCommonWord(w.lower) && /^\s+$/.test(ws[i - 1]!.gapAfter)) named[i] = true;
  }
  const found: Array<[number, number]> = [];
  for (let i = 0; i < ws.length; i++) {
    if (!named[i]) continue;
    const w = ws[i]!;
    const title = ws[i - 1];
    if (title && !named[i - 1] && !w.broken && NAME_TITLES.has(title.lower) && (title.lower !== 'miss' || title.cap)) {
      found.push([title.start, w.end]);
      continue;
    }
    const last = found[found.length - 1];
    if (last && named[i - 1] && last[1] === ws[i - 1]!.end && /^\s+$/.test(text.slice(last[1], w.start))) last[1] = w.end;
    else found.push([w.start, w.end]);
  }
  return [...findSignature(text), ...found, ...findScriptNames(text)];
}
