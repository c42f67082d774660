/**
 * Signatures at the end of a comment. "Karen Smith, 35, Plympton" is a name, an age and a town
 * that together point at one person, so the whole signature goes; "- Sarah (mum of 2)" loses the
 * name and keeps the role, which reports can use.
 */
import { isCommonWord } from './redact-name-lists';

const CAP = String.raw`\p{Lu}[\p{Ll}'’-]+`;
// Name (and surname), maybe an age, then a town, closing the comment after a sentence or a dash.
const FULL = new RegExp(
  String.raw`(?:^|[.!?\n]|\s[-–—~]+)\s*((${CAP})(?:\s+${CAP})?\s*,\s*(?:\d{1,2}\s*,\s*)?${CAP}(?:\s+${CAP})?)\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// "- Sarah", "- Sarah Jones (mum of 2)", "~ Tom x"
const DASHED = new RegExp(String.raw`\s[-–—~]+\s*((${CAP})(?:\s+${CAP})?)\s*(?:\([^)]*\))?\s*[.!]*\s*(?:x+\s*)?$`, 'u');

/**
 * The range of a signature closing `text`, if there is one.
 *
 * @example
 * findSignature('Lovely staff. Karen Smith, 35, Plympton') // [[14, 39]]
 */
export function findSignature(text: string): Array<[number, number]> {
  // A signature is short, so only the tail is searched: an end-anchored pattern would otherwise be
  // tried from every position of a long comment.
  const from = Math.max(0, text.length - TAIL);
  const tail = from === 0 ? text : text.slice(from);
  for (const pattern of [FULL, DASHED]) {
    const m = pattern.exec(tail);
    if (!m || isCommonWord(m[2]!.toLowerCase())) continue;
    const start = from + m.index + m[0].indexOf(m[1]!);
    return [[start, start + m[1]!.length]];
  }
  return [];
}

const TAIL = 80;
