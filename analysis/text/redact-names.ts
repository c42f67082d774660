/**
 * Names of people in Latin-script feedback: the family's own, their children's, partners',
 * relatives' and staff's. Families rarely write a name without a reason to, and the reason is
 * usually in the words around it: "my son Oliver", "thanks to Jo", "Sarah the health visitor",
 * "Becky was amazing". A list of first names catches the rest, in any case, except names that are
 * also words (Grace, Will, May), which need such a cue. A capitalised word that is neither a known
 * word nor at the start of a sentence is taken too when it stands where a person would.
 */
import {
  AMBIGUOUS,
  CLERGY_TITLES,
  CLERGY_WORDS,
  COMMON,
  DOCTOR_AND_NURSE,
  FIRST_NAMES,
  foldAccents,
  FAMILY_GRAMMAR_WORDS,
  FOREIGN_KIN,
  KIN,
  KNOWN,
  lexiconFlags,
  NAME_IS,
  PERSON_PRAISE,
  PERSON_VERBS,
  POLISH_PERSON_VERBS,
  POSSESSIVES,
  ROLES_AFTER,
  STRONG_TITLES,
  THANKS,
  TITLES,
  TO_CUES,
} from './redact-name-lists';
import { findSignature, SIGN_OFFS } from './redact-signature';
import { candidateWords, type Word } from './redact-words';
import { findScriptNames } from './redact-names-script';
import { tokenise } from './tokenize';

/** Titles that go with the name they precede: a reader would mark "Mrs Patel" whole. */
const NAME_TITLES = new Set([
  'mrs',
  'mr',
  'ms',
  'mx',
  'miss',
  'dr',
  'pani',
  'panią',
  'pania',
  'pan',
  'pana',
  'panem',
  'panu',
  'doamna',
  'doamnei',
  'domnul',
  'domnului',
  'dna',
  'dl',
  'dona',
  'seu',
  'senhora',
  'senhor',
  'sra',
  'sr',
  'dra',
  'dr.ª',
  'nurse',
  'doctor',
  // "Sister Agnes" (a ward sister, a nun), "a professora Inês", "Familia Stoica": with the name when capitalised.
  'sister',
  'professor',
  'professora',
  'coach',
  'profesor',
  'profesoara',
  'profesorka',
  'familia',
  'família',
  'rodzina',
  ...CLERGY_TITLES,
  ...CLERGY_WORDS,
  // Doctor and nurse in the families' languages, as they are inflected before a name:
  // "dziękuję doktorowi Wiśniewskiemu", "mulțumim doctorului Popescu", "à enfermeira Patrícia".
  ...DOCTOR_AND_NURSE,
]);
/** Titles that are also words ("miss", "pan"): whole with the name only when capitalised. */
const TITLES_IF_CAPITALISED = new Set([
  'miss',
  'pan',
  'dona',
  'sr',
  'seu',
  'sister',
  'coach',
  'professora',
  'professor',
  'familia',
  'família',
  'rodzina',
  ...CLERGY_WORDS,
]);
/** Words a title may stand before that are no surname: "the best Dr I've had", "a dr. However…". */
const NOT_SURNAMES = new Set([
  'i',
  'im',
  "i'm",
  'ive',
  "i've",
  'id',
  "i'd",
  'ill',
  "i'll",
  'however',
  'but',
  'and',
  'or',
  'so',
  'the',
  'a',
  'an',
  'if',
  'it',
  'is',
  'was',
  'thanks',
  'thank',
  'please',
  'yes',
  'no',
  'who',
  'said',
  'says',
]);
/** Titles only a surname follows, so a capitalised word after one is a name even if it is also a word. */
const SURNAME_TITLES = new Set([
  'mrs',
  'mr',
  'ms',
  'mx',
  'dr',
  'dra',
  'sra',
  'sr',
  'doamna',
  'domnul',
  'domnului',
  'dna',
  'dl',
  'senhora',
  'senhor',
  'seu',
  ...CLERGY_TITLES,
  ...DOCTOR_AND_NURSE,
]);
const NOT_AFTER_I_AM = new Set([
  'a',
  'an',
  'the',
  'so',
  'not',
  'just',
  'still',
  'also',
  'now',
  'here',
  'there',
  'from',
  'in',
  'at',
  'on',
  'with',
  'very',
  'really',
]);

/**
 * A word that could be a name given a cue: a known name, or capitalised, not a known word, and not
 * shaped like a common noun, nor one word of a Title-Cased service name ("Potty Training").
 */
function nameLike(w: Word, prev?: Word): boolean {
  // A lower-case "grace" or "ma" is a word; only "my daughter grace" (a kin cue) makes it a name.
  if (w.known || w.ambiguous) return w.cap || w.known;
  // After a title a noun-shaped word is a surname after all: "Dr Jolly".
  // After a title a capitalised word is a surname, even one that is also a word: "Ms Hall", "Mr Baker".
  if (
    w.cap &&
    w.lower.length >= 2 &&
    prev &&
    SURNAME_TITLES.has(prev.lower) &&
    (prev.cap || prev.lower !== 'seu') &&
    /^\.?\s+$/.test(prev.gapAfter) &&
    !NOT_SURNAMES.has(w.lower)
  )
    return true;
  if (!w.cap || w.lower.length < 2 || w.common || (NOUN_SHAPE.test(w.lower) && !(prev && NAME_TITLES.has(prev.lower)))) return false;
  // Two capitalised words in a row are a Title-Cased name of a thing, unless the first is a kin word or thanks ("Babcia Halinka", "Mulțumesc Ioanei").
  return !(
    prev?.cap &&
    !w.broken &&
    /^\s+$/.test(prev.gapAfter) &&
    !prev.known &&
    !NAME_TITLES.has(prev.lower) &&
    !FOREIGN_KIN.has(prev.lower) &&
    !(KIN.has(prev.lower) && (KIN_TITLES.has(prev.lower) || prev.possessive)) &&
    !THANKS.has(prev.lower)
  );
}

/** Kin words written as a title before a name ("Auntie Bev", "Nana Pat"); "Baby Steps" is a group. */
const KIN_TITLES = new Set([
  'auntie',
  'aunty',
  'aunt',
  'uncle',
  'nana',
  'nan',
  'nanna',
  'nanny',
  'gran',
  'granny',
  'grandma',
  'grandad',
  'granddad',
  'grandpa',
  'cousin',
  'sister',
  'brother',
]);

// Endings of English nouns and adjectives that first names hardly have ("Weaning", "Lifeline").
const NOUN_SHAPE =
  /(?:ing|tion|sion|ness|ment|ity|ship|hood|ful|less|ous|ism|ist|ics|line|time|table|book|room|work|club|group|class|play|land|shire|ton|ford|bury|ham|wich|mouth|port|field|bridge|worth|stock|well|ly|ance|ence)$/;
const PERSON_BEFORE = new Set([
  'with',
  'by',
  'saw',
  'see',
  'seen',
  'met',
  'meet',
  'love',
  'loves',
  'adore',
  'adores',
  'ask',
  'asked',
  'tell',
  'told',
  'call',
  'ring',
  'rang',
  'text',
  'texted',
  'messaged',
  'emailed',
  'hi',
  'hello',
  'dear',
  'bye',
  'miss',
  'missing',
  'both',
  'thank',
]);

