/**
 * Tokenising and stemming for feedback in English, Polish, Romanian, Chinese, Portuguese and
 * Arabic. Hand-written char-code scanning rather than a regex split because tagging must reach
 * tens of thousands of comments a second on one core.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import PorterStemmerPt from 'natural/lib/natural/stemmers/porter_stemmer_pt.js';
import { foldDiacritics, stemArabic, stemPolish, stemRomanian } from './light-stemmers';

/** The languages families write in; anything else is read as English. */
export const LANGUAGES = ['en', 'pl', 'ro', 'zh', 'pt', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

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
  /** The comment's language: as given, or guessed from its script and commonest words. */
  lang: Language;
  /**
   * 1 for each word of a clause that asks rather than judges ("is there anything for dads?",
   * "how do I apply for short breaks"): its words lean neither way, unless the question complains
   * ("why does nobody ever ring back?"). Absent: no clause asks.
   */
  question?: Uint8Array;
  /**
   * 1 for each word a service helped the family out of ("helped me with my anxiety", "got me
   * through the darkest months", "pomogła mi z samotnością"): a hardship overcome is not a
   * complaint, so its words do not lean negative. Absent: no word is.
   */
  relieved?: Uint8Array;
}

/** What opens a question with no "?" typed: one word ("czy", "هل") or two ("is there", "how do", "请问"; Chinese characters joined). */
const ASKING = new Set(
  'czy|هل|există|exista|existe|how do|how can|how does|how long|how to|is there|are there|is it|who do|who can|who should|what time|what do|where is|where can|where do|when is|when does|when do|does the|does anyone|can i|can we|can you|could you|do you|do i|do we|will there|há algum|há alguma|ha algum|como faço|como faco|como posso|onde posso|cum pot|unde pot|请问|是否|有没|怎么'.split(
    '|',
  ),
);
/**
 * Words (or two words, Chinese characters joined) after which, in the same clause, a hardship is
 * one the service helped with: "helped", "got me through", "pomogła", "ajutat", "ajudou", "帮",
 * "克服". None is an ordinary word in another of the six languages.
 */
const RELIEF = new Set(
  'helped helping helps overcome overcoming tackle tackling eased pomogła pomogla pomógł pomogl pomogli pomogło pomoglo pomaga pomagają pomagaja przestał przestal przestała przestala ajutat ajutată ajutata ajută ajuta depășesc depasesc depășit depasit ajudou ajudaram ajudam superar superei ultrapassar ساعدني ساعدتني ساعدوني ساعدونا ساعدت ساعد تجاوز تخطي 帮 走出 度过 克服 摆脱'.split(
    ' ',
  ),
);
const RELIEF_PAIRS = new Set(['me through', 'us through', 'her through', 'him through', 'them through', 'deixou de', 'deixei de']);
const RELIEF_SECOND = new Set([...RELIEF_PAIRS].map((pair) => pair.split(' ')[1]!));
/**
 * A hardship told before the turn that ended it ("I was so isolated before I found the baby group",
 * "eram singură înainte să găsesc grupul", "كنت وحيدة قبل ما ألاقي المجموعة"): a turn word, then
 * within five words a verb of finding or joining. The words before it in its clause are relieved.
 */
const TURNS = new Set(['before', 'until', 'till', 'til', 'zanim', 'dopiero', 'înainte', 'inainte', 'până', 'pana', 'antes', 'até', 'ate', 'قبل']);
const TURN_VERBS = new Set(
  'found find came come joined join started start met meet discovered discover went got moved znalazłam znalazlam znalazłem trafiłam trafilam przyszłam przyszlam poznałam poznalam zaczęłam zaczelam găsesc gasesc găsit gasit vin venit încep incep început inceput cunosc cunoscut ajung ajuns achar achei encontrar encontrei vir vim conhecer conheci começar comecei descobrir descobri entrar entrei ألاقي الاقي لقيت أجي اجي جيت أعرف اعرف عرفت انضم أنضم اشترك أشترك أبدأ ابدا'.split(
    ' ',
  ),
);
/** How far back from a turn its hardship may run. */
const TURN_REACH = 12;

