/**
 * Redaction of personal data from free text before anyone but a safeguarding lead reads it.
 * Tuned to catch, not to be elegant: a missed phone number is a data breach, a redacted time of
 * day is a small loss, but ratings, counts, dates and times are left alone because reports need them.
 */

import { findBirthDates } from './redact-birth-dates';
import { findNames } from './redact-names';
import { mergeRanges } from './redact-names-script';

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

/** A replaced range of the original text and what it held. */
export interface Redaction {
  start: number;
  end: number;
  kind: RedactionKind;
}
export type RedactionKind = 'email' | 'NHS number' | 'phone' | 'postcode' | 'address' | 'name' | 'date of birth';

/** Adds a range unless it overlaps one already taken: detectors run in order of trust. */
function claim(taken: Redaction[], start: number, end: number, kind: RedactionKind): void {
  if (end <= start) return;
  for (const r of taken) if (start < r.end && r.start < end) return;
  taken.push({ start, end, kind });
}

function claimAll(taken: Redaction[], text: string, pattern: RegExp, kind: RedactionKind, keep: (m: RegExpExecArray) => boolean = () => true): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (keep(m)) claim(taken, m.index, m.index + m[0].length, kind);
}

/**
 * The ranges of `text` that hold personal data, in text order, without overlaps. `redact` replaces
 * them; the redaction eval compares them with labelled spans.
 *
 * @example
 * redactSpans('my son Oliver, 07700 900123') // [{ start: 7, end: 13, kind: 'name' }, { start: 15, end: 27, kind: 'phone' }]
 */
export function redactSpans(text: string): Redaction[] {
  const taken: Redaction[] = [];
  // Every pattern but names needs an @ or a digit; most comments have neither.
  if (text.includes('@')) claimAll(taken, text, EMAIL, 'email');
  if (HAS_DIGIT.test(text)) claimNumbered(taken, text);
  // One name may be found twice ("Amy" and "Amy老师"): the union is claimed.
  for (const [start, end] of mergeRanges(findNames(text))) claim(taken, start, end, 'name');
  return taken.sort((a, b) => a.start - b.start);
}

// Arabic-Indic digits too: "مواليد ١٢/٣/٢٠١٩".
const HAS_DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/** Phone and NHS numbers, postcodes, addresses and birth dates: each has a digit in it. */
function claimNumbered(taken: Redaction[], text: string): void {
  claimAll(taken, text, NHS_NUMBER, 'NHS number', (m) => isValidNhsNumber(m[0].replace(/\D/g, '')) && !m[0].startsWith('0'));
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m; m = PHONE_CANDIDATE.exec(text)) {
    const n = phoneLength(m[2]!);
    if (n > 0) claim(taken, m.index, m.index + m[1]!.length + n, 'phone');
  }
  claimAll(taken, text, POSTCODE, 'postcode');
  claimAll(taken, text, ADDRESS, 'address');
  claimAll(taken, text, FLAT, 'address');
  for (const [start, end] of findBirthDates(text)) claim(taken, start, end, 'date of birth');
}

/**
 * Replaces email addresses, UK phone numbers, postcodes, NHS numbers, street addresses, names of
 * people and birth dates with [email], [phone], [postcode], [NHS number], [address], [name] and
 * [date of birth].
 *
 * @example
 * redact('Call me on 07700 900123, I live at 12 Armada Way PL1 2AB')
 * // 'Call me on [phone], I live at [address] [postcode]'
 */
export function redact(text: string): string {
  const spans = redactSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end, kind } of spans) {
    out += text.slice(at, start) + `[${kind}]`;
    at = end;
  }
  return out + text.slice(at);
}
