/**
 * The word lists name redaction decides with, as Sets built once at load: a lookup per word keeps
 * redaction cheap enough to run on every comment tagged.
 */
import common from './common-words.json' with { type: 'json' };
import firstNames from './first-names.json' with { type: 'json' };

const words = (lists: Record<string, string>, skip = 'about') =>
  Object.entries(lists)
    .filter(([key]) => key !== skip)
    .flatMap(([, list]) => list.toLowerCase().split(/\s+/))
    .filter(Boolean);

/** Lower-case words that are not names even when capitalised. */
export const COMMON_WORDS: Set<string> = new Set(words(common));

/** A common word, or the plural of one ("Fridays", "Groups"). */
export const isCommonWord = (lower: string): boolean =>
  COMMON_WORDS.has(lower) || (lower.length > 4 && lower.endsWith('s') && COMMON_WORDS.has(lower.slice(0, -1)));

const { ambiguous, ...unambiguous } = firstNames;
const ambiguousNames = new Set(ambiguous.toLowerCase().split(/\s+/));

/** First names that are also ordinary words (here or in COMMON_WORDS): taken only after a cue. */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set([...ambiguousNames, ...words(unambiguous).filter((name) => COMMON_WORDS.has(name))]);

/** First names that are names wherever they stand, in any case. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(words(unambiguous).filter((name) => !AMBIGUOUS_NAMES.has(name)));

const set = (list: string) => new Set(list.split(' '));
/** The cue words below are no names either: "Mother", "District" and "Nurse" start sentences. */
const alsoCommon = (cues: Set<string>) => {
  for (const word of cues) COMMON_WORDS.add(word);
  return cues;
};

/**
 * Words after which the next word is a person's name if it looks like one. Kin words ("son",
 * "partner") count only after a possessive ("my 3 year old son"), since "Baby Bounce" is a group.
 */
