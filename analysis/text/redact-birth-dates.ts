/**
 * Birth dates in free text. A day and month of birth, with or without the year, narrows a child
 * down to a handful in a hub's area; a visit date or a birth year alone ("born 2023") does not,
 * and reports need those, so only a date after a birth cue is taken, and only with a day in it.
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  // Polish (genitive, as dates are written), Romanian and Portuguese month names.
  '|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia' +
  '|ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie' +
  '|janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro' +
  // Arabic month names, Egyptian and Gulf and Levantine.
  '|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول';
// Digits, Arabic-Indic too ("١٢/٣/٢٠١٩").
const D = '[0-9\u0660-\u0669\u06f0-\u06f9]';
const DAY = `${D}{1,2}(?:st|nd|rd|th)?`;
const DATE =
  `(?:${D}{1,2}[./-]${D}{1,2}[./-]${D}{2,4}|${D}{4}[./-]${D}{1,2}[./-]${D}{1,2}` +
  String.raw`|(?:the\s+)?${DAY}(?:\s+of|\s+de)?\s+(?:${MONTHS})\.?(?:,?\s+(?:de\s+|of\s+)?${D}{4})?` +
  String.raw`|(?:${MONTHS})\.?\s+(?:the\s+)?${DAY}(?:,?\s+${D}{4})?` +
  String.raw`|${D}{4}\s*年\s*${D}{1,2}\s*月\s*${D}{1,2}\s*[日号]|${D}{1,2}\s*月\s*${D}{1,2}\s*[日号])(?![A-Za-z\u00C0-\u024F\u0621-\u064A\p{N}])`;

// A cue, then up to three short words ("born on the", "DOB is", "birthday of my son is", "تاريخ
// ميلاد ابني") before the date.
const CUE =
  String.raw`(?:born|dob|d\.o\.b\.?|date of birth|birth ?day|bday|b'day|urodzon[ya]|ur\.|data urodzenia|urodziny` +
  String.raw`|născut[ăa]?|nascut[ăa]?|data nașterii|data nasterii|ziua|nascid[oa]|nasceu|data de nascimento|aniversário` +
  String.raw`|出生日期|出生于|出生|生日|تاريخ الميلاد|تاريخ ميلاد|مواليد|ولد|ولدت|انولد|انولدت|مولود|مولودة|مولوده)`;
const BIRTH_DATE = new RegExp(String.raw`${CUE}[\s:：,-]*(?:是|于|为|在)?\s*(?:[\p{L}'’.]{1,10}[\s:,-]+){0,3}?(${DATE})`, 'giu');

/**
 * The ranges of birth dates (the date only, not the cue) in `text`.
 *
 * @example
 * findBirthDates('DOB 3 May 2021, born 2023') // [[4, 14]]
 */
// Chinese puts the date first: "2020年11月8日出生".
const DATE_THEN_BORN = new RegExp(String.raw`(${DATE})\s*(?:出生|生的|生)`, 'gu');

// A form's field for the date of birth anywhere in a comment ("the form asked for his DOB … it's 19
// Jan 2020"): then a full date, with its year, is the birth date even when it stands apart from the cue.
const FIELD_CUE = /(?:\bdate of birth|\bdob\b|\bd\.o\.b\b|\bur\.|data urodzenia|data na[șşs]terii|data de nascimento|出生日期|تاريخ الميلاد|تاريخ ميلاد)/i;
const FULL_DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${D}{1,2}[./-]${D}{1,2}[./-]${D}{4}|${D}{4}[./-]${D}{1,2}[./-]${D}{1,2}` +
    String.raw`|${DAY}(?:\s+of|\s+de)?\s+(?:${MONTHS})\.?,?\s+(?:de\s+|of\s+)?${D}{4}|(?:${MONTHS})\.?\s+${DAY},?\s+${D}{4}|${D}{4}\s*年\s*${D}{1,2}\s*月\s*${D}{1,2}\s*[日号])(?![\p{L}\p{N}])`,
  'giu',
);

// A second date listed straight after a birth date ("DOB 3 May 2021 and 5 June 2023", twins born
// "12/03/2019 & 12/03/2019") is a birth date too.
const LISTED_DATE = new RegExp(String.raw`^\s*(?:,|&|/|and|or|i|și|si|e|و|和|、)\s*(${DATE})`, 'iu');

export function findBirthDates(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  DATE_THEN_BORN.lastIndex = 0;
  for (let m = DATE_THEN_BORN.exec(text); m; m = DATE_THEN_BORN.exec(text)) found.push([m.index, m.index + m[1]!.length]);
  BIRTH_DATE.lastIndex = 0;
  for (let m = BIRTH_DATE.exec(text); m; m = BIRTH_DATE.exec(text)) {
    const date = m[1]!;
    let end = m.index + m[0].length;
    found.push([end - date.length, end]);
    for (let next = LISTED_DATE.exec(text.slice(end)); next; next = LISTED_DATE.exec(text.slice(end))) {
      const start = end + next[0].length - next[1]!.length;
      end += next[0].length;
      found.push([start, end]);
    }
  }
  // Only when no date stands by its cue: "DOB 3 May 2021, seen on 12 June 2024" keeps the visit.
  if (found.length === 0 && FIELD_CUE.test(text)) {
    FULL_DATE.lastIndex = 0;
    for (let m = FULL_DATE.exec(text); m; m = FULL_DATE.exec(text)) found.push([m.index, m.index + m[0].length]);
  }
  return found;
}
