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
  '|janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro';
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE =
  String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}` +
  String.raw`|(?:the\s+)?${DAY}(?:\s+of|\s+de)?\s+(?:${MONTHS})\.?(?:,?\s+(?:de\s+|of\s+)?\d{4})?` +
  String.raw`|(?:${MONTHS})\.?\s+(?:the\s+)?${DAY}(?:,?\s+\d{4})?` +
  String.raw`|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*月\s*\d{1,2}\s*[日号])(?![\p{L}\p{N}])`;

// A cue, then up to three short words ("born on the", "DOB is", "birthday of my son is", "تاريخ
// ميلاد ابني") before the date.
const CUE =
  String.raw`(?:born|dob|d\.o\.b\.?|date of birth|birth ?day|bday|b'day|urodzon[ya]|ur\.|data urodzenia|urodziny` +
  String.raw`|născut[ăa]?|nascut[ăa]?|data nașterii|data nasterii|ziua|nascid[oa]|nasceu|data de nascimento|aniversário` +
  String.raw`|出生日期|出生于|出生|生日|تاريخ الميلاد|تاريخ ميلاد|مواليد|ولد|ولدت)`;
const BIRTH_DATE = new RegExp(String.raw`${CUE}[\s:：,-]*(?:是|于|为|在)?\s*(?:[\p{L}'’.]{1,10}[\s:,-]+){0,3}?(${DATE})`, 'giu');

/**
 * The ranges of birth dates (the date only, not the cue) in `text`.
 *
 * @example
 * findBirthDates('DOB 3 May 2021, born 2023') // [[4, 14]]
 */
export function findBirthDates(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  BIRTH_DATE.lastIndex = 0;
  for (let m = BIRTH_DATE.exec(text); m; m = BIRTH_DATE.exec(text)) {
    const date = m[1]!;
    const start = m.index + m[0].length - date.length;
    found.push([start, start + date.length]);
  }
  return found;
}