/** How many words after a relief word its hardship may run. */
const RELIEF_REACH = 8;

/**
 * What makes a clause a request or a suggestion, wherever it stands ("later start times please,
 * 9am is hard with a newborn", "byłoby super, gdyby…", "希望…"): like a question, it asks rather
 * than judges. One word, or two (Chinese characters joined).
 */
const REQUESTING = new Set(
  'please pls plz maybe proszę prosze prosimy seria podiam poderiam byłoby byloby ياريت أتمنى اتمنى 希望 建议 能不能 可不可以'.split(' '),
);
const REQUESTING_PAIRS = new Set([
  'would love',
  'would be',
  'would help',
  'could there',
  'could we',
  'any chance',
  'va rog',
  'vă rog',
  'por favor',
  'fajnie by',
  'ar fi',
  'يا ريت',
]);
// Pairs are looked up at their rarer word: "would", "could" first; "chance", "rog", "favor", "ريت" second.
const REQUESTING_FIRST = new Set(['would', 'could', 'fajnie', 'ar']);
const REQUESTING_SECOND = new Set(['chance', 'rog', 'favor', 'ريت']);

/** A question with one of these complains: "why", "still", "nobody", "ever". */
const COMPLAINING = new Set(
  'why still again nobody anyone ever never meant supposed dlaczego czemu nadal znowu nikt nigdy de ce încă inca nimeni niciodată niciodata porquê porque ainda ninguém ninguem nunca لماذا ليش ليه زال مازال لسا حدا محد أبدا ابدا 为什么 为啥 还 又 没人 从来'.split(
    ' ',
  ),
);

// One set for every language: none of these is an ordinary word in another of the six, and a
// comment that switches language mid-sentence ("nie było health visitor") still reads right.
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'dont',
  'didnt',
  'doesnt',
  'cant',
  'cannot',
  'couldnt',
  'wont',
  'wouldnt',
  'wasnt',
  'isnt',
  'arent',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'shouldnt',
  'without',
  'hardly',
  'lack',
  'less',
  // pl
  'nie',
  'nigdy',
  'bez',
  'ani',
  // ro (with and without diacritics: phones often drop them)
  'nu',
  'niciodată',
  'niciodata',
  'fără',
  'fara',
  'nici',
  // pt
  'não',
  'nao',
  'nunca',
  'nem',
  'sem',
  // ar
  'لا',
  'ولا',
  'لم',
  'لن',
  'ليس',
  'ليست',
  'غير',
  'بدون',
  'ولم',
  // Dialects: "ما حسيت" (I didn't feel), "مش", "مو", "مب", "مافي", "ماكو"; "وما" (and not) as typed.
  'ما',
  'وما',
  'مش',
  'ومش',
  'مو',
  'ومو',
  'مب',
  'مافي',
  'ماكو',
  'ماني',
  'بلا',
  // zh: single characters, as the tokeniser splits Chinese into characters
  '不',
  '没',
  '沒',
  '无',
  '無',
  '未',
]);

// Contrast words start a new clause: in "staff lovely but the wait was long" each half carries
// its own sentiment, which is how per-theme sentiment in a mixed comment is found.

/**
 * Contrasts that put the weight on what follows: "I was worried I'd be the only dad, but they made
 * me really welcome" is praise; "lovely staff but we waited weeks" a complaint. The clause a word
 * of these opens counts double in the comment's sentiment ("although" and "except" concede instead).
 */
export const WEIGHTED_CONTRASTS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'ale',
  'lecz',
  'jednak',
  'dar',
  'însă',
  'insa',
  'totuși',
  'totusi',
  'mas',
  'porém',
  'porem',
  'contudo',
  'لكن',
  'ولكن',
  'لكنّ',
  'بس',
  '但',
  '却',
]);

/**
 * Contrasts that concede the clause they open: "never felt rushed even though the waiting room was
 * packed" praises. That clause counts half in the comment's sentiment.
 */
export const CONCESSIVES: ReadonlySet<string> = new Set([
  'although',
  'though',
  'whereas',
  'despite',
  'deși',
  'desi',
  'chociaż',
  'chociaz',
  'mimo',
  'embora',
  'apesar',
  '虽然',
  '尽管',
  'رغم',
  'بالرغم',
]);