export const KIN = alsoCommon(
  set(
    'son sons daughter daughters boy boys girl girls baby babies child children kid kids twins toddler lo ds dd dh eldest oldest youngest middle grandson granddaughter grandaughter grandchildren grandkids husband hubby wife partner fiance fiancé fiancee fiancée boyfriend girlfriend ex mum mom mam mummy mother dad daddy father sister brother sis bro stepson stepdaughter stepdad stepmum nan nanny nana gran granny grandma grandmother grandad granddad grandpa grandfather aunt auntie aunty uncle cousin niece nephew friend friends neighbour neighbor bestie mate',
  ),
);
/** Last words of "my name is", "I'm called", "nazywam się", "mă numesc", "chamo-me" and the like. */
export const NAME_IS = set('is imię imie się sie numesc este é e chamo chamo-me called named');
export const POSSESSIVES = set('my our his her their your me mine');
/** Kin words in the families' other languages carry their own possessive or need none. */
export const FOREIGN_KIN = alsoCommon(
  set(
    'syn synek syna synka synem synkiem synkowi córkę córką córce córeczkę wnuczka wnuczkę wnuczki wnuczką wnuczce wnuk wnuka wnukiem wnuczek wnuczka córka corka córeczka coreczka córki mąż maz męża meza żona zona partnerka brat siostra babcia dziadek przyjaciółka przyjaciolka sąsiadka sasiadka fiul fiica fiicei băiatul baiatul fetița fetita fetiţa soțul sotul soţul soția sotia soţia copilul fratele sora bunica prietena filho filha marido esposa companheiro companheira neto neta menino menina irmão irmao irmã irma avó avô avo tia tio sogra ex-marido ex-mulher ex-companheiro ex-companheira ex-namorado enteado enteada sobrinho sobrinha afilhado afilhada pasierb pasierba pasierbica bratanek bratanica siostrzeniec siostrzenica kuzyn kuzynka nepotul nepoata partener partenerul bunicul mătușa matusa ciocia wujek teściowa tesciowa tata tato mama mamusia',
  ),
);
/** "Doctor" and "nurse" in Polish, Romanian and Portuguese, in the forms that stand before a name. */
export const DOCTOR_AND_NURSE: readonly string[] = [
  ...'doktor doktora doktorowi doktorem doktorze doktorka doktorki doktorce doktorką pielęgniarka pielegniarka pielęgniarki pielęgniarce'.split(' '),
  ...'doctorul doctorului doctorița doctorita doctoriței doctoritei'.split(' '),
  ...'doutora doutor dra enfermeira enfermeiro'.split(' '),
];
/** Clergy before a name ("Rev. Morris", "Pastor Kemi"): the titles, and those that are also words. */
export const CLERGY_TITLES: readonly string[] = ['rev', 'revd', 'reverend'];
export const CLERGY_WORDS: readonly string[] = ['pastor', 'imam', 'vicar', 'rabbi', 'father'];
/** Titles and staff roles that come right before a name ("Mrs Patel", "health visitor Jo"). */
export const TITLES = alsoCommon(
  set(
    'mrs mr ms mx miss dr doctor nurse facilitator host sister auntie aunty uncle pani pan panią pania pana panem panu doamna doamnei domnul domnului dna dl familiei familia rodziny rodzina família educatoarea educatoare voluntara voluntarul senhora sra sr dona dom visitor hv midwife worker therapist practitioner manager receptionist volunteer teacher lady man coordinator officer advisor adviser mentor counsellor caretaker librarian instructor signed asistenta asistentă educadora położna polozna professora intérprete interprete interpreter translator tłumaczka tłumacz ' +
      [...DOCTOR_AND_NURSE, ...CLERGY_TITLES, ...CLERGY_WORDS].join(' '),
  ),
);
/** A word without its accents, as families often type it: "Zé" → "ze", "João" → "joao". */
export const foldAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Titles so strong that a lower-case unknown word after them is taken ("mrs patel"). */
export const STRONG_TITLES = set('mrs mr ms mx dr doamna domnul sra signed');
/** Thanks and the like, after which a capitalised or known first name is a person. */
export const THANKS = set(
  'thanks thank thankyou thanx thx ty cheers to shoutout dziękuję dziekuje dziękujemy dziekujemy dzięki dzieki mulțumesc multumesc mulțumim multumim mulţumesc lui obrigada obrigado especialmente esp especially ask',
);
/** What comes before "to" for "to" to be a cue ("thanks to", "spoke to"), or "for" ("ask for"). */
export const TO_CUES = set('thanks thank grateful shout out spoke speak talk talked chat chatted special big huge massive mum dad mummy');
/** Roles that follow a name ("Sarah the health visitor", "Raluca asistenta"). */
export const ROLES_AFTER = alsoCommon(
  set(
    'health hv midwife nurse worker therapist practitioner manager receptionist volunteer teacher lady family nursery speech social support key early youth play staff coordinator leader outreach community parenting breastfeeding peer senco portage link liaison idva advisor adviser officer counsellor mentor interpreter translator assistant asistenta asistentă enfermeira educadora położna pielęgniarka voluntara voluntarul voluntária voluntaria voluntário voluntario wolontariuszka wolontariusz carer caretaker cleaner cook chef coach instructor librarian salt slt',
  ),
);
/** Words after a name and "is/was" that praise or blame a person. */
export const PERSON_PRAISE = set(
  'upset scared poorly ill sick sad happy anxious nervous shy excited thrilled delighted terrified distraught crying devastated credit asset lifesaver godsend saviour amazing lovely brilliant great warm fab fabulous fantastic wonderful kind helpful supportive rude patient friendly welcoming nice angel star legend gem excellent incredible awesome superb outstanding caring approachable knowledgeable best so really very always absolutely such super brill unhelpful dismissive a an the our my great amazing',
);
/** Verbs that follow a person ("Laura visited twice", "Emma who runs"). */
export const PERSON_VERBS = set(
  'helped helps listened listens explained explains made makes gave gives sorted sorts visited visits came comes got gets said says told tells suggested showed shows runs ran run knows knew speaks spoke translated supported organised organises introduced recommended referred rang phoned arranged answered spotted who went does did has had always never really just started starts brings brought sent checked picked learned learnt plays played goes cried laughed loved loves found put wore wanted wants painted drew fed held sat wouldnt couldnt hugged waved asked smiled danced sang slept ate taught fixed thinks thought adores misses missed ligou falou ajudou explicou disse veio adora gosta shouted screamed yelled giggled whispered handled calmed cuddled',
);

/** Polish verbs said of a person, after a name: "Malinka była zachwycona", "Kuba płakał". */
export const POLISH_PERSON_VERBS = set(
  'był była powiedziała powiedział pomogła pomógł płakała płakał śmiała śmiał bawiła bawił lubi kocha uwielbia miała miał mówi mówiła mówił chodzi chodziła chodził poszła poszedł zrobiła zrobił dostała dostał narysowała narysował zasnęła zasnął płacze śpiewała śpiewał tańczyła tańczył',
);

/** Months and days in Polish, Romanian and Portuguese: "Maj był fatalny" opens with May, not Maja. */
export const CALENDAR_WORDS = alsoCommon(
  set(
    'styczeń styczen luty marzec kwiecień kwiecien maj czerwiec lipiec sierpień sierpien wrzesień wrzesien październik pazdziernik listopad grudzień grudzien poniedziałek poniedzialek wtorek środa sroda czwartek piątek piatek sobota niedziela ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie luni marți marti miercuri joi vineri sâmbătă sambata duminică duminica janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro terça terca quarta quinta sexta sábado sabado',
  ),
);

