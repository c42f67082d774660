/**
 * Redaction of personal data from free text before anyone but a safeguarding lead reads it.
 * Tuned to catch, not to be elegant: a missed phone number is a data breach, a redacted time of
 * day is a small loss, but ratings, counts, dates and times are left alone because reports need them.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// 10 digits, optionally spaced 3-3-4 with spaces or dashes; the mod-11 check decides.
const NHS_NUMBER = /(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;

// A run that starts like a UK number (+44 with an optional "(0)", 0044, or 0, maybe bracketed)
// and continues with digits, spaces, dashes, dots or brackets; its digits are counted afterwards.
const PHONE_CANDIDATE = /(?<![\w+])(\+\s?44\s?(?:\(0\)\s?)?|0044\s?(?:\(0\)\s?)?|\(\s?0|0)([\d\s().-]{6,18}\d)/g;

// Royal Mail format: the inward code's letters never include C, I, K, M, O or V, which keeps
// "at10am" and "b12 vitamins" from looking like postcodes.
const POSTCODE = /\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/gi;

const STREET_TYPES =
  'Road|Rd|Street|St|Way|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Place|Pl|Court|Ct|Gardens|Gdns|Terrace|Hill|Grove|Park|Square|Sq|View|Walk|Row|Mews|Rise|Parade|Green|Vale|Croft|Meadow|Meadows|Gate|Heights';
const ADDRESS = new RegExp(
  String.raw`(?:\b(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:${STREET_TYPES})\b\.?`,
  'g',
);
const FLAT = /\b(?:Flat|Apartment|Apt)\s+\d+[A-Za-z]?\b/gi;

const NAME_WORD = String.raw`[A-Z][a-z'’-]+`;
// After "my name is" the cue is strong enough to take a name in any case.
const NAME_IS = /\b(my name is|my name's|my names|name is|i am called|i'm called|im called)\s+([A-Za-z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)/gi;
const I_AM = new RegExp(String.raw`\b(I am|I'm|I’m|Im|this is)\s+(${NAME_WORD}(?:\s+${NAME_WORD})?)`, 'g');
const MY_RELATION = new RegExp(
  String.raw`\b((?:[Mm]y|[Oo]ur)\s+(?:son|daughter|baby|boy|girl|partner|husband|wife|child|grandson|granddaughter|little one|twins|friend|sister|brother|mum|dad))\s+(${NAME_WORD})`,
  'g',
);
// Capitalised words that follow "I'm" without being a name.
const NOT_NAMES = new Set(
  'A An The So Very Really Not Just Still Also Now Here There Happy Glad Grateful Thankful Sure Pleased Sorry Worried Concerned English British Polish Romanian Chinese Portuguese Arabic Muslim Christian Single Pregnant Disabled Autistic Always Never Only Going Looking Writing Hoping Struggling Finding Feeling Unable Able Currently Definitely Honestly Sometimes Unsure Deaf Blind New Back'.split(' '),
);

/** True if a 10-digit string passes the NHS number modulus-11 check. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Length of the shortest-safe prefix of `rest` that completes a UK national number of 10 or 11
 * digits (counting the trunk 0 the prefix stands for), or 0 if it never does.
 */
function phoneLength(rest: string): number {
  let digits = 1;
  let end = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    digits++;
    if (digits === 10 || digits === 11) end = i + 1;
    if (digits > 11) break;
  }
  return end;
}

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (candidate, prefix: string, rest: string) => {
    const n = phoneLength(rest);
    return n === 0 ? candidate : '[phone]' + rest.slice(n);
  });
}

function redactNames(text: string): string {
  return text
    .replace(NAME_IS, (_, cue: string) => `${cue} [name]`)
    .replace(MY_RELATION, (_, cue: string) => `${cue} [name]`)
    .replace(I_AM, (whole, cue: string, name: string) => {
      const first = name.split(/\s+/)[0]!;
      if (NOT_NAMES.has(first)) return whole;
      return `${cue} [name]`;
    });
}

/**
 * Replaces email addresses, UK phone numbers, postcodes, NHS numbers, street addresses and
 * self-given names with [email], [phone], [postcode], [NHS number], [address] and [name].
 *
 * @example
 * redact('Call me on 07700 900123, I live at 12 Armada Way PL1 2AB')
 * // 'Call me on [phone], I live at [address] [postcode]'
 */
export function redact(text: string): string {
  let out = text.replace(EMAIL, '[email]');
  out = out.replace(NHS_NUMBER, (m) => (isValidNhsNumber(m.replace(/\D/g, '')) && !m.startsWith('0') ? '[NHS number]' : m));
  out = redactPhones(out);
  out = out.replace(POSTCODE, '[postcode]');
  out = out.replace(ADDRESS, '[address]');
  out = out.replace(FLAT, '[address]');
  return redactNames(out);
}