/** Words that end a clause: the contrasts above, and the ones that only turn ("except", "niestety", "可惜"). */
const CONTRASTS: ReadonlySet<string> = new Set([...WEIGHTED_CONTRASTS, ...CONCESSIVES, 'except', 'apart', 'unfortunately', 'niestety', 'infelizmente', '可惜']);

/** Whether a word is a negation ("not", "nie", "não", "لم", "不"…). */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}

/** How many words a word of a tokenised comment counts as: a Han character half (about two make a word). */
export function wordSize(word: string): number {
  return word.length === 1 && word.charCodeAt(0) >= 0x3400 ? 0.5 : 1;
}

/** Han ideographs: Chinese has no spaces, so each character is a word and terms are character pairs. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isArabic(code: number): boolean {
  return code >= 0x0600 && code <= 0x06ff && code !== 0x060c && code !== 0x061b && code !== 0x061f;
}

// The commonest words of each Latin-script language (in this order: the guess counts by index) that are not English words: enough to tell
// a short comment's language when the caller does not say, diacritics or not.
const MARKERS: readonly [Language, ReadonlySet<string>][] = [
  [
    'pl',
    new Set(
      'nie jest się sie była był było były bardzo dla jak już juz mnie mój moj moja moje że ze było bylo są sa tylko żeby zeby dziecko dzieci syn córka corka pani czekam czekać bardzo dziękuję dziekuje też tez przez mam'.split(
        ' ',
      ),
    ),
  ],
  [
    'ro',
    new Set(
      'nu este și si foarte pentru mai sunt am fost copilul copii copilului cu una mea meu doamna asistenta mulțumesc multumesc după dupa când cand care bine ne prea'.split(
        ' ',
      ),
    ),
  ],
  [
    'pt',
    new Set(
      'não nao muito para com uma meu minha são sao foi está esta filho filha bebé bebe obrigada obrigado também tambem mas quando ainda nós nos eles atendimento'.split(
        ' ',
      ),
    ),
  ],
];

/** Normalises a language tag ("pl-PL", "PT", "zh-Hans") to one of the six, or undefined. */
export function languageOf(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0]!;
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : undefined;
}

/** Letters only one of the Latin-script languages uses (ó is Polish and Portuguese, so neither's). */
const LETTERS: readonly [Language, RegExp][] = [
  ['pl', /[ąęłńśźż]/],
  ['ro', /[ăîșşțţ]/],
  ['pt', /[ãõçêôà]/],
];

/** Marker word → the index in MARKERS of each language it marks: one lookup per word. */
const MARKER_LANGUAGES = new Map<string, number[]>();
MARKERS.forEach(([, markers], k) => {
  for (const w of markers) MARKER_LANGUAGES.set(w, [...(MARKER_LANGUAGES.get(w) ?? []), k]);
});

function guessLanguage(text: string, words: readonly string[], han: number, arabic: number): Language {
  if (han > 0 && han * 2 >= arabic) return 'zh';
  if (arabic > 0) return 'ar';
  // Counters rather than a record: this runs for every comment tagged without a language.
  let pl = 0;
  let ro = 0;
  let pt = 0;
  for (const w of words) {
    const marks = MARKER_LANGUAGES.get(w);
    if (marks === undefined) continue;
    for (const k of marks) {
      if (k === 0) pl++;
      else if (k === 1) ro++;
      else pt++;
    }
  }
  if (/[^\p{ASCII}]/u.test(text)) {
    if (LETTERS[0]![1].test(text)) pl += 2;
    if (LETTERS[1]![1].test(text)) ro += 2;
    if (LETTERS[2]![1].test(text)) pt += 2;
  }
  if (pl === 0 && ro === 0 && pt === 0) return 'en';
  return pl >= ro && pl >= pt ? 'pl' : ro >= pt ? 'ro' : 'pt';
}