// Months that are also names: "in April and I", "last June and I" are no people.
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
// "my son will": a modal, not Will.
const MODALS = new Set(['will', 'may', 'can', 'might', 'must', 'shall', 'could', 'would', 'should']);
// Lower-case words after "my son" that are verbs or adverbs, not a name ("my son adores it").
const VERB_SHAPE = /(?:ed|ing|ly|s|n't|nt)$/;
const AFTER_A_NAME = new Set([
  'is',
  'was',
  'has',
  'had',
  'and',
  'who',
  'loves',
  'loved',
  'likes',
  'liked',
  'enjoys',
  'enjoyed',
  'adores',
  'goes',
  'went',
  'made',
  'age',
  'aged',
  'started',
  'gets',
  'got',
  'really',
  'absolutely',
  'also',
  'always',
  'now',
  'still',
  'just',
]);

const BORN = new Set(['ur', 'urodzony', 'urodzona', 'born', 'dob', 'aged', 'age', 'nascido', 'nascida', 'născut', 'nascut', 'născută', 'nascuta']);

function followedAsName(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  const next = ws[i + 1];
  if (/^\s*[,(]\s*\d/.test(w.gapAfter)) return true;
  // "Córka Maja, ur. 03.02.2021": a birth date follows the name.
  if (/^\s*,\s*$/.test(w.gapAfter) && BORN.has(ws[i + 1]?.lower ?? '')) return true;
  return next !== undefined && !next.broken && AFTER_A_NAME.has(next.lower);
}

/** The cue before word i, if its words stand in the same sentence. */
function cueBefore(ws: readonly Word[], i: number): 'strong' | 'kin' | 'cue' | undefined {
  const w = ws[i]!;
  if (w.broken || i === 0) return undefined;
  const prev = ws[i - 1]!;
  const p = prev.lower;
  if (NAME_IS.has(p) && isNameIs(ws, i - 1)) return 'strong';
  // "mrs patel" typed without capitals takes any word; "Dr" and "MS" need a capital after them:
  // "see a Dr quicker", "an MS problem".
  // "dr patel" in a comment typed all in lower case: a word that is no common word is a surname.
  if (STRONG_TITLES.has(p)) return prev.typedLower && (p !== 'dr' || !w.common) ? 'strong' : 'cue';
  if (TITLES.has(p) && (p !== 'miss' || prev.cap) && (p !== 'man' || ws[i - 2]?.lower === 'the')) return 'cue';
  if (THANKS.has(p) && (p !== 'to' || (i >= 2 && !prev.broken && TO_CUES.has(ws[i - 2]!.lower)))) return 'cue';
  if (p === 'for' && ws[i - 2]?.lower === 'ask') return 'cue';
  // "nowhere for Ruby to sleep", "time for Dan to settle": a capitalised word between "for" and "to" and a verb is who does it.
  if (p === 'for' && w.cap && !w.broken && !prev.broken && !MODALS.has(w.lower) && ws[i + 1]?.lower === 'to' && !ws[i + 1]!.broken && /^\s+$/.test(w.gapAfter))
    return 'cue';
  // "me and Dan can both come", "ja i Maja", "eu și Ioana": a person joined to the writer.
  if (
    AND.has(p) &&
    w.cap &&
    !w.broken &&
    !prev.broken &&
    !MODALS.has(w.lower) &&
    !MONTHS.has(w.lower) &&
    /^(?:me|myself|ja|eu)$/.test(ws[i - 2]?.lower ?? '') &&
    (p === 'and' || w.known || w.ambiguous) &&
    !ws[i - 2]!.broken
  )
    return 'cue';
  // "thank you Linda", "thank you to dawn", "thank u sky"
  if ((p === 'you' || p === 'u') && !prev.broken && ws[i - 2]?.lower === 'thank') return 'cue';
  // "Hi its Jade here", "this is Tom (Ruby's dad)": a self-introduction.
  if (
    (p === 'its' || (p === 'it' && prev.possessive) || (p === 'is' && ws[i - 2]?.lower === 'this')) &&
    (ws[i + 1]?.lower === 'here' || /^\s*\(/.test(w.gapAfter))
  )
    return 'cue';
  // "her surname was O'Connor", "his last name is Hart".
  if ((p === 'was' || p === 'is') && /^(?:surname|name)$/.test(ws[i - 2]?.lower ?? '') && !ws[i - 2]!.broken) return 'strong';
  // "I'd like Chelsea to know", "we want Dawn to…": a person wished to do something.
  if ((p === 'like' || p === 'want' || p === 'wanted') && ws[i + 1]?.lower === 'to' && /^(?:i'd|id|we'd|i|we|would|really)$/.test(ws[i - 2]?.lower ?? ''))
    return 'cue';
  // "naszego Kuby", "Nasza Róża", "formularze dla Kuby": a Polish possessive, or "dla" (for), before a capitalised word.
  // Only a name, or a Kuba or Iga in another case ("Kuby", "Igi"): "z naszej Grupy" is a group.
  if (
    (POLISH_POSSESSIVES.has(p) || (p === 'dla' && !prev.broken)) &&
    w.cap &&
    (w.known || w.ambiguous || (/[yi]$/.test(w.lower) && FIRST_NAMES.has(w.lower.slice(0, -1) + 'a')))
  )
    return 'kin';
  // "a liniștit-o imediat pe Lumi", "l-am dus pe Andrei": Romanian marks a person with "pe" and a doubled pronoun.
  if (p === 'pe' && w.cap && !prev.broken && ws.slice(Math.max(0, i - 4), i - 1).some((x) => /-(?:o|l|i|le|am)$|^(?:l|o|i|le)-/.test(x.lower))) return 'cue';
  if (p === 'to' && !prev.broken && ws[i - 2]?.lower === 'you' && ws[i - 3]?.lower === 'thank') return 'cue';
  if ((p === 'am' || p === "i'm" || p === 'im' || p === 'i’m') && (p !== 'am' || ws[i - 2]?.lower === 'i') && !NOT_AFTER_I_AM.has(w.lower)) return 'cue';
  if (FOREIGN_KIN.has(p)) return 'kin';
  // "my son Oliver", "my 3 year old son Oliver", "my little girl Poppy", "our neighbour Pam"
  if ((KIN.has(p) && !prev.possessive) || ((p === 'meu' || p === 'mea' || p === 'mój' || p === 'moja') && i >= 2 && FOREIGN_KIN.has(ws[i - 2]!.lower))) {
    if (prev.broken) return 'cue';
    for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
      if (POSSESSIVES.has(ws[k]!.lower)) return 'kin';
      if (ws[k]!.broken) break;
    }
    if (FOREIGN_KIN.has(ws[i - 2]?.lower ?? '')) return 'kin';
    // "big brother Teddy", "baby sister Ava": a sibling's place in the family, no possessive needed.
    if (
      w.cap &&
      /^(?:big|little|baby|older|younger|twin|new)$/.test(ws[i - 2]?.lower ?? '') &&
      !ws[i - 2]!.broken &&
      /^(?:brother|sister|bro|sis|cousin)$/.test(p)
    )
      return 'kin';
    // "Kofi's mum Ama", "Tayo's dad Femi": someone's parent, named.
    if (w.cap && ws[i - 2]?.possessive && ws[i - 2]!.cap && !ws[i - 2]!.broken) return 'kin';
  }
  return undefined;
}

const POLISH_POSSESSIVES = new Set(
  'nasz nasza naszą nasze naszego naszej naszemu naszym mój moja moją mojego mojej mojemu moim twój twoja twojego twojej swojego swojej swojemu'.split(' '),
);

function isNameIs(ws: readonly Word[], j: number): boolean {
  const before = ws
    .slice(Math.max(0, j - 3), j + 1)
    .map((w) => w.lower)
    .join(' ');
  return (
    /(?:name is|name's is|names is|nazywam się|nazywam sie|na imię|na imie|mă numesc|ma numesc|meu este|nome é|nome e|me chamo|chamo-me|i am called|i'm called|im called|is called|was called)$/.test(
      before,
    ) ||
    /\b(?:lady|man|woman|nurse|worker|someone|girl|boy|guy|person|one|son|daughter|baby|visitor|midwife|doctor|teacher|therapist|friend|volunteer) (?:called|named)$/.test(
      before,
    ) ||
    /(?:my|the) name is$/.test(before)
  );
}

/** A cue after word i: a role, praise, a person's verb, an age in brackets, a kiss at the end. */
function cueAfter(ws: readonly Word[], i: number): 'praise' | 'role' | 'from' | 'cue' | undefined {
  const w = ws[i]!;
  const gap = w.gapAfter;
  if (/^\s*\(\s*\d{1,2}\b/.test(gap) || /^\s*,\s*\d{1,2}\s*(?:,|\)|$|y|m)/.test(gap)) return 'cue';
  // "Destiny 3 and Blessing 1 come on Thursdays": an age between a name and the next.
  if (/^\s+\d{1,2}\s+$/.test(gap) && (ws[i + 1]?.lower === 'and' || ws[i + 1]?.lower === '&')) return 'role';
  // "Aiden Smith aged 3"
  if (ws[i + 1]?.lower === 'aged' && /^\s+\d/.test(ws[i + 1]!.gapAfter)) return 'cue';
  if (/^\s*x+\s*$/i.test(gap) || (i === ws.length - 1 && /^\s*$/.test(gap) && w.cap && i > 0 && ws[i - 1]!.lower === 'x')) return 'cue';
  const next = ws[i + 1];
  if (!next || next.broken) return undefined;
  if (/^\s*x+\b/i.test(gap + next.lower) && next.lower === 'x' && (ws[i + 2]?.broken ?? true)) return 'cue';
  const n = next.lower;
  // "Sarah (health visitor)", "Raluca asistenta"; but "Female staff", "District nurse" are no names.
  if (ROLES_AFTER.has(n) && (/^\s*[,(–-]\s*$/.test(gap) || (FOREIGN_ROLES.has(n) && gap === ' '))) return 'role';
  // "Sandeep (my husband) works nights", "Devon (my eldest)", "Ewa (moja córka)": who they are to the writer.
  if (
    /^\s*\(\s*$/.test(gap) &&
    (POSSESSIVES.has(n) || n === 'mój' || n === 'moja' || n === 'meu' || n === 'minha') &&
    (KIN.has(ws[i + 2]?.lower ?? '') || FOREIGN_KIN.has(ws[i + 2]?.lower ?? ''))
  )
    return 'role';
  if ((n === 'on' || n === 'at') && /^(?:reception|front|desk)$/.test(ws[i + 2]?.lower ?? '')) return 'cue';
  // "Dan and I came", "Rose and me": a person joined to the writer.
  if (
    n === 'and' &&
    w.cap &&
    (w.known || w.ambiguous) &&
    !MONTHS.has(w.lower) &&
    !POSSESSIVES.has(ws[i - 1]?.lower ?? '') &&
    /^\s+$/.test(gap) &&
    /^(?:me|i|myself)$/.test(ws[i + 2]?.lower ?? '') &&
    !ws[i + 2]!.broken &&
    /^\s+$/.test(next.gapAfter)
  )
    return 'role';
  // "Joy at the front desk", "Patience at the Saturday food bank": a person at their post.
  if ((n === 'on' || n === 'at') && ws[i + 2]?.lower === 'the') {
    for (let k = i + 3; k <= i + 5 && ws[k] && !ws[k]!.broken; k++) if (POSTS.has(ws[k]!.lower)) return 'role';
  }
  // "Hope is 2 and non verbal", "River is 18 months and loves the ball pit": an age, not a length
  // of time ("Summer is 3 months long").
  if ((n === 'is' || n === 'was') && /^\s+\d{1,2}\s*(?:,|and|$)/.test(next.gapAfter + (ws[i + 2]?.lower ?? ''))) return 'role';
  if ((n === 'is' || n === 'was') && /^\s+\d{1,2}\s+$/.test(next.gapAfter) && /^(?:months?|years?|yrs?|weeks?)$/.test(ws[i + 2]?.lower ?? '')) {
    const then = ws[i + 3];
    if (!then || then.broken || /^(?:and|old|now|today)$/.test(then.lower) || /[,.!]/.test(ws[i + 2]!.gapAfter)) return 'role';
  }
  if ((n === 'the' || n === 'our' || n === 'my' || n === 'from') && ROLES_AFTER.has(ws[i + 2]?.lower ?? '')) return 'role';
  // "Honey, our youngest", "Tom my eldest": who they are to the writer.
  if (
    (n === 'our' || n === 'my') &&
    (w.known || w.ambiguous) &&
    /^\s*[,(-]?\s*$/.test(gap) &&
    KIN.has(ws[i + 2]?.lower ?? '') &&
    !ws[i + 2]!.broken &&
    !ws[i + 2]!.possessive
  )
    return 'role';
  // "Dot (she's 80!)", "Sam (he runs the group)": a pronoun for a person in brackets.
  if (/^\s*\(\s*$/.test(gap) && /^(?:she|he|she's|he's|who)$/.test(n)) return 'role';
  // "Ivy (twins, born…)", "Bear (his real name is…)": a parenthesis about the person.
  if (
    /^\s*\(\s*$/.test(gap) &&
    (/^(?:twins?|triplets?|quads?|born|aged?|both|nee|née)$/.test(n) ||
      (/^(?:his|her|their)$/.test(n) && [ws[i + 2], ws[i + 3]].some((x) => x?.lower === 'name')))
  )
    return 'role';
  // "Chelsea you're a star", "Jack you legend": a sentence that opens by speaking to someone.
  if (
    w.broken &&
    /^\s*,?\s*$/.test(gap) &&
    (n === "you're" || n === 'youre' || (n === 'you' && /^(?:are|were|legend|star|rock|really|absolutely)$/.test(ws[i + 2]?.lower ?? '')))
  )
    return 'praise';
  // "Tom in the youth club helped me": a person at their service, then what they did.
  // At a sentence's start only a word the lists know: "Cake at the baby group went down well".
  if ((n === 'in' || n === 'at') && ws[i + 2]?.lower === 'the' && !ws[i + 2]!.broken && (w.known || w.ambiguous || !w.broken)) {
    for (let k = i + 3; k <= i + 5 && ws[k] && !ws[k]!.broken; k++) {
      if (!ROLES_AFTER.has(ws[k]!.lower) && !POSTS.has(ws[k]!.lower) && !/^(?:club|group|hub|centre|center|team|session|ward)$/.test(ws[k]!.lower)) continue;
      const then = ws.slice(k + 1, k + 3).find((x) => PERSON_VERBS.has(x.lower));
      if (then && !then.broken && !/[,.;]/.test(ws[k]!.gapAfter)) return 'role';
    }
  }
  // "Jordan is a good youth worker", "Kim was the best teacher": a person's job after is/was.
  if ((n === 'is' || n === 'was') && /^(?:a|an|the|our|my)$/.test(ws[i + 2]?.lower ?? '')) {
    for (let k = i + 3; k <= i + 6 && ws[k] && !ws[k]!.broken; k++) if (PERSON_NOUNS.has(ws[k]!.lower)) return 'role';
  }
  // "May from the breastfeeding group": no modal is followed by "from the".
  if (n === 'from' && /^(?:the|our|home-start|homestart|early|reception)$/.test(ws[i + 2]?.lower ?? '')) return 'from';
  // "pri from health visiting", "mo at youth club": a person from their service, at their post.
  if ((n === 'from' || n === 'at') && ROLES_AFTER.has(ws[i + 2]?.lower ?? '') && !ws[i + 2]!.broken && /^\s+$/.test(next.gapAfter)) return 'from';
  if (n === 'is' || n === 'was' || n === 'has' || (n === 'were' && !w.broken)) {
    // "Becky was amazing", "Jo has been so kind", "Jenna is an angel"
    let k = i + 2;
    if (n === 'has' && ws[k]?.lower === 'been') k++;
    while (k < i + 5 && ws[k] && !ws[k]!.broken && INTENSIFIERS.has(ws[k]!.lower)) k++;
    if (ws[k] && !ws[k]!.broken && PERSON_PRAISE.has(ws[k]!.lower)) return 'praise';
  }
  // A sentence's first word ending in s is a plural noun far more often than a name: "Meals came".
  // "Communicated, asked about me": a verb after a comma belongs to a list, not to a name.
  if (PERSON_VERBS.has(n) && n !== 'has' && n !== 'had' && !(w.broken && w.lower.endsWith('s') && !w.known && !w.ambiguous) && !(w.broken && gap.includes(',')))
    return 'cue';
  if ((n === 'mum' || n === 'dad' || n === 'mother' || n === 'father' || n === 'parent') && /^\s*[,(-]\s*$/.test(gap)) return 'cue';
  return undefined;
}

/** "pri from health visiting", "mo at youth club": word i is followed by the service a person is from or at. */
function fromService(ws: readonly Word[], i: number): boolean {
  const n = ws[i + 1]?.lower;
  if (n !== 'from' && n !== 'at') return false;
  const after = cueAfter(ws, i);
  return after === 'from' || after === 'role';
}

/**
 * Verbs said only of a person (or a pet): after them a sentence's first name-word is a name. A
 * stricter subset of PERSON_VERBS, which also holds verbs a thing can take ("runs", "started").
 */
const SAID_OF_A_PERSON = new Set(
  'said says told tells loved loves wanted wants wore put found held sat wouldnt couldnt painted drew fed hugged waved asked cried laughed smiled danced sang slept ate taught fixed thinks thought adores misses missed helped listened explained'.split(
    ' ',
  ),
);

/** What a place or building is called after a name: "Victoria Park", "Florence Nightingale Hospital". */
const PLACE_NOUNS = new Set(
  'park road street lane avenue centre center hospital school academy primary library station square gardens court ward unit surgery estate chapel mosque leisure baths bridge grove terrace crescent parade market close drive way infirmary clinic nursery college university steps'.split(
    ' ',
  ),
);
/** The word between a name and its place noun in a centre's name: "Harris Family Centre", "Oak Children's Centre". */
const CENTRE_KINDS = new Set(['family', 'children', 'childrens', "children's", 'community', 'health', 'youth', 'medical', 'sports', 'baby']);

/**
 * A name-word followed by a kind of centre and a place noun or hub: capitalised, or after "the"
 * ("the Harris family centre team"), so "thanks Emma, family centre staff" keeps Emma a name.
 */
function namesACentre(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  const kind = ws[i + 1];
  const place = ws[i + 2];
  if (!kind || !place || kind.broken || place.broken || !/^\s+$/.test(w.gapAfter) || !/^\s+$/.test(kind.gapAfter)) return false;
  if (!CENTRE_KINDS.has(kind.lower) || !(PLACE_NOUNS.has(place.lower) || place.lower === 'hub' || place.lower === 'hubs')) return false;
  return (kind.cap && place.cap) || ws[i - 1]?.lower === 'the';
}
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'around', 'outside', 'inside', 'across', 'towards', 'round']);

/** Nouns for a person, heading "a good youth worker". */
const PERSON_NOUNS = new Set(
  'worker teacher volunteer nurse midwife leader manager visitor therapist practitioner receptionist coordinator officer counsellor mentor interpreter assistant person lady man woman guy bloke listener cook chef host advocate'.split(
    ' ',
  ),
);

/** Places a person works at: "at the front desk", "at the food bank". */
const POSTS = new Set(['reception', 'desk', 'door', 'cafe', 'café', 'bank', 'counter', 'till', 'library', 'clinic', 'kitchen', 'creche', 'crèche']);

/** Verbs said of meeting or contacting a person, after which a capitalised name-word is a name. */
const MET_BEFORE = new Set([
  'see',
  'saw',
  'seen',
  'met',
  'meet',
  'ask',
  'asked',
  'tell',
  'told',
  'call',
  'ring',
  'rang',
  'text',
  'texted',
  'messaged',
  'emailed',
  'hi',
  'hello',
  'dear',
  'thank',
  'thanks',
]);
/** Portuguese verbs of a person after "a Mafalda", "o Rui": has, is, was, loves, cried… */
const PT_PERSON_VERBS = new Set(
  'tem é foi está esta estava adora gosta gostou ficou chorou brincou aprendeu fez disse ligou ajudou anda vai veio começou precisa'.split(' '),
);
const PT_ARTICLES = new Set(['a', 'o', 'à', 'ao', 'da', 'do', 'pela', 'pelo']);
const INTENSIFIERS = new Set([
  'so',
  'really',
  'very',
  'always',
  'absolutely',
  'such',
  'super',
  'just',
  'incredibly',
  'extremely',
  'truly',
  'a',
  'an',
  'the',
  'our',
  'my',
  'amazingly',
  'genuinely',
  'honestly',
  'lovely',
  'been',
]);
const FOREIGN_ROLES = new Set(['asistenta', 'asistentă', 'enfermeira', 'educadora', 'położna', 'polozna', 'pielęgniarka', 'pielegniarka']);

function isName(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  // "St Ann's House" is a place; "ED" and "GP" are acronyms even when "Ed" is a name.
  if (w.lower.length < 2 || (i > 0 && (ws[i - 1]!.lower === 'st' || ws[i - 1]!.lower === 'saint')) || NOT_NAMES.has(w.lower)) return false;
  // "my son (born 12/03/2019)": a birth cue after a kin word is not the child's name.
  if (BORN.has(w.lower)) return false;
  if (!w.cap && !w.typedLower && w.lower.length <= 3) return false;
  if (!w.cap && w.typedLower && i > 0 && !w.broken && lowerCaseAfterCue(ws, i)) return true;
  // A first name set inside Chinese or Arabic ("感谢Tom和志愿者", "شكراً لـKirsty"): its cues are in that script.
  if (w.inScript && (w.known || (w.ambiguous && w.cap))) return true;
  const before = cueBefore(ws, i);
  // "Ela tem 9 anos", "Ele disse", "Ma loveste când bea", "Ma 6 lat": in a comment written in
  // Portuguese, Romanian or Polish these open a sentence as "she", "he", "me" and "has", not as Ela.
  const pronounIn = PRONOUN_NAMES.get(w.lower);
  if (pronounIn?.includes(writtenIn(ws))) return before === 'strong' && w.cap;
  if (before === 'strong') return w.cap || !w.common || w.known;
  // "Victoria Park", "Grace Road": a name-word naming a place.
  const following = ws[i + 1];
  if (following?.cap && !following.broken && /^\s+$/.test(w.gapAfter) && PLACE_NOUNS.has(following.lower)) return false;
  // "the Harris Family Centre", "Jones children's centre": a name-word naming a Family Hub or centre.
  if (namesACentre(ws, i)) return false;
  if (w.known) return true;
  // "my boy rio": after a possessive and a kin word, a lower-case word that is not a known word.
  // "my boy rio made a card", but not "my partner hits me": the word after must be one a name takes.
  if (before === 'kin' && !w.cap && !w.common && !w.ambiguous) {
    return w.lower.length > 2 && !VERB_SHAPE.test(w.lower) && followedAsName(ws, i);
  }
  // "my daughter Tia", "nasza córka Maja": a capitalised name-word after a kin cue; "my partner will
  // will be…": a modal said twice is a name and then the modal.
  if (before === 'kin' && w.ambiguous) {
    // "copilul mai mare" (the bigger child), "o filho dela" (her son): after a kin word of the families'
    // languages, a word of their grammar in lower case is that word, not a name.
    if (w.typedLower && FAMILY_GRAMMAR_WORDS.has(w.lower) && FOREIGN_KIN.has(ws[i - 1]?.lower ?? '')) return false;
    // "my son Will loves it": no modal is followed by a verb in -s or -ed.
    if (MODALS.has(w.lower)) return !!following && !following.broken && (following.lower === w.lower || /(?:[^s]s|ed)$/.test(following.lower));
    return (w.cap && !w.broken) || !w.common || followedAsName(ws, i);
  }
  // "thank you to dawn from the breastfeeding group", "just to say pri from health visiting": a
  // lower-case word with a person's service after it, and thanks or a greeting before it.
  if (!w.cap && w.typedLower && !w.common && !MODALS.has(w.lower) && !VERB_SHAPE.test(w.lower) && fromService(ws, i)) {
    const p = ws[i - 1]?.lower ?? '';
    if (before || (!w.ambiguous && (PERSON_BEFORE.has(p) || p === 'say' || p === 'to'))) return true;
  }
  // "our family worker bill sorted it": after a role, a lower-case name-word before a person's verb.
  if (
    before === 'cue' &&
    !w.cap &&
    w.ambiguous &&
    !MODALS.has(w.lower) &&
    TITLES.has(ws[i - 1]!.lower) &&
    PERSON_VERBS.has(ws[i + 1]?.lower ?? '') &&
    !ws[i + 1]!.broken
  )
    return true;
  // "thank u sky for…", "thanks sam": thanks before a lower-case name that is also a word (not a common one).
  if (
    before === 'cue' &&
    !w.cap &&
    w.typedLower &&
    w.ambiguous &&
    // "thank u precious for helping me": even a common word, when what it is thanked for follows.
    (!w.common || (ws[i + 1]?.lower === 'for' && !ws[i + 1]!.broken)) &&
    !MODALS.has(w.lower) &&
    /^(?:thanks|thank|thankyou|thx|ty|you|u|to)$/.test(ws[i - 1]!.lower)
  )
    return true;
  // "i came with my nan and jack": a lower-case name-word joined to a kin word after a possessive.
  if (
    !w.cap &&
    w.ambiguous &&
    !w.common &&
    !MODALS.has(w.lower) &&
    i >= 3 &&
    ws[i - 1]!.lower === 'and' &&
    KIN.has(ws[i - 2]!.lower) &&
    POSSESSIVES.has(ws[i - 3]!.lower) &&
    !w.broken &&
    !ws[i - 1]!.broken
  )
    return true;
  // "the nurse at the hub (Thandi Mabaso?)": a name in brackets the writer is unsure of.
  if (w.cap && (!w.common || w.ambiguous) && i > 0 && /\(\s*$/.test(ws[i - 1]!.gapAfter)) {
    const last = ws[i + 1]?.cap && /^\s+$/.test(w.gapAfter) ? ws[i + 1]! : w;
    if (/^\s*\?\s*\)/.test(last.gapAfter)) return true;
  }
  if (subjectOfAPerson(ws, i)) return true;
  if (!nameLike(w, ws[i - 1])) return false;
  if (before) return true;
  // "A Mafalda tem necessidades…": a Portuguese article, a capitalised word and a verb of a person.
  // "i Malinka była zachwycona": a Polish verb of a person after a name, or after a word shaped like
  // a Polish pet name ("-inka", "-sia", "-ek"); "Biblioteka była zamknięta" is a library.
  // At a sentence's start only a name the lists know: "Ola powiedziała", but "Biblioteka była zamknięta".
  if (
    w.cap &&
    (!w.broken || w.known || w.ambiguous) &&
    (POLISH_PERSON_VERBS.has(ws[i + 1]?.lower ?? '') || ((w.known || w.ambiguous) && POLISH_PAST.test(ws[i + 1]?.lower ?? ''))) &&
    !ws[i + 1]!.broken &&
    (w.known || w.ambiguous || /(?:inka|czka|ńka|unia|usia|sia|cia|zia|nia|dzia|ek|uś|sio|cio|zio|nio)$/.test(w.lower))
  )
    return true;
  // Unknown names only as a diminutive ("a Rosinha", "o Joãozinho"): "a Sala tem" is a room.
  if (
    w.cap &&
    !w.ambiguous &&
    /(?:inh[ao]|it[ao])$/.test(w.lower) &&
    i > 0 &&
    (ws[i - 1]!.lower === 'a' || ws[i - 1]!.lower === 'o') &&
    PT_PERSON_VERBS.has(ws[i + 1]?.lower ?? '') &&
    !ws[i + 1]!.broken
  )
    return true;
  // "the hub in Hackney was brilliant": after "in" a capitalised word the lists don't know is a place.
  if (!w.known && !w.ambiguous && i > 0 && !w.broken && PLACE_PREPOSITIONS.has(ws[i - 1]!.lower)) return false;
  const after = cueAfter(ws, i);
  // "Can never thank them enough": an ambiguous word opening a sentence needs praise, not a verb.
  // "Dawn the family support worker": a role after it is as good as praise.
  if (after === 'from') return w.cap || w.known;
  // "Sky wouldn't come out", "Will said he'd ring": at a sentence's start a name-word is a name
  // before a verb only a person does; "Will there be…" has no such verb.
  if (after === 'cue' && w.ambiguous && w.cap && w.broken && SAID_OF_A_PERSON.has(ws[i + 1]?.lower ?? '')) return true;
  // "Gaz runs the dads' football": a person who runs or leads a group, even at a sentence's start.
  if (after === 'cue' && w.ambiguous && w.cap && !MODALS.has(w.lower) && RUNS_A_GROUP.has(ws[i + 1]!.lower) && /^(?:the|our|a)$/.test(ws[i + 2]?.lower ?? ''))
    return true;
  // "Coffee is good. 4/5 Mel x": a name-word closing the comment before a kiss signs it, even at a sentence's start.
  if (after === 'cue' && w.ambiguous && w.cap && !MODALS.has(w.lower) && kissAtEnd(ws, i)) return true;
  if (after) return after === 'praise' || after === 'role' ? !MODALS.has(w.lower) : w.ambiguous ? w.cap && !w.broken : true;
  // "Dawn's group on feeding": a capitalised name-word owning something.
  // "Will's favourite is the sand tray": no modal owns anything, so a modal with 's is a name ("May's" is the month's).
  if (w.ambiguous && w.cap && w.possessive && (!MODALS.has(w.lower) || w.lower !== 'may')) return true;
  // A capitalised unknown word inside a sentence, where a person would stand ("saw Olamide",
  // "with Aurelia"). Families Title-Case services and topics ("advice about Weaning"), so not anywhere.
  // "we see Dawn every week": a name-word capitalised mid-sentence after a verb said to a person.
  if (w.ambiguous && w.cap && !w.broken && i > 0 && MET_BEFORE.has(ws[i - 1]!.lower) && !MODALS.has(w.lower)) return true;
  // Portuguese puts an article before a name: "a Ana ligou-me", "o Rodrigo".
  if (w.cap && !w.broken && i > 0 && PT_ARTICLES.has(ws[i - 1]!.lower) && (w.known || w.ambiguous) && !MODALS.has(w.lower)) return true;
  // "love the music session with Dan.": a name-word closing a sentence about a session with someone.
  if (w.ambiguous && w.cap && !w.broken && !MODALS.has(w.lower) && i >= 2 && ws[i - 1]!.lower === 'with' && endsClause(ws, i)) {
    if (ws.slice(Math.max(0, i - 5), i - 1).some((x) => SESSIONS.has(x.lower)) && !ws.slice(Math.max(0, i - 4), i).some((x) => x.broken)) return true;
  }
  if (!w.cap || w.broken || w.ambiguous || i === 0 || !PERSON_BEFORE.has(ws[i - 1]!.lower)) return false;
  const next = ws[i + 1];
  return !(next?.cap && !next.broken && /^\s+$/.test(w.gapAfter));
}

/** Words that open a question or a sentence before its subject: "Can Mark…", "Our Kit…". */
const OPENERS = new Set('can could will would did does do has have is was our my their his her when so and but then'.split(' '));

/** Verbs of a person who runs a group: "Gaz runs the dads and lads football". */
const RUNS_A_GROUP = new Set(['runs', 'ran', 'leads', 'led', 'organises', 'organizes', 'hosts']);
/** Word i closes the comment, with only a kiss after it: "… 4/5 Mel x". */
const kissAtEnd = (ws: readonly Word[], i: number) =>
  (i === ws.length - 1 && /^\s*x+\s*$/i.test(ws[i]!.gapAfter)) || (i === ws.length - 2 && /^x+$/.test(ws[i + 1]!.lower) && /^\s*$/.test(ws[i + 1]!.gapAfter));

/** Adjectives of a nickname: "Big Mike", "Little Jo". */
const NICKNAMES = new Set(['big', 'little', 'lil', 'wee', 'young', 'old']);

/** What a family does with someone: "the music session with Dan", "our appointment with Hope". */
const SESSIONS = new Set('session sessions class classes group club appointment appointments visit visits meeting lesson lessons chat'.split(' '));
const endsClause = (ws: readonly Word[], i: number) => i === ws.length - 1 || /[.,!;?]/.test(ws[i]!.gapAfter) || ws[i + 1]!.broken;

/** A Polish verb in the past, said of a person: "Maja nauczyła się", "Kuba zjadł" (the ł is Polish only). */
const POLISH_PAST = /^\p{L}{2,}(?:ł|ła|ło|łam|łem|łaś|łeś)$/u;
const POLISH_THANKS = new Set(['dziękuję', 'dziekuje', 'dziękujemy', 'dziekujemy', 'dzięki', 'dzieki', 'podziękowania', 'podziekowania']);
const PT_THANKS = new Set(['obrigado', 'obrigada', 'obg']);
/** Names the lists hold with an accent, as they are typed without one: "ze" (Zé), "joao" (João). */
const UNACCENTED_NAMES: ReadonlySet<string> = new Set([...FIRST_NAMES].map(foldAccents).filter((n) => !FIRST_NAMES.has(n)));

/** A lower-case Polish name in any case: "ani" (Ania), "magdzie" (Magda), "kuby" (Kuba). */
function polishName(lower: string): boolean {
  if (FIRST_NAMES.has(lower) || lexiconFlags(lower, true) & KNOWN) return true;
  // After a Polish cue even a short name's case form: "ewie" (Ewa), "oli" (Ola), "kuby" (Kuba), "igora".
  for (const [ending, base] of CASE_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length + base.length >= 3 && FIRST_NAMES.has(lower.slice(0, -ending.length) + base)) return true;
  }
  return false;
}
const CASE_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['dzie', 'da'],
  ['dze', 'ga'],
  ['rze', 'ra'],
  ['ce', 'ka'],
  ['ie', 'a'],
  ['i', 'a'],
  ['i', 'ia'],
  ['y', 'a'],
  ['ę', 'a'],
  ['ą', 'a'],
  ['owi', ''],
  ['em', ''],
  ['a', ''],
];

/**
 * A lower-case name in the families' languages after thanks or a kin word, and those joined to it by
 * "i"/"e": "dziekuje ani i magdzie", "mojego synka kuby", "obrigado ze e tiago".
 */
function lowerCaseAfterCue(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  if (FAMILY_GRAMMAR_WORDS.has(w.lower)) return false;
  let k = i - 1;
  while (k >= 2 && (ws[k]!.lower === 'i' || ws[k]!.lower === 'e') && !ws[k]!.broken && !ws[k - 1]!.broken && !ws[k - 1]!.cap) k -= 2;
  const p = ws[k]!.lower;
  if (POLISH_THANKS.has(p) || FOREIGN_KIN.has(p)) {
    if (!polishName(w.lower)) return false;
    return ws.slice(k + 1, i).every((x, j) => j % 2 === 1 || polishName(x.lower));
  }
  if (PT_THANKS.has(p)) {
    const ptName = (x: Word) => FIRST_NAMES.has(x.lower) || UNACCENTED_NAMES.has(x.lower);
    if (!ptName(w)) return false;
    return ws.slice(k + 1, i).every((x, j) => j % 2 === 1 || ptName(x));
  }
  return false;
}

/**
 * Names that are pronouns or verbs in some of the families' languages, with those languages:
 * Portuguese "Ela" (she), "Ele" (he); Romanian "Mă" (me), Polish "Ma" (has). Polish "Ela" is a name.
 */
const PRONOUN_NAMES = new Map<string, readonly string[]>([
  ['ela', ['pt']],
  ['ele', ['pt']],
  ['elas', ['pt']],
  ['eles', ['pt']],
  ['ma', ['ro', 'pl']],
]);

/** Each comment's text, by its words, with the language it is written in once that is asked. */
const comments = new WeakMap<readonly Word[], { text: string; lang?: string }>();
/** The language a comment is written in, guessed only when a pronoun that is also a name is in it. */
function writtenIn(ws: readonly Word[]): string {
  const comment = comments.get(ws)!;
  comment.lang ??= tokenise(comment.text).lang;
  return comment.lang;
}

/** Words that stand where a person would but are no name: "Whoever did the face painting". */
const NOT_NAMES = new Set('whoever whatever whichever whenever wherever everyone everybody anyone anybody someone somebody noone nobody'.split(' '));

/** Adverbs between a subject and its verb: "Mason now has his own bed". */
const SUBJECT_ADVERBS = new Set(['now', 'still', 'finally', 'also', 'always', 'even', 'then', 'just', 'never', 'really']);
/** Past verbs a person does with something of their own ("left his kit bag", "got his hand stuck"). */
const AGE_ADVERBS = new Set(['only', 'just', 'nearly', 'almost', 'about', 'over', 'under', 'now', 'barely']);
const OWNING_VERBS = new Set('left lost forgot took broke hurt cut got has had wants loves brought made grabbed dropped'.split(' '));
const HIS_HER = new Set(['his', 'her', 'him', 'himself', 'herself']);

/**
 * A name-word as the subject of what only a person does, wherever it stands: "Max was born",
 * "since Ashton was born", "Will will not stop", "Mason now has his own bed", "jack got his hand
 * stuck", "Dawn Pearson helped me". The word alone ("the sky", "a jack in the box") needs this cue.
 */
function subjectOfAPerson(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  const next = ws[i + 1];
  if (!next || next.broken || NOT_NAMES.has(w.lower) || w.lower.length < 2) return false;
  const nameWord = w.known || w.ambiguous;
  // A capitalised word, not only a common one ("Everything was born" is none); in lower case only a
  // name-word opening its sentence ("jack got his hand stuck").
  const capOk = w.cap && (nameWord || !w.common);
  const lowerOk = !w.cap && w.typedLower && w.ambiguous && w.broken && !MODALS.has(w.lower);
  if (!capOk && !lowerOk) return false;
  // "Max was born", "before Ashton was born": only a person (or a pet) is born.
  if (capOk && (next.lower === 'was' || next.lower === 'were') && ws[i + 2]?.lower === 'born' && !ws[i + 2]!.broken && /^\s+$/.test(next.gapAfter)) return true;
  // "Will will not stop talking": a modal said twice is a name, then the modal.
  if (capOk && MODALS.has(w.lower) && next.lower === w.lower && /^\s+$/.test(w.gapAfter)) return true;
  // "sky is 18 months and jojo is 4": in lower case, a name-word opening its sentence before an age.
  if (
    lowerOk &&
    (next.lower === 'is' || next.lower === 'was') &&
    /^\s+\d{1,2}\s*(?:,|and\b|&|$|months?\b|years?\b|yrs?\b)/.test(next.gapAfter + (ws[i + 2]?.lower ?? ''))
  )
    return true;
  // "Hope is only 8 months": an age after an adverb.
  // "Hope is only 8 months", "Summer is nearly 2 years": an age after an adverb.
  if (capOk && nameWord && !MODALS.has(w.lower) && (next.lower === 'is' || next.lower === 'was') && AGE_ADVERBS.has(ws[i + 2]?.lower ?? '')) {
    if (/^\s+\d{1,2}\s+$/.test(ws[i + 2]!.gapAfter) && /^(?:months?|years?|yrs?|weeks?)$/.test(ws[i + 3]?.lower ?? '')) return true;
  }
  // "Mason now has his own bed", "Our Kit left his kit bag": a verb and then the person's own.
  let k = i + 1;
  if (SUBJECT_ADVERBS.has(ws[k]!.lower)) k++;
  const verb = ws[k];
  const owner = ws[k + 1];
  if (
    verb &&
    owner &&
    !verb.broken &&
    !owner.broken &&
    HIS_HER.has(owner.lower) &&
    /^\s+$/.test(verb.gapAfter) &&
    (OWNING_VERBS.has(verb.lower) || SAID_OF_A_PERSON.has(verb.lower) || (PERSON_VERBS.has(verb.lower) && /ed$/.test(verb.lower))) &&
    (!MODALS.has(w.lower) || /ed$/.test(verb.lower)) &&
    (nameWord || lowerOk || (capOk && !w.broken))
  )
    return true;
  // "Dawn Pearson helped me": a first name and a surname, then a verb said of a person.
  const then = ws[i + 2];
  if (
    capOk &&
    nameWord &&
    !MODALS.has(w.lower) &&
    next.cap &&
    !next.common &&
    !next.known &&
    !PLACE_NOUNS.has(next.lower) &&
    /^\s+$/.test(w.gapAfter) &&
    then &&
    !then.broken &&
    /^\s+$/.test(next.gapAfter) &&
    (SAID_OF_A_PERSON.has(then.lower) || (PERSON_VERBS.has(then.lower) && /ed$/.test(then.lower)))
  )
    return true;
  return false;
}

/**
 * A cheap first look: most comments name nobody, and have no word that is a known name, a
 * capitalised unknown word, or a word right after a cue that takes lower-case names.
 */
function mightBeName(w: Word, i: number, ws: readonly Word[]): boolean {
  if (w.known || w.ambiguous) return true;
  // At a sentence's start a capital says nothing; only a cue after it can make it a name.
  if (w.cap && !w.common) return !w.broken || cueAfter(ws, i) !== undefined;
  if (i === 0) return false;
  const p = ws[i - 1]!.lower;
  if (w.common) return w.cap && SURNAME_TITLES.has(p);
  if (!w.cap && (ws[i + 1]?.lower === 'from' || ws[i + 1]?.lower === 'at') && fromService(ws, i)) return true;
  return KIN.has(p) || FOREIGN_KIN.has(p) || STRONG_TITLES.has(p) || NAME_IS.has(p) || p === 'meu' || p === 'mea' || p === 'mój' || p === 'moja';
}

// Pronouns that are also names in the list ("Ela"): "a Dona Fátima e ela" is one person.
const PRONOUNS = new Set(['ela', 'ele', 'ona', 'on', 'ea', 'el', 'ei', 'elas', 'eles']);

// "and" in English, Polish, Romanian and Portuguese.
const AND = new Set(['and', 'i', 'oraz', 'și', 'şi', 'si', 'e']);

/** Joins "and", "&" and commas: the other side of a name is a name if it looks like one. */
function spreadThroughLists(ws: readonly Word[], named: boolean[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < ws.length; i++) {
      if (named[i]) continue;
      const w = ws[i]!;
      // "harry and teddy": beside a name, a lower-case name that is also a word counts too; "with
      // tia and kemi": even a common one, in a list after "with".
      const withList = w.common && w.ambiguous && !w.cap && ws[i - 1]?.lower === 'with' && !w.broken;
      if ((w.common && !withList) || PRONOUNS.has(w.lower) || SIGN_OFFS.has(w.lower) || !(nameLike(w, ws[i - 1]) || w.ambiguous)) continue;
      // "is a star, Aisha…": a lower-case word after an article is a noun.
      if (!w.cap && /^(?:a|an|the)$/.test(ws[i - 1]?.lower ?? '') && !w.broken) continue;
      const left = i >= 2 && named[i - 2] && AND.has(ws[i - 1]!.lower) && !ws[i - 1]!.broken && !w.broken;
      const leftAmp = i >= 1 && named[i - 1] && /^\s*[&,+]\s*$/.test(ws[i - 1]!.gapAfter);
      const right = i + 2 < ws.length && named[i + 2] && AND.has(ws[i + 1]!.lower) && !ws[i + 1]!.broken && !ws[i + 2]!.broken;
      const rightAmp = i + 1 < ws.length && named[i + 1] && /^\s*[&,+]\s*$/.test(w.gapAfter);
      if (left || leftAmp || right || rightAmp) named[i] = true;
    }
  }
}

/** Words for where a family comes from or what it believes: "the Polish family" names no one. */
const FAMILY_ADJECTIVES = new Set(
  'polish romanian portuguese brazilian angolan chinese arabic arab english british scottish welsh irish european asian african syrian afghan ukrainian indian pakistani bangladeshi somali nigerian eritrean sudanese iraqi iranian kurdish turkish muslim christian jewish hindu sikh catholic traveller roma foster host whole entire extended royal'.split(
    ' ',
  ),
);

const spaced = (w: Word) => /^\s+$/.test(w.gapAfter);

/** "me and jack went", "sky and me": beside "me", a word the name lists hold is a person, in lower case and even when it is also a word. */
function besideMe(ws: readonly Word[], named: boolean[]): void {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (named[i] || w.broken || !(w.known || w.ambiguous) || MODALS.has(w.lower) || NOT_NAMES.has(w.lower)) continue;
    const after = i >= 2 && ws[i - 2]!.lower === 'me' && ws[i - 1]!.lower === 'and' && !ws[i - 1]!.broken && spaced(ws[i - 2]!) && spaced(ws[i - 1]!);
    const before =
      i + 2 < ws.length &&
      ws[i + 1]!.lower === 'and' &&
      ws[i + 2]!.lower === 'me' &&
      !ws[i + 1]!.broken &&
      !ws[i + 2]!.broken &&
      spaced(w) &&
      spaced(ws[i + 1]!);
    if (after || before) named[i] = true;
  }
}

/**
 * "from the Oyelaran family": a capitalised word that is no common word, between "the" and
 * "family", is a surname; not "the Polish family", nor "the Harris Family Centre" (a centre).
 */
function familySurname(ws: readonly Word[], named: boolean[]): void {
  for (let i = 1; i + 1 < ws.length; i++) {
    const w = ws[i]!;
    if (named[i] || !w.cap || w.common || w.broken || FAMILY_ADJECTIVES.has(w.lower)) continue;
    if (ws[i - 1]!.lower !== 'the' || ws[i + 1]!.lower !== 'family' || ws[i + 1]!.broken || !spaced(ws[i - 1]!) || !spaced(w)) continue;
    const after = ws[i + 2];
    if (after && !after.broken && (PLACE_NOUNS.has(after.lower) || /^(?:hubs?|support|services?)$/.test(after.lower))) continue;
    named[i] = true;
  }
}

/** Kin and friends named after "his" or "her": "Jack and his brother Harry", "Luna and her cousin Maya". */
const KIN_AND_FRIENDS = new Set([...KIN, 'cousin', 'cousins', 'friend', 'friends', 'bestie', 'mate', 'pal']);

/**
 * "Jack and his brother Harry came", "Luna and her cousin Maya loved": a word joined by "and" to
 * someone named as their kin is a person too, even at a sentence's start and even when it is a word.
 */
function withTheirKin(ws: readonly Word[], named: boolean[]): void {
  for (let i = 0; i + 4 < ws.length; i++) {
    const w = ws[i]!;
    if (named[i] || !named[i + 4] || !w.cap || MODALS.has(w.lower) || NOT_NAMES.has(w.lower) || (w.common && !w.ambiguous && !w.known)) continue;
    if (ws[i + 1]!.lower !== 'and' || !/^(?:his|her|their)$/.test(ws[i + 2]!.lower) || !KIN_AND_FRIENDS.has(ws[i + 3]!.lower)) continue;
    if (ws.slice(i + 1, i + 5).some((x) => x.broken)) continue;
    named[i] = true;
  }
}

/** What two people named together do next: "Jack and Max had a whale of a time". */
const PAIR_VERBS = new Set(
  'had have want wanted are were loved love come came went go played play both said say made make did do never always still'.split(' '),
);

/** What stands between listed names: a space, or an age ("Destiny 3 and Blessing 1 come"). */
const SPACE_OR_AGE = /^\s+(?:\d{1,2}\s+)?$/;

/**
 * "Ty and Cal want the trampoline back", "Summer and Autumn are my twins", "Poppy, Daisy and Violet
 * (triplets!) always…", "Hope and Summer (my girls) look forward": capitalised words listed with
 * commas and joined by "and", each a name the lists know (or a capitalised unknown word), then a verb
 * for all or who they are in brackets, are names, even at a sentence's start and even when they are also words.
 */
function pairsDoing(ws: readonly Word[], named: boolean[]): void {
  for (let i = 0; i + 2 < ws.length; i++) {
    if (!nameish(ws[i]!)) continue;
    // The list: "A, B and C"; it ends at "and" and the word after it.
    const list = [i];
    let k = i;
    while (k + 1 < ws.length && /^\s*,\s*$/.test(ws[k]!.gapAfter) && !ws[k + 1]!.broken && nameish(ws[k + 1]!)) list.push(++k);
    if (
      k + 2 >= ws.length ||
      !AND.has(ws[k + 1]!.lower) ||
      ws[k + 1]!.broken ||
      ws[k + 2]!.broken ||
      !nameish(ws[k + 2]!) ||
      !SPACE_OR_AGE.test(ws[k]!.gapAfter)
    )
      continue;
    list.push((k += 2));
    const last = ws[k]!;
    const next = ws[k + 1];
    const doing = next && !next.broken && SPACE_OR_AGE.test(last.gapAfter) && PAIR_VERBS.has(next.lower);
    // "(my girls)", "(triplets!)", "(twins, 3)": who they are, in brackets after the list.
    const who =
      next &&
      /^\s*\(\s*$/.test(last.gapAfter) &&
      (/^(?:twins|triplets|quads|both)$/.test(next.lower) || (POSSESSIVES.has(next.lower) && KIN.has(ws[k + 2]?.lower ?? '')));
    if ((doing || who) && list.some((j) => ws[j]!.known || ws[j]!.ambiguous)) for (const j of list) named[j] = true;
  }
}

/** A capitalised word that could be one of a pair of names: not a modal, and a name or no common word. */
function nameish(w: Word): boolean {
  return w.cap && !MODALS.has(w.lower) && (w.known || w.ambiguous || !w.common) && w.lower.length >= 2;
}

/**
 * A name that is also a word, written with a capital where the same comment also has the word in
 * lower case, is the name: "Holly made holly wreaths", "we had blue sky all day and Sky loved it".
 * A modal is left ("May I ask… you may"), as is a word in a Title-Cased run ("Rose Garden").
 */
function wordAndName(ws: readonly Word[], named: boolean[]): void {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (named[i] || !w.ambiguous || !w.cap || MODALS.has(w.lower)) continue;
    // "quando ela responde. Ela tem 9 anos": a pronoun said again, capitalised for a sentence.
    if (PRONOUN_NAMES.get(w.lower)?.includes(writtenIn(ws))) continue;
    const next = ws[i + 1];
    if (next?.cap && !next.broken && /^\s+$/.test(w.gapAfter)) continue;
    const prev = ws[i - 1];
    // "Can Mark please mark Logan", "Our Kit left his kit bag": a sentence's first word, capitalised
    // only for opening it, makes no Title-Cased run with the name.
    if (prev?.cap && !w.broken && /^\s+$/.test(prev.gapAfter) && !named[i - 1] && !(prev.broken && OPENERS.has(prev.lower))) continue;
    // The word may be inflected: "Rose brought roses", "Róża przyniosła róże".
    const stem = w.lower.length > 3 ? w.lower.slice(0, -1) : w.lower;
    if (
      ws.some(
        (other, j) =>
          j !== i &&
          !other.cap &&
          (other.lower === w.lower ||
            (other.lower.startsWith(stem) &&
              other.lower.length - w.lower.length <= 2 &&
              other.lower.length >= w.lower.length &&
              !/^(?:[dn]|ed|in)/.test(other.lower.slice(w.lower.length)))),
      )
    )
      named[i] = true;
  }
}

/**
 * A name found once is the same name where the comment writes it again owning something: "with tia
 * and kemi and tia's little brother". Only the possessive: "our family worker bill sorted the bill".
 */
function sameWordAgain(ws: readonly Word[], named: boolean[]): void {
  for (let i = 0; i < ws.length; i++) {
    if (!named[i] || MODALS.has(ws[i]!.lower)) continue;
    const w = ws[i]!;
    for (let j = 0; j < ws.length; j++) {
      const other = ws[j]!;
      if (named[j] || !other.possessive || other.lower !== w.lower || other.cap !== w.cap) continue;
      // "Sister Mary at the St Mary's drop-in": a saint's name is a place's.
      if (j > 0 && (ws[j - 1]!.lower === 'st' || ws[j - 1]!.lower === 'saint')) continue;
      named[j] = true;
    }
  }
}

// Rhymes, stories, shows and their authors whose names hold first names: "did Jack and Jill", "read Peter Rabbit",
// "Mr Tumble signing", "the Julia Donaldson books".
const STORY_TITLES =
  /\b(?:Jack and Jill|Hansel and Gretel|Humpty Dumpty|(?:Little )?Bo[ -]Peep|Mary,? Mary|Little Miss Muffet|Georgie Porgie|Wee Willie Winkie|Polly Put the Kettle On|Jack and the Beanstalk|Old MacDonald|Peter Rabbit|Peter Pan|Fireman Sam|Postman Pat|Alice in Wonderland|Bob the Builder|Thomas the Tank Engine|Winnie the Pooh|Peppa Pig|George Pig|Paddington|Goldilocks|Little Jack Horner|Lucy Locket|Miss Polly|Doctor Foster|Tom Thumb|Simple Simon|Mr Tumble|Mr Bloom|Mr Maker|Miss Rabbit|Mrs Brown's Boys|Mrs Brown’s Boys|Julia Donaldson|Roald Dahl|Horrid Henry|Hey Duggee|Ben and Holly|Sarah and Duck|Charlie and Lola|Biff and Chip)\b/gi;

/**
 * A rhyme or story title is no person ("the singing group did Jack and Jill"), unless a cue names
 * the words as someone's name ("my twins are called Jack and Jill").
 */
function storyTitles(text: string, ws: readonly Word[], named: boolean[]): void {
  STORY_TITLES.lastIndex = 0;
  for (let m = STORY_TITLES.exec(text); m; m = STORY_TITLES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = ws.findIndex((w) => w.start === start);
    // "my twins are actually called Jack and Jill": named as someone's name, not the rhyme.
    if (first < 0 || cueBefore(ws, first) !== undefined || ws.slice(Math.max(0, first - 3), first).some((w) => /^(?:called|named|name|names)$/.test(w.lower)))
      continue;
    for (let k = first; k < ws.length && ws[k]!.start < end; k++) named[k] = false;
  }
}

/**
 * The ranges of people's names in `text`; a first name and surname together make one range.
 *
 * @example
 * findNames('my son Oliver loves it and Sarah Jones the health visitor is great') // [[7, 13], [27, 38]]
 */
export function findNames(text: string): Array<[number, number]> {
  const ws = candidateWords(text);
  comments.set(ws, { text });
  const fields = text.includes(':') || text.includes('：') ? formFields(text) : [];
  if (!ws.some(mightBeName)) return [...findSignature(text), ...fields, ...findScriptNames(text)];
  const named = ws.map((_, i) => isName(ws, i));
  pairsDoing(ws, named);
  withTheirKin(ws, named);
  besideMe(ws, named);
  familySurname(ws, named);
  spreadThroughLists(ws, named);
  wordAndName(ws, named);
  sameWordAgain(ws, named);
  storyTitles(text, ws, named);
  // "Jayden (JJ)", "Alexander (Alex)": a nickname alone in brackets right after a name; only a
  // name-word, or one from the name's own initial, so "Sam (SEN)" and "Tom (GP)" keep their acronyms.
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    if (named[i] || !named[i - 1] || !/^\s*\(\s*$/.test(ws[i - 1]!.gapAfter) || !/^\s*\)/.test(w.gapAfter)) continue;
    const raw = text.slice(w.start, w.end);
    const sameInitial = w.lower[0] === ws[i - 1]!.lower[0];
    if (w.cap && (w.known || w.ambiguous) && !MODALS.has(w.lower)) named[i] = true;
    else if (sameInitial && (/^(\p{Lu})\1$/u.test(raw) || (w.cap && !w.common && /^\p{Lu}\p{Ll}+$/u.test(raw)))) named[i] = true;
  }
  // A capitalised word right after a name is its surname: "Karen Smith".
  for (let i = 1, surname = false; i < ws.length; i++) {
    const w = ws[i]!;
    surname = !surname && !named[i] && named[i - 1] === true && !ws[i - 1]!.possessive && w.cap && !w.broken && !w.common && /^\s+$/.test(ws[i - 1]!.gapAfter);
    if (surname) named[i] = true;
  }
  // "my name is Kerrie Welsh": after "my name is" a capitalised word after the name is a surname even if it is also a word.
  for (let i = 1; i + 1 < ws.length; i++) {
    const w = ws[i + 1]!;
    if (named[i] && !named[i + 1] && w.cap && !w.broken && /^\s+$/.test(ws[i]!.gapAfter) && !NOT_SURNAMES.has(w.lower) && cueBefore(ws, i) === 'strong')
      named[i + 1] = true;
  }
  const found: Array<[number, number]> = [];
  // "Mrs P", "Mr J.": a title with an initial.
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!w.cap || !SURNAME_TITLES.has(w.lower) || DOCTOR_AND_NURSE.includes(w.lower)) continue;
    const initial = /^\.?\s+(\p{Lu})(?![\p{L}'’])/u.exec(text.slice(w.end));
    if (initial && initial[1] !== 'I' && initial[1] !== 'A') found.push([w.start, w.end + initial[0].length]);
  }
  // "my foster son D has had a rough year": a capital initial standing for a child after a kin cue.
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const own = ws.slice(Math.max(0, i - 3), i).findIndex((x) => POSSESSIVES.has(x.lower)) + Math.max(0, i - 3);
    if (!KIN.has(w.lower) || w.possessive || own < Math.max(0, i - 3) || ws.slice(own + 1, i + 1).some((x) => x.broken)) continue;
    const initial = /^\s+(\p{Lu})(?=\s+\p{Ll}|\s*[,.!?)]|$)/u.exec(text.slice(w.end));
    if (initial && initial[1] !== 'I' && initial[1] !== 'A') found.push([w.end + initial[0].length - 1, w.end + initial[0].length]);
  }
  // "I love mrs w": a title and an initial typed in lower case.
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!w.typedLower || (w.lower !== 'mrs' && w.lower !== 'mr' && w.lower !== 'ms')) continue;
    const initial = /^\.?\s+([b-hj-tv-wyz])(?![\p{L}'’])/u.exec(text.slice(w.end));
    if (initial) found.push([w.start, w.end + initial[0].length]);
  }
  for (let i = 0; i < ws.length; i++) {
    if (!named[i]) continue;
    const w = ws[i]!;
    const title = ws[i - 1];
    // "pan Marek": a lower-case Polish title still goes with a capitalised name.
    const titled = !TITLES_IF_CAPITALISED.has(title?.lower ?? '') || title!.cap || (title!.lower === 'pan' && w.cap);
    // "the nurse (Sharon?)": a title apart from the name stays.
    if (
      title &&
      !named[i - 1] &&
      !w.broken &&
      NAME_TITLES.has(title.lower) &&
      titled &&
      /^\.?\s+$/.test(title.gapAfter) &&
      !((title.lower === 'father' || title.lower === 'sister') && POSSESSIVES.has(ws[i - 2]?.lower ?? ''))
    ) {
      // "Pani doktor Nowak": a title before the title goes too.
      const outer = ws[i - 2];
      let start = outer && NAME_TITLES.has(outer.lower) && !KIN.has(outer.lower) && /^\s+$/.test(outer.gapAfter) && !title.broken ? outer.start : title.start;
      // "Mr and Mrs Hughes": two titles over one surname are one span.
      const first = ws[i - 3];
      if (
        outer &&
        first &&
        start === title.start &&
        AND.has(outer.lower) &&
        !title.broken &&
        !outer.broken &&
        first.cap &&
        SURNAME_TITLES.has(first.lower) &&
        /^\.?\s+$/.test(first.gapAfter)
      )
        start = first.start;
      found.push([start, w.end]);
      continue;
    }
    // "youth worker Big Mike", "Little Jo": a nickname's adjective goes with the name.
    // Only after a role or thanks: "we saw Big Ben" is the clock.
    const cued = i >= 2 && !title?.broken && (TITLES.has(ws[i - 2]!.lower) || THANKS.has(ws[i - 2]!.lower) || PERSON_NOUNS.has(ws[i - 2]!.lower));
    const nick = title && cued && !named[i - 1] && title.cap && (w.known || w.ambiguous) && /^\s+$/.test(title.gapAfter) && NICKNAMES.has(title.lower);
    if (nick) {
      found.push([title.start, w.end]);
      continue;
    }
    const last = found[found.length - 1];
    if (last && named[i - 1] && last[1] === ws[i - 1]!.end && /^\s+$/.test(text.slice(last[1], w.start))) last[1] = w.end;
    else found.push([w.start, w.end]);
  }
  return [...findSignature(text), ...fields, ...found, ...findScriptNames(text)];
}

