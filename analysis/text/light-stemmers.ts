/**
 * Light stemmers for the languages `natural` has no stemmer for (Polish's is the identity):
 * fold diacritics, then strip one common inflectional ending. Crude next to a dictionary
 * stemmer, but seed terms and comments go through the same function, so "czekaliśmy" and
 * "czekamy" meet at "czek" and a taxonomy need not list every case ending.
 */

/** Endings longest first; the first that leaves at least `MIN_STEM` letters is removed. */
const POLISH_ENDINGS = [
  'owaniem',
  'owania',
  'owanie',
  'alismy',
  'ilismy',
  'alysmy',
  'owalam',
  'owalem',
  'owac',
  'ujemy',
  'ujesz',
  'owie',
  'ania',
  'anie',
  'enia',
  'enie',
  'iemy',
  'ismy',
  'alam',
  'alem',
  'ilam',
  'ilem',
  'acie',
  'ami',
  'ach',
  'ego',
  'emu',
  'ymi',
  'imi',
  'ych',
  'ich',
  'owi',
  'ali',
  'ila',
  'ala',
  'amy',
  'emy',
  'esz',
  'ow',
  'om',
  'ie',
  'ia',
  'ej',
  'ym',
  'im',
  'ac',
  'ic',
  'al',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
];

const ROMANIAN_ENDINGS = [
  'urilor',
  'ilor',
  'elor',
  'ului',
  'uri',
  'ele',
  'ile',
  'ii',
  'ul',
  'ei',
  'le',
  'lor',
  'ea',
  'ati',
  'am',
  'at',
  'ata',
  'ate',
  'esc',
  'este',
  'ita',
  'it',
  'a',
  'e',
  'i',
  'u',
];

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const ARABIC_SUFFIXES = ['ات', 'ون', 'ين', 'ها', 'هم', 'كم', 'نا', 'ية', 'ة'];

const MIN_STEM = 3;

/** Latin letters without their diacritics (ł and ø have no decomposition, so by hand). */
export function foldDiacritics(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}

function stripEnding(word: string, endings: readonly string[]): string {
  for (const e of endings) if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, -e.length);
  return word;
}

/**
 * @example
 * stemPolish('czekaliśmy') // 'czek'
 * stemPolish('czekamy') // 'czek'
 */
export function stemPolish(word: string): string {
  return stripEnding(foldDiacritics(word), POLISH_ENDINGS);
}

/**
 * @example
 * stemRomanian('asistentei') // 'asistent'
 */
export function stemRomanian(word: string): string {
  return stripEnding(foldDiacritics(word), ROMANIAN_ENDINGS);
}

/**
 * Arabic: short vowels and tatweel dropped, alef and ya/ta marbuta forms unified, then one
 * article or conjunction prefix and one plural or pronoun suffix removed.
 *
 * @example
 * stemArabic('والمواعيد') // 'مواعيد'
 */
export function stemArabic(word: string): string {
  let w = word
    .replace(/[\u064b-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي');
  for (const p of ARABIC_PREFIXES) {
    if (w.length - p.length >= MIN_STEM && w.startsWith(p)) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of ARABIC_SUFFIXES) {
    if (w.length - s.length >= MIN_STEM && w.endsWith(s)) return w.slice(0, -s.length);
  }
  return w;
}