/** How many words a negation reaches; "not very good at all" is still negated at "good". */
const NEGATION_REACH = 3;
/** Words that make a negation emphatic ("not once", "not a single", "not a hint of"), and how far it then reaches. */
const EMPHATIC: ReadonlySet<string> = new Set([
  'once',
  'single',
  'hint',
  'ounce',
  'shred',
  'trace',
  'slightest',
  'razu',
  'raz',
  'nigdy',
  'odată',
  'odata',
  'niciodată',
  'niciodata',
  'vez',
  'nunca',
  'مرة',
  'مره',
  'أبدا',
  'ابدا',
]);
const EMPHATIC_REACH = 8;
/**
 * Romanian and Portuguese put clitics and adverbs between the negation and what it negates
 * ("nu mă mai simt singură", "não me sinto tão sozinha"), so theirs reaches one word further.
 */
const LONGER_REACH: ReadonlySet<string> = new Set(['ro', 'pt']);
/** How many characters a Chinese negation reaches. */
const HAN_REACH = 6;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // General punctuation, CJK punctuation and full-width punctuation end words; any other
  // non-ASCII character is taken as a letter so Polish, Romanian and Arabic words stay whole.
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  if (code >= 0xff1a && code <= 0xff20) return false;
  // Arabic comma, semicolon and question mark.
  if (code === 0x060c || code === 0x061b || code === 0x061f) return false;
  return code !== 0xa0 && code !== 0xab && code !== 0xbb;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isClauseEnd(code: number): boolean {
  // . ! ? ; newline, and the ideographic full stop and full-width ! ? ;
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 59 ||
    code === 10 ||
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0xff1b ||
    code === 0x061b ||
    code === 0x061f
  );
}

// Bits for the word sets above, so the tokeniser looks each word up once: most words carry none.
const RELIEF_WORD = 1;
const RELIEF_PAIR_END = 2;
const REQUEST_WORD = 4;
const REQUEST_PAIR_START = 8;
const COMPLAINT = 16;
/** The first character of a Chinese entry of two or more characters ("希望", "克服"). */
const HAN_START = 32;
const TURN = 64;
const NEGATION = 128;
const CONTRAST = 256;
const REQUEST_PAIR_END = 512;
const MARKS = new Map<string, number>();
const markAll = (words: Iterable<string>, bit: number) => {
  for (const w of words) MARKS.set(w, (MARKS.get(w) ?? 0) | bit);
};
markAll(RELIEF, RELIEF_WORD);
markAll(RELIEF_SECOND, RELIEF_PAIR_END);
markAll(REQUESTING, REQUEST_WORD);
markAll(REQUESTING_FIRST, REQUEST_PAIR_START);
markAll(REQUESTING_SECOND, REQUEST_PAIR_END);
markAll(COMPLAINING, COMPLAINT);
markAll(TURNS, TURN);
markAll(NEGATIONS, NEGATION);
markAll(CONTRASTS, CONTRAST);
for (const w of [...RELIEF, ...REQUESTING]) if (/^[\u3400-\u9fff]{2,}$/.test(w)) markAll([w[0]!], HAN_START);
/** Bits readMarks reads: a word with any of them is remembered for it. */
const MARKED = RELIEF_WORD | RELIEF_PAIR_END | REQUEST_WORD | REQUEST_PAIR_START | REQUEST_PAIR_END | COMPLAINT | HAN_START | TURN;

const NO_MARKS = { complaining: null, requesting: null, relieved: null } as const;

/**
 * From the marked words alone: the clauses that complain or request, and the words that follow a
 * relief word ("helped me with…") in its clause, or come before a turn ("before I found…").
 */