// A form's name field: "Name:", "Child's name:", "Imię i nazwisko:", "Nume:", "Nome da criança:".
const NAME_FIELD =
  /(?:^|[^\p{L}])(?:(?:(?:child|baby|son|daughter|parent|mum|mother|dad|father|carer|your|my|his|her)(?:'s|’s)?\s+)?(?:full\s+|first\s+)?name|imi[eę](?:\s+i\s+nazwisko)?(?:\s+dziecka)?|nazwisko|nume(?:le)?(?:\s+(?:[șş]i|si)\s+prenume)?(?:\s+copilului)?|prenume|nome(?:\s+completo)?(?:\s+d[ao]\s+(?:crian[çc]a|beb[éê]|filh[oa]|m[ãa]e|pai))?)\s*[:：]\s*/giu;
const FIELD_WORD = /^[\p{L}][\p{L}'’-]*\.?|^\p{Lu}\./u;

/** The value of each name field: the first word if it could be a name, and the capitalised words after it. */
function formFields(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  NAME_FIELD.lastIndex = 0;
  for (let m = NAME_FIELD.exec(text); m; m = NAME_FIELD.exec(text)) {
    let at = m.index + m[0].length;
    let end = at;
    for (let k = 0; k < 4; k++) {
      const w = FIELD_WORD.exec(text.slice(at));
      if (!w) break;
      const word = w[0].replace(/\.$/, '');
      const flags = lexiconFlags(word.toLowerCase(), true);
      const cap = /^\p{Lu}/u.test(word);
      if (k === 0 ? !(cap || flags & (KNOWN | AMBIGUOUS)) || (flags & COMMON && !(flags & (KNOWN | AMBIGUOUS))) : !cap) break;
      end = at + word.length;
      const gap = /^[ \t]+/.exec(text.slice(end));
      if (!gap || /^[.,;!?]/.test(text.slice(at + w[0].length))) break;
      at = end + gap[0].length;
    }
    if (end > m.index + m[0].length) found.push([m.index + m[0].length, end]);
  }
  return found;
}
