/**
 * Safeguarding: finds comments that may disclose harm, in every language the form offers, so they
 * reach a safeguarding lead at once. Concept lists are data (safeguarding/*.json) a council can
 * extend: who × what × to whom, matched across nearby words. Recall matters far more than
 * precision; look-alike idioms ("a lifesaver", "killing time") are blanked out before matching and
 * subject words ("neglect") in a general remark are not counted. A learned model
 * (safeguarding-model.ts) is OR'd with the lists for the phrasings nobody wrote a pattern for. See
 * SAFEGUARDING.md for its out-of-fold figures and what this cannot catch.
 */
import ar from './safeguarding/ar.json' with { type: 'json' };
import en from './safeguarding/en.json' with { type: 'json' };
import pl from './safeguarding/pl.json' with { type: 'json' };
import pt from './safeguarding/pt.json' with { type: 'json' };
import ro from './safeguarding/ro.json' with { type: 'json' };
import zh from './safeguarding/zh.json' with { type: 'json' };
import modelJson from './safeguarding/model.json' with { type: 'json' };
import { loadSafeguardingModel, scoreSafeguardingModel, type SafeguardingModel } from './safeguarding-model';

export const SAFEGUARDING_CATEGORIES = ['child-harm', 'domestic-abuse', 'self-harm-suicide', 'neglect', 'sexual-abuse-exploitation', 'homelessness'] as const;
export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number];

/** One language's phrase lists, as in safeguarding/en.json. */
export interface SafeguardingLexicon {
  language: string;
  name?: string;
  /** False for scripts without spaces (Chinese) or with attached prefixes (Arabic): match anywhere. */
  wordBoundaries: boolean;
  macros?: Record<string, string>;
  /** Disclosures: concepts (who, what, to whom) matched across nearby words. */
  categories: Partial<Record<SafeguardingCategory, string[]>>;
  /**
   * Words that name a subject as well as disclose it ("domestic abuse", "neglect", "bruises"):
   * they count only in a sentence with no general marker, so a leaflet or a talk is not an alert.
   */
  topics?: Partial<Record<SafeguardingCategory, string[]>>;
  /** Marks a sentence as a general remark, a service or an accident ("awareness session", "the news", "fell over"). */
  generalMarkers?: string[];
  lookAlikes?: string[];
  /** Phrases that put a disclosure in the past ("helped me leave", "my ex"). */
  pastMarkers?: string[];
  /** Phrases that keep it present even so ("still", "again"). */
  presentMarkers?: string[];
  /**
   * A sentence told in the past tense ("I was homeless", "I had thoughts of suicide"), and words
   * that put a sentence in the present however it is told ("is", "has", "can't", "on Saturday").
   * In a long answer, a harm told in the past with the story over by the end ("…we're in a
   * lovely house now") is not a disclosure: panel and survey answers tell whole stories.
   */
  pastTenseMarkers?: string[];
  presentTenseMarkers?: string[];
  /**
   * Phrases saying a past harm is over and the family is safe now ("safe now", "moved on", "we
   * have our own place now"): a match read as past, in a comment with one of these, is not a
   * disclosure. A present marker ("he still…") keeps it one.
   */
  resolvedMarkers?: string[];
  /**
   * Where the words say a story was seen or heard, not lived: the news, a documentary, a film, an
   * article ("I saw on the news about a child who was neglected"). A sentence with one, and with
   * none of `personalMarkers` (the family's own: "my", "our", "me"), is a general remark.
   */
  reportedMarkers?: string[];
  /** Words that tie a sentence to the writer's own family ("my", "our", "me", "us"). */
  personalMarkers?: string[];
  /**
   * A professional writing in their own voice: "as a health visitor", "in my job", "on my
   * caseload". In such a comment a subject word ("neglect", "exploited") names the work, not a
   * child, unless its sentence points at one person (`anchorMarkers`): a health visitor's "words
   * like neglect frighten families" is not an alert, "one of my mindees is being neglected" is.
   */
  voiceMarkers?: string[];
  /** Words that point at one person rather than people in general: "he", "her", "one of my", "a little girl". */
  anchorMarkers?: string[];
  /**
   * People in general, in the plural ("many families", "young people", "our members"). In a
   * professional's voice, a sentence about them with no anchor describes the work even where its
   * words are a disclosure's: a school nurse's "every week I see young people talking about wanting
   * to die" is a caseload, not a child.
   */
  groupMarkers?: string[];
  /**
   * A question someone put to the family, with the words it asks about: "the health visitor asked
   * me if I ever feel like harming myself". Each pattern takes in the question's own words and
   * stops before the answer ("I said…", "but…"). In a comment whose answer is no
   * (`answeredNoMarkers`), those words are not the family's own and are read as blank.
   */
  askedMarkers?: string[];
  /**
   * An answer of no to such a question, not taken back: "I said no", "I'm fine", "我说没有". A
   * pattern must not match "I said no because he was in the room": the answer then stands for
   * nothing, and the question's words are read as they are.
   */
  answeredNoMarkers?: string[];
  /** Words that take an answer of no back: "I lied", "he was in the room", "he does though". */
  takenBackMarkers?: string[];
  /**
   * Signs a comment may be in this language: an expression for its own letters (ą, ș, ã…) or
   * spellings, tested on the lower-cased comment, and common words that
   * other languages rarely use. When given, the lexicon's disclosures and topics are matched only
   * on comments showing a sign: an English comment need not pay for the Polish patterns. Leave it
   * out (as English does) to match on every comment. Markers are always read.
   */
  signs?: { letters?: string; words?: string[] };
}