function readMarks(words: readonly string[], clause: readonly number[], marked: readonly number[]) {
  let complaining: Set<number> | null = null;
  let requesting: Set<number> | null = null;
  let relieved: Uint8Array | null = null;
  const n = words.length;
  for (const i of marked) {
    const w = words[i]!;
    const bits = MARKS.get(w)!;
    const c = clause[i]!;
    if (bits & COMPLAINT) (complaining ??= new Set()).add(c);
    const next = i + 1 < n && clause[i + 1] === c ? words[i + 1]! : '';
    const prev = i > 0 && clause[i - 1] === c ? words[i - 1]! : '';
    let request =
      (bits & REQUEST_WORD) !== 0 ||
      ((bits & REQUEST_PAIR_START) !== 0 && next !== '' && REQUESTING_PAIRS.has(`${w} ${next}`)) ||
      ((bits & REQUEST_PAIR_END) !== 0 && prev !== '' && REQUESTING_PAIRS.has(`${prev} ${w}`));
    let relief = (bits & RELIEF_WORD) !== 0 || ((bits & RELIEF_PAIR_END) !== 0 && prev !== '' && RELIEF_PAIRS.has(`${prev} ${w}`));
    let end = i;
    if (bits & HAN_START) {
      let joined = w;
      for (let k = i + 1; k < n && k <= i + 3 && clause[k] === c; k++) {
        joined += words[k]!;
        if (REQUESTING.has(joined)) request = true;
        if (RELIEF.has(joined)) (relief = true), (end = k);
      }
    }
    if (bits & TURN) {
      // "before I found", "înainte să găsesc", "قبل ما ألاقي": a finding verb within five words.
      for (let k = i + 1; k < n && k <= i + 5 && clause[k] === c; k++) {
        if (!TURN_VERBS.has(words[k]!)) continue;
        relieved ??= new Uint8Array(n);
        for (let j = Math.max(0, i - TURN_REACH); j < i; j++) if (clause[j] === c) relieved[j] = 1;
        break;
      }
    }
    if (request) (requesting ??= new Set()).add(c);
    if (relief) {
      relieved ??= new Uint8Array(n);
      for (let j = end + 1; j < n && j <= end + RELIEF_REACH && clause[j] === c; j++) relieved[j] = 1;
    }
  }
  return { complaining, requesting, relieved };
}

/** Marks the words of each clause that asks (ends in "?", opens with a question word, or requests) without complaining; null when none does. */
function questions(
  words: readonly string[],
  clause: readonly number[],
  asked: Set<number> | undefined,
  requesting: Set<number> | null,
  complaining: Set<number> | null,
): Uint8Array | null {
  let marks: Uint8Array | null = null;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && clause[i - 1] === clause[i]) continue;
    const c = clause[i]!;
    const next = words[i + 1] ?? '';
    if (!requesting?.has(c) && !asked?.has(c) && !ASKING.has(words[i]!) && !ASKING.has(`${words[i]!} ${next}`) && !ASKING.has(words[i]! + next)) continue;
    if (complaining?.has(c)) continue;
    let j = i;
    while (j < words.length && clause[j] === c) j++;
    marks ??= new Uint8Array(words.length);
    marks.fill(1, i, j);
  }
  return marks;
}

/**
 * Splits a comment into lower-case words with clause numbers and negation marks. Chinese is
 * split into characters; `lang` (a tag such as "pl" or "pt-BR") picks the stemmer later, and is
 * guessed when absent or not one of the six.
 *
 * @example
 * tokenise("Staff weren't friendly, but the play was great").negated // 0,0,1,0,0,0,0,0
 * tokenise('等了三个月').words // ['等', '了', '三', '个', '月']
 */