// Polish names change their ending with their case: "dziękuję Kasi", "z Agnieszką", "Piotrowi".
// Only endings English words hardly have: "-y" would make "tiny" Tina, "-a" would make "sala" Sal.
const POLISH_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['owi', ''],
  ['kowi', 'ek'],
  ['ce', 'ka'],
  ['dze', 'ga'],
  ['dzie', 'da'],
  ['rze', 'ra'],
  ['ie', 'a'],
  ['ię', 'ia'],
  ['ią', 'ia'],
  ['i', 'ia'],
  ['i', 'a'],
  ['ę', 'a'],
  ['ą', 'a'],
  // Diminutives and masculine nouns: "Szymka" (Szymek), "Kacpra" (Kacper), "z Wojtkiem".
  ['ka', 'ek'],
  ['ku', 'ek'],
  ['kiem', 'ek'],
  // "z Igorem", "z Adamem": the instrumental of a name ending in a consonant.
  ['em', ''],
  ['ra', 'er'],
  // Romanian genitive and dative: "mama Ioanei" (Ioana), "Veronicăi" (Veronica).
  ['ei', 'a'],
  ['ăi', 'a'],
];

function isInflectedName(lower: string): boolean {
  if (lower.length < 3) return false;
  for (const [ending, base] of POLISH_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length) + base;
    // "z Olą", "Olę": endings only Polish has may leave a three-letter name.
    if ((stem.length > 3 || (stem.length === 3 && /[ąę]$/.test(ending))) && FIRST_NAMES.has(stem)) return true;
  }
  return false;
}

// A name, or a name that is also a word but not a common one ("Ruby", not "June").
const isFirstName = (lower: string) => FIRST_NAMES.has(lower) || (AMBIGUOUS_NAMES.has(lower) && !COMMON_WORDS.has(lower));

/**
 * Names that are words of the families' grammar: Romanian "mai" (more), "des" (often), "țara" (the
 * country), "tati" (daddy), "mă" (me); Portuguese "nova" (new), "ela" (she), "dela" (hers), "ama"
 * (loves); Polish "dom" (home), "kim" (whom), "sami" (alone), "miła" (kind). Never a name after a kin
 * word of those languages ("copilul mai mare", "o filho dela").
 */
export const FAMILY_GRAMMAR_WORDS: ReadonlySet<string> = new Set('mai des tara tati ma nova ela dela dele deles delas ama dom kim sami mila'.split(' '));

/**
 * Names that, written in lower case, are ordinary words in Polish, Romanian or Portuguese: "sam"
 * (alone), "juca" (to play), "doina" (a folk song), and the words of grammar above. In lower case
 * they need a cue like any name that is also a word ("thanks sam", "my son sam").
 */
const WORDS_IN_LOWER_CASE: ReadonlySet<string> = new Set(['sam', 'sama', 'juca', 'doina', 'doine', ...FAMILY_GRAMMAR_WORDS]);

export const KNOWN = 1;
export const AMBIGUOUS = 2;
export const COMMON = 4;
const LEXICON = new Map<string, number>();
for (const word of COMMON_WORDS) LEXICON.set(word, COMMON);
for (const name of AMBIGUOUS_NAMES) LEXICON.set(name, (LEXICON.get(name) ?? 0) | AMBIGUOUS);
for (const name of FIRST_NAMES) LEXICON.set(name, (LEXICON.get(name) ?? 0) | KNOWN);

/**
 * KNOWN, AMBIGUOUS and COMMON of a lower-case word in one lookup, with "Kerry-Ann" known by its
 * first part, "Fridays" common by its singular and, written with a capital, "Kasi" known as Kasia.
 */
export function lexiconFlags(lower: string, capitalised = false): number {
  const flags = LEXICON.get(lower);
  // "nie jestem sam", "pot juca fotbal": in lower case a word of the families' languages, a name only with a cue.
  if (flags !== undefined) return capitalised || !(flags & KNOWN) || !WORDS_IN_LOWER_CASE.has(lower) ? flags : AMBIGUOUS;
  const dash = lower.indexOf('-');
  if (dash > 0 && FIRST_NAMES.has(lower.slice(0, dash))) return KNOWN;
  // "Ruby-Jean", "Summer-Rose": two first names joined, even names that are also words.
  if (dash > 0 && capitalised && isFirstName(lower.slice(0, dash)) && isFirstName(lower.slice(dash + 1))) return KNOWN;
  // "Sónia", "Oliwer" and the like: a known name written with an accent (capitalised only).
  if (capitalised && /[\u00C0-\u024F]/.test(lower)) {
    const plain = foldAccents(lower);
    if (plain !== lower && FIRST_NAMES.has(plain)) return KNOWN;
  }
  // Only capitalised: lower-case "ani" is Romanian for years, not Ania.
  if (capitalised && isInflectedName(lower)) return KNOWN;
  if (lower.length > 4 && lower.charCodeAt(lower.length - 1) === 115 && COMMON_WORDS.has(lower.slice(0, -1))) return COMMON;
  return 0;
}