export interface SafeguardingMatch {
  category: SafeguardingCategory;
  language: string;
  /** The matched words, lower-cased and without accents; for the model, "model score 0.42". */
  phrase: string;
  /** Set only when the learned second stage flagged what no phrase list matched. */
  source?: 'model';
  /** True when the sentence reads as harm the family has left behind. */
  past: boolean;
}

export interface SafeguardingResult {
  flagged: boolean;
  categories: SafeguardingCategory[];
  /** 'immediate' for any present risk; 'priority' when every match reads as past. */
  urgency: 'immediate' | 'priority' | null;
  matches: SafeguardingMatch[];
}

export const DEFAULT_SAFEGUARDING_LEXICONS: readonly SafeguardingLexicon[] = [en, pl, ro, pt, zh, ar] as SafeguardingLexicon[];

/**
 * Folds case, accents and Arabic letter variants so "Mój mąż" matches "moj maz" and أ matches ا;
 * families often type without accents on an English keyboard.
 */
export function foldLetters(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/ـ/g, '');
}

/**
 * Text as the phrase lists see it: folded letters, apostrophes dropped, punctuation as one space.
 * "we're" becomes "we are" first, or it would read as the past "were".
 */
export function normaliseForMatching(text: string): string {
  const folded = foldLetters(text)
    .replace(/['’`]re(?![\p{L}])/gu, ' are')
    .replace(/['’`]/g, '');
  return ' ' + folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim() + ' ';
}

/** One regular expression over some (language, category) pattern lists, one capture group each. */
interface CompiledChunk {
  regex: RegExp;
  slots: { language: string; category: SafeguardingCategory }[];
  /** Topics count only in a sentence without a general marker, and one is enough to know that. */
  topic: boolean;
  /** The chunk runs only when the comment shows a sign of its language (null: always). */
  gate: LanguageGate | null;
}

interface LanguageGate {
  /** Tested on the lower-cased original comment: the language's own letters, hyphenated clitics. */
  letters: RegExp | null;
  /** Tested on the normalised comment. */
  words: RegExp | null;
}

interface CompiledGroup {
  chunks: CompiledChunk[];
  lookAlikes: Markers | null;
  general: Markers | null;
  past: Markers | null;
  present: Markers | null;
  pastTense: Markers | null;
  presentTense: Markers | null;
  resolved: Markers | null;
  reported: Markers | null;
  personal: Markers | null;
  voice: Markers | null;
  anchor: Markers | null;
  group: Markers | null;
  asked: Markers | null;
  answeredNo: Markers | null;
  takenBack: Markers | null;
  /** Only scanned when the text holds this script (Chinese, Arabic); null means always. */
  script: RegExp | null;
}

export interface SafeguardingDetector {
  groups: readonly CompiledGroup[];
  /** The learned second stage, OR'd with the patterns; null for patterns alone. */
  model: SafeguardingModel | null;
}

function expand(pattern: string, macros: Record<string, string> = {}): string {
  // Macros may use macros ({childRef} uses {child}); a few rounds cover any sensible nesting.
  let withMacros = pattern;
  for (let round = 0; round < 5 && /\{[a-zA-Z]\w*\}/.test(withMacros); round++) {
    withMacros = withMacros.replace(/\{([a-zA-Z]\w*)\}/g, (whole, name: string) => macros[name] ?? whole);
  }
  // Capture groups in council-written patterns would shift our category slots: make them plain.
  return (
    foldLetters(withMacros)
      .replace(/\\([pP])\{(\w+)\}/g, (_, p: string, name: string) => `\\${p.toLowerCase() === 'p' ? 'p' : 'P'}{${name.toUpperCase()}}`)
      .replace(/(?<!\\)\((?!\?)/g, '(?:')
      // Normalised text is letters and digits between single spaces, so "a letter" is "not a space":
      // a plain class lets the expression run without the Unicode flag, several times faster.
      .replace(/\[(?:\\p\{[LN]\})+\]|\\p\{L\}|\[\^ \]/g, '[^ |]')
      .replace(/\\p\{N\}/g, '[0-9\u0660-\u0669\u06f0-\u06f9]')
  );
}

/** The Unicode flag only where a pattern still needs it (a council's own \p{...} class). */
const flagsFor = (source: string, global: boolean) => (global ? 'g' : '') + (/\\[pP]\{/.test(source) ? 'u' : '');

// Normalised text starts with a space and has one between words, so a word starts after a space;
// a literal space in front lets the engine skip ahead to the next space between attempts.
const WORD_START = ' ';

function alternation(patterns: string[], bounded: boolean): string {
  const lead = bounded ? WORD_START : '';
  return patterns.map((p) => `${lead}(?:${p})`).join('|');
}

/**
 * One marker list of a group, compiled in pieces under `CHUNK_SOURCE_LIMIT` like the patterns:
 * the Latin-script look-alikes alone grew past 20 KB, where V8 stops compiling an expression to
 * machine code, and blanking them took a third of the detector's time.
 */
class Markers {
  constructor(private readonly pieces: readonly RegExp[]) {}

  test(text: string): boolean {
    for (const piece of this.pieces) {
      piece.lastIndex = 0;
      if (piece.test(text)) return true;
    }
    return false;
  }

  /** Where the markers are, as [start, end) pairs; the pieces must be compiled global. */
  spans(text: string): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    for (const piece of this.pieces) {
      piece.lastIndex = 0;
      let found: RegExpExecArray | null;
      while ((found = piece.exec(text))) {
        if (found[0] === '') piece.lastIndex++;
        else spans.push([found.index, found.index + found[0].length]);
      }
    }
    return spans;
  }

  /**
   * The text with every marker blanked to spaces of its length, so positions hold. Each piece
   * reads the text as written: blanking one piece's markers before the next piece looked would
   * make a list's order matter ("we both have it on" blanked first hid "tracks my location… we
   * both have it on" from the look-alike that spans it). The pieces must be compiled global, as for `spans`.
   */
  blank(text: string): string {
    let out = text;
    for (const [from, to] of this.spans(text)) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
    return out;
  }
}

function compileMarkers(lexicons: readonly SafeguardingLexicon[], pick: (l: SafeguardingLexicon) => string[] | undefined, global: boolean): Markers | null {
  const allBounded = lexicons.every((l) => l.wordBoundaries);
  const pieces: RegExp[] = [];
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const source = allBounded ? `${WORD_START}(?:${parts.join('|')})` : parts.join('|');
    pieces.push(new RegExp(source, flagsFor(source, global)));
    parts = [];
    size = 0;
  };
  for (const l of lexicons) {
    for (const pattern of pick(l) ?? []) {
      const part = alternation([expand(pattern, l.macros)], l.wordBoundaries && !allBounded);
      if (size + part.length > CHUNK_SOURCE_LIMIT) flush();
      parts.push(part);
      size += part.length + 1;
    }
  }
  flush();
  return pieces.length ? new Markers(pieces) : null;
}

/**
 * Compiles phrase lists into a detector; pass the defaults plus a council's own lists to extend.
 *
 * @example
 * const detector = compileSafeguarding([...DEFAULT_SAFEGUARDING_LEXICONS, councilExtras]);
 */
export function compileSafeguarding(lexicons: readonly SafeguardingLexicon[], model: SafeguardingModel | null = null): SafeguardingDetector {
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const arabic = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
  const scriptOf = (l: SafeguardingLexicon): RegExp | null => (l.language === 'zh' ? cjk : l.language === 'ar' ? arabic : null);
  const buckets = new Map<RegExp | null, SafeguardingLexicon[]>();
  for (const l of lexicons) {
    const key = scriptOf(l);
    buckets.set(key, [...(buckets.get(key) ?? []), l]);
  }
  const groups = [...buckets].map(([script, members]): CompiledGroup => {
    return {
      chunks: [...compileChunks(members, false), ...compileChunks(members, true)],
      lookAlikes: compileMarkers(members, (l) => l.lookAlikes, true),
      general: compileMarkers(members, (l) => l.generalMarkers, false),
      past: compileMarkers(members, (l) => l.pastMarkers, false),
      present: compileMarkers(members, (l) => l.presentMarkers, true),
      pastTense: compileMarkers(members, (l) => l.pastTenseMarkers, false),
      presentTense: compileMarkers(members, (l) => l.presentTenseMarkers, false),
      // A present marker inside one does not count: the "now" of "we are safe now".
      resolved: compileMarkers(members, (l) => l.resolvedMarkers, true),
      reported: compileMarkers(members, (l) => l.reportedMarkers, false),
      personal: compileMarkers(members, (l) => l.personalMarkers, false),
      voice: compileMarkers(members, (l) => l.voiceMarkers, false),
      anchor: compileMarkers(members, (l) => l.anchorMarkers, false),
      group: compileMarkers(members, (l) => l.groupMarkers, false),
      asked: compileMarkers(members, (l) => l.askedMarkers, true),
      answeredNo: compileMarkers(members, (l) => l.answeredNoMarkers, false),
      takenBack: compileMarkers(members, (l) => l.takenBackMarkers, false),
      script,
    };
  });
  return { groups, model };
}

/**
 * V8 stops optimising a regular expression whose source passes 20 KB: one expression holding every
 * pattern ran 200 times slower than the same patterns in pieces. Chunks stay under this size.
 */
const CHUNK_SOURCE_LIMIT = 16_000;

function gateOf(l: SafeguardingLexicon): LanguageGate | null {
  if (!l.signs) return null;
  const words = (l.signs.words ?? []).map((w) => foldLetters(w));
  return {
    letters: l.signs.letters ? new RegExp(l.signs.letters) : null,
    words: words.length ? new RegExp(`${WORD_START}(?:${words.join('|')}) `) : null,
  };
}

function compileChunks(lexicons: readonly SafeguardingLexicon[], topic: boolean): CompiledChunk[] {
  const chunks: CompiledChunk[] = [];
  let parts: string[] = [];
  let slots: CompiledChunk['slots'] = [];
  let size = 0;
  let gate: LanguageGate | null = null;
  const flush = () => {
    if (parts.length) chunks.push({ regex: new RegExp(parts.join('|'), flagsFor(parts.join('|'), true)), slots, topic, gate });
    parts = [];
    slots = [];
    size = 0;
  };
  for (const l of lexicons) {
    // A gated language gets chunks of its own, so they can be skipped whole.
    const lexiconGate = gateOf(l);
    if (lexiconGate || gate) flush();
    gate = lexiconGate;
    for (const category of SAFEGUARDING_CATEGORIES) {
      const list = ((topic ? l.topics : l.categories)?.[category] ?? []).map((p) => expand(p, l.macros));
      for (const pattern of list) {
        const part = `(${alternation([pattern], l.wordBoundaries)})`;
        if (size + part.length > CHUNK_SOURCE_LIMIT) flush();
        // Neighbouring patterns of one (language, category) share a capture group.
        const last = slots[slots.length - 1];
        if (last && last.language === l.language && last.category === category && parts.length) {
          parts[parts.length - 1] = `${parts[parts.length - 1]!.slice(0, -1)}|${part.slice(1)}`;
        } else {
          parts.push(part);
          slots.push({ language: l.language, category });
        }
        size += part.length + 1;
      }
    }
  }
  flush();
  return chunks;
}

/** The shipped model, rebuilt by `hubvoice safeguarding train` (SAFEGUARDING.md). */
export const DEFAULT_SAFEGUARDING_MODEL: SafeguardingModel = loadSafeguardingModel(modelJson);

/** Phrase lists alone: what the model is trained to add to, and a baseline to measure against. */
export const PATTERNS_ONLY_DETECTOR = compileSafeguarding(DEFAULT_SAFEGUARDING_LEXICONS);

// The same compiled expressions: V8 compiles each on first use, and that is most of the start-up cost.
const defaultDetector: SafeguardingDetector = { groups: PATTERNS_ONLY_DETECTOR.groups, model: DEFAULT_SAFEGUARDING_MODEL };

/**
 * The whole comment normalised once, with " | " between sentences. Patterns cannot cross a "|"
 * (a letter is "[^ |]"), and past/present markers are read in the sentence of each match:
 * "I left him years ago. He still texts me" is two readings.
 */
export function normaliseComment(text: string): string {
  // Most comments are plain ASCII: lower-casing is all the folding they need, and NFKD is costly.
  const folded = (/^\p{ASCII}*$/u.test(text) ? text.toLowerCase() : foldLetters(text)).replace(/['’`]re(?![\p{L}])/gu, ' are').replace(/['’`]/g, '');
  return (
    ' ' +
    folded
      .replace(/[.!?。！？؟\n]+/g, ' | ')
      .replace(/[^\p{L}\p{N}|]+/gu, ' ')
      .trim() +
    ' '
  );
}

/**
 * The comment as the model reads it, or null where the model may not flag it. Look-alike idioms
 * are blanked as for the patterns ("dying to come back" is not about dying). A sentence that names
 * a subject in a general remark (a leaflet, a session, the news) with nothing of the writer's own
 * in it is blanked too: the model reads words, not their frame, so "leaflets about self-harm"
 * scores like a disclosure. The rest of the comment is still read: families often speak up
 * because of a session ("Loved the relationships talk. Is it normal if he tracks my phone?").
 */
export function modelView(text: string, detector: SafeguardingDetector = defaultDetector): string | null {
  return viewOf(
    normaliseComment(text),
    detector.groups.filter((g) => !g.script || g.script.test(text)),
  );
}

/**
 * `modelView` on a comment already normalised, with the groups whose script it holds. Tagging has
 * blanked the look-alikes of a comment in one script already (`blanked`): blanking is kept here
 * instead of being done twice. Neither a look-alike nor a general sentence crosses a " | ", and
 * both only turn letters into spaces, so the order they are blanked in does not change the view.
 */
function viewOf(normal: string, groups: readonly CompiledGroup[], blanked?: string): string | null {
  const personal = (sentence: string) => groups.some((g) => g.personal?.test(sentence));
  const general: Array<[number, number]> = [];
  normal = normal.replace(/[^|]+/g, (sentence, at: number) => {
    if (!groups.some((g) => g.general?.test(sentence)) || personal(sentence)) return sentence;
    general.push([at, at + sentence.length]);
    return ' '.repeat(sentence.length);
  });
  const before = size(normal);
  if (blanked !== undefined && groups.length === 1 && blanked.length === normal.length) {
    const g = groups[0]!;
    if (g.reported?.test(normal) && !g.personal?.test(normal)) return null;
    normal = general.reduce((view, [from, to]) => view.slice(0, from) + ' '.repeat(to - from) + view.slice(to), blanked);
  } else {
    const whole = normal;
    for (const g of groups) {
      if (g.reported?.test(normal) && !g.personal?.test(normal)) return null;
      normal = blankQuestion(g, g.lookAlikes ? g.lookAlikes.blank(normal) : normal, groups, whole);
    }
  }
  // A few words are too little for a bag of words: what is left of "the kids had a smashing time"
  // once the idiom is blanked scored like neglect. Short disclosures are the patterns' to catch.
  // Nor is what is left of a comment that was mostly a look-alike: "my sister punched me… so I
  // punched her back" leaves "my… mum made us say sorry", which scored like homelessness.
  const after = size(normal);
  return after >= MIN_MODEL_WORDS && after * 2 >= before ? normal : null;
}

/** The model reads a comment only when this many words are left once look-alikes are blanked. */
const MIN_MODEL_WORDS = 5;

/** Words in normalised text; Chinese has no spaces, so there about two characters make a word. */
function size(normal: string): number {
  const words = normal.match(/[^ |]+/g)?.length ?? 0;
  const hanzi = normal.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return Math.max(words, hanzi / 2);
}

/**
 * A present marker keeps a past harm present ("he still texts"), but not one that is the "now" of
 * a resolution: "teraz od dawna jestem bezpieczna" (now, for a long time, I am safe) is over.
 */
function present(g: CompiledGroup, sentence: string): boolean {
  if (!g.present?.test(sentence)) return false;
  const resolutions = g.resolved?.spans(sentence) ?? [];
  if (resolutions.length === 0) return true;
  return g.present.spans(sentence).some(([from, to]) => !resolutions.some(([start, end]) => from < end && to > start));
}

/** Words a comment needs before it is read as a long answer that may tell a whole story. */
const LONG_ANSWER_WORDS = 50;

/**
 * A harm told in the past tense in a long answer ("I was a young mum and I was homeless, sofa
 * surfing with my baby"), with a resolution in a later sentence ("we're in a lovely house") and
 * nothing present after it outside a resolution: the story is over. A sentence in the present,
 * or with a recent day ("on Saturday"), stays a disclosure, as does any short comment.
 * `endings` is `storyEndings(g, text)`, asked for only when the sentence could be such a story.
 */
function toldAsOver(g: CompiledGroup, text: string, long: () => boolean, sentence: string, at: number, endings: () => Map<number, boolean>): boolean {
  if (!g.pastTense || !g.resolved || !g.pastTense.test(sentence) || g.presentTense?.test(sentence) || present(g, sentence)) return false;
  if (!long()) return false;
  const end = text.indexOf('|', at);
  return end >= 0 && endings().get(end) === true;
}

/**
 * For each " | " of a comment, whether the sentences after it end its story: one of them
 * resolves it and none that does not is in the present. Worked out once, from the last sentence
 * back, so a long answer of many sentences costs one look at each, not one per match.
 */
function storyEndings(g: CompiledGroup, text: string): Map<number, boolean> {
  const endings = new Map<number, boolean>();
  let resolved = false;
  let stillPresent = false;
  let end = text.length;
  for (let bar = text.lastIndexOf('|'); bar > 0; end = bar, bar = text.lastIndexOf('|', bar - 1)) {
    const later = text.slice(bar + 1, end);
    if (g.resolved?.test(later)) resolved = true;
    else if (present(g, later)) stillPresent = true;
    endings.set(bar, resolved && !stillPresent);
  }
  return endings;
}

/**
 * A question put to the family ("the midwife asked if I have thoughts of harming myself"), blanked
 * when the comment answers no and does not take it back: the words were the asker's. Any other
 * sentence, or words after the answer ("…I said no but he does hit me"), is read as it is.
 */
function blankQuestion(g: CompiledGroup, text: string, groups: readonly CompiledGroup[], normal: string): string {
  // Few comments hold a question, so the answer is only looked for when one does.
  if (!g.asked?.test(normal)) return text;
  const answeredNo = groups.some((other) => other.answeredNo?.test(normal)) && !groups.some((other) => other.takenBack?.test(normal));
  return answeredNo ? g.asked.blank(text) : text;
}

/** What one sentence of a comment holds, for one group: each asked the first time a match needs it. */
interface Sentence {
  cleaned?: string;
  written?: string;
  general?: boolean;
  aboutPeople?: boolean;
  reported?: boolean;
  past?: boolean;
  over?: boolean;
}

/**
 * Flags a comment that may disclose harm to a child, domestic abuse, self-harm or suicide risk,
 * neglect, sexual abuse or exploitation, or a family homeless tonight or about to be, in English,
 * Polish, Romanian, Portuguese, Chinese or Arabic. Every language is always checked, whatever
 * `lang` says: families mix languages.
 *
 * @example
 * detectSafeguarding('my partner hits me').urgency // 'immediate'
 * detectSafeguarding('they helped me leave a violent relationship').urgency // 'priority'
 * detectSafeguarding('the domestic abuse awareness session was good').flagged // false
 */
export function detectSafeguarding(text: string, _lang?: string, detector: SafeguardingDetector = defaultDetector): SafeguardingResult {
  const matches: SafeguardingMatch[] = [];
  let normal: string | null = null;
  // Every script the comment is written in: a general remark or a story from the news is read in
  // any of its languages ("شفت وثائقي عن county lines" is a documentary, said in Arabic).
  const scanned = detector.groups.filter((g) => !g.script || g.script.test(text));
  const general = (sentence: string) => scanned.some((g) => g.general?.test(sentence));
  const reported = (sentence: string) => scanned.some((g) => g.reported?.test(sentence)) && !scanned.some((g) => g.personal?.test(sentence));
  // Whether the comment is in a professional's voice: asked once, and only when a pattern matched.
  let voice: boolean | undefined;
  const aboutTheWork = (sentence: string) => {
    voice ??= scanned.some((g) => g.voice?.test(normal!));
    return voice && !scanned.some((g) => g.anchor?.test(sentence));
  };
  let blanked: string | undefined;
  for (const g of scanned) {
    normal ??= normaliseComment(text);
    const cleaned = blankQuestion(g, g.lookAlikes ? g.lookAlikes.blank(normal) : normal, scanned, normal);
    // Whether this is a long answer, counted once and only when a match may tell a story that is over.
    let words: number | undefined;
    const long = () => (words ??= size(cleaned)) >= LONG_ANSWER_WORDS;
    blanked = cleaned;
    let endings: Map<number, boolean> | undefined;
    let resolvedComment: boolean | undefined;
    const storyEnds = () => (endings ??= storyEndings(g, cleaned));
    // What a sentence holds is asked once however many matches it has: a 5,000-character comment
    // of one repeated phrase is one sentence with a thousand matches.
    const sentences = new Map<number, Sentence>();
    let lower: string | null = null;
    for (const chunk of g.chunks) {
      if (chunk.gate) {
        lower ??= text.toLowerCase();
        const { letters, words } = chunk.gate;
        if (!letters?.test(lower) && !words?.test(normal)) continue;
      }
      chunk.regex.lastIndex = 0;
      let found: RegExpExecArray | null;
      while ((found = chunk.regex.exec(cleaned))) {
        if (found[0] === '') {
          chunk.regex.lastIndex++;
          continue;
        }
        // The sentence around the match, to its " | " (blanking keeps every position, so the
        // same stretch of the comment as written is the sentence the family wrote).
        const from = cleaned.lastIndexOf('|', found.index) + 1;
        const bar = cleaned.indexOf('|', found.index + found[0].length);
        const to = bar < 0 ? cleaned.length : bar + 1;
        const key = from * (cleaned.length + 1) + to;
        let known = sentences.get(key);
        if (!known) sentences.set(key, (known = {}));
        const sentence = (known.cleaned ??= cleaned.slice(from, to));
        // A subject word is general in a sentence with a general marker, read as the family wrote
        // it: a look-alike blanked from "documentary on the BBC…" cannot make a remark less general.
        // (Carrying a general marker on to the sentences after it was tried: "since the poster at
        // toddler group… you hear him screaming at the kids next door" then lost its child-harm reading.)
        // In a professional's voice, a subject word names the work, and so does any match in a sentence
        // about people in general ("many of our members are hit…"), unless it points at one person.
        const written = (known.written ??= normal.slice(from, to));
        if (chunk.topic && (known.general ??= general(written) || aboutTheWork(written))) continue;
        if (!chunk.topic && (known.aboutPeople ??= aboutTheWork(written) && scanned.some((g) => g.group?.test(written)))) continue;
        // A story from the news or a film, told with nothing of the writer's own family in it.
        if ((known.reported ??= reported(sentence))) continue;
        const s = chunk.slots[found.findIndex((v, i) => i > 0 && v !== undefined) - 1];
        if (!s) continue;
        // Any present-tense marker wins over a past one: "he still hits me even though I left".
        const past = (known.past ??= !!g.past?.test(sentence) && !present(g, sentence));
        // Homelessness is a crisis tonight or soon; a family that was homeless and is housed now is not one.
        if (past && s.category === 'homelessness') continue;
        // A past harm the comment says is over ("years ago… we are safe now") is not a disclosure.
        if (past && (resolvedComment ??= !!g.resolved?.test(cleaned))) continue;
        // Nor, in a long answer, a harm told in the past tense that the story ends by resolving.
        if (!past && (known.over ??= toldAsOver(g, cleaned, long, sentence, found.index, storyEnds))) continue;
        matches.push({ category: s.category, language: s.language, phrase: found[0].trim(), past });
      }
    }
  }
  // The model is asked only when no pattern fired: the patterns' category and phrase say more.
  const view = matches.length === 0 && detector.model ? viewOf(normal ?? normaliseComment(text), scanned, blanked) : null;
  if (view !== null && detector.model) {
    const { category, score } = scoreSafeguardingModel(detector.model, view);
    if (score >= detector.model.threshold) {
      normal ??= normaliseComment(text);
      const past = scanned.some((g) => g.past?.test(normal!)) && !scanned.some((g) => present(g, normal!));
      const resolved = past && scanned.some((g) => g.resolved?.test(normal!));
      if (!(past && category === 'homelessness') && !resolved) {
        matches.push({ category, language: _lang ?? 'unknown', phrase: `model score ${score.toFixed(2)}`, past, source: 'model' });
      }
    }
  }
  const categories = SAFEGUARDING_CATEGORIES.filter((c) => matches.some((m) => m.category === c));
  const flagged = matches.length > 0;
  return { flagged, categories, urgency: !flagged ? null : matches.every((m) => m.past) ? 'priority' : 'immediate', matches };
}