export function tokenise(text: string, lang?: string): TokenisedText {
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
  let han = 0;
  let arabic = 0;
  let asked: Set<number> | undefined;
  let marked: number[] | undefined;
  const given = languageOf(lang);
  const reach = given && LONGER_REACH.has(given) ? NEGATION_REACH + 1 : NEGATION_REACH;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? lower.charCodeAt(i) : 32;
    // A Han character ends the word before it and is a word of its own.
    const isHanChar = code >= 0x3400 && i < n && isHan(code);
    if (isHanChar) han++;
    else if (isWordChar(code)) {
      if (code >= 0x0600 && isArabic(code)) arabic++;
      if (wordStart < 0) {
        wordStart = i;
        spanStart = i;
        word = '';
      }
      continue;
    } else if (wordStart >= 0 && isApostrophe(code) && i + 1 < n && isWordChar(lower.charCodeAt(i + 1))) {
      word += lower.slice(wordStart, i);
      wordStart = i + 1;
      continue;
    }
    // Up to two words end here: the one being read, and a Han character. Written inline rather
    // than as a closure over the counters, which would move them off the stack of the hot loop.
    for (let pass = 0; pass < 2; pass++) {
      let w: string;
      let from: number;
      let to: number;
      if (pass === 0) {
        if (wordStart < 0) continue;
        w = word + lower.slice(wordStart, i);
        from = spanStart;
        to = i;
        wordStart = -1;
      } else {
        if (!isHanChar) break;
        w = lower[i]!;
        from = i;
        to = i + 1;
      }
      // One lookup a word for everything the tokeniser asks of it; most words carry nothing.
      const bits = MARKS.get(w) ?? 0;
      if (bits & CONTRAST) {
        clauseNo++;
        negLeft = 0;
      }
      words.push(w);
      clause.push(clauseNo);
      if (bits & MARKED) (marked ??= []).push(words.length - 1);
      start.push(from);
      end.push(to);
      // Portuguese "no" is "em o" (in the): "fiz amigas no grupo" negates nothing.
      if (bits & NEGATION && !(given === 'pt' && w === 'no')) {
        negFlags.push(0);
        // A Chinese word is one character, so a negation there reaches further: "没觉得被评判".
        negLeft = pass === 1 ? HAN_REACH : reach;
      } else {
        negFlags.push(negLeft > 0 ? 1 : 0);
        // "never once made us feel like bad parents", "didn't get a single funny look": an
        // emphatic negation reaches to the end of its clause.
        if (negLeft > 0) negLeft = EMPHATIC.has(w) ? EMPHATIC_REACH : negLeft - 1;
      }
    }
    if (isHanChar) continue;
    if (isClauseEnd(code)) {
      if ((code === 63 || code === 0xff1f) && words.length > 0 && clause[clause.length - 1] === clauseNo) (asked ??= new Set()).add(clauseNo);
      if (words.length > 0 && clause[clause.length - 1] === clauseNo) clauseNo++;
      negLeft = 0;
    } else if (code === 44 || code === 58 || code === 0xff0c || code === 0x3001 || code === 0x060c) negLeft = 0;
  }
  const language = given ?? guessLanguage(lower, words, han, arabic);
  const { complaining, requesting, relieved } = marked ? readMarks(words, clause, marked) : NO_MARKS;
  const question = questions(words, clause, asked, requesting, complaining);
  return {
    words,
    clause,
    negated: Uint8Array.from(negFlags),
    start,
    end,
    lang: language,
    // Always both fields, so every comment has one shape and the hot loops stay monomorphic.
    question: question ?? undefined,
    relieved: relieved ?? undefined,
  };
}

const stemCaches: Record<Language, Map<string, string>> = { en: new Map(), pl: new Map(), ro: new Map(), zh: new Map(), pt: new Map(), ar: new Map() };
/** Bounded so a long-running server tagging free text cannot grow the cache without limit. */
const STEM_CACHE_LIMIT = 100_000;

// Polish, Romanian and Portuguese stems carry their language: Latin-script stems of different
// languages collide ("mamy", Polish for "we have", and Portuguese "mama" both stem to "mam").
function stemUncached(word: string, lang: Language): string {
  switch (lang) {
    case 'pt':
      return 'pt:' + (/^[a-z]+$/.test((word = foldDiacritics(word))) ? PorterStemmerPt.stem(word) : word);
    case 'pl':
      return 'pl:' + stemPolish(word);
    case 'ro':
      return 'ro:' + stemRomanian(word);
    case 'ar':
      return stemArabic(word);
    case 'zh':
      return word;
    default:
      // Numbers and non-Latin words pass through; the Porter rules only make sense for English.
      return /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
  }
}

/**
 * Stems a word of the given language (English by default): Porter for English, natural's Porter
 * for Portuguese, light suffix stripping for Polish, Romanian and Arabic (natural has no stemmer
 * for them), none for Chinese characters. Memoised: feedback reuses a small vocabulary heavily.
 *
 * @example
 * stem('waiting') // 'wait'
 * stem('esperando', 'pt') // 'pt:esper'
 */
export function stem(word: string, lang: Language = 'en'): string {
  const cache = stemCaches[lang];
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = stemUncached(word, lang);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, s);
  return s;
}
