/**
 * Signatures at the end of a comment. "Karen Smith, 35, Plympton" is a name, an age and a town
 * that together point at one person, so the whole signature goes; "- Sarah (mum of 2)" loses the
 * name and keeps the role, which reports can use.
 */
import { AMBIGUOUS_NAMES, isCommonWord, KNOWN, lexiconFlags } from './redact-name-lists';

// A capitalised name, with a second capital inside it: "McDonagh", "O'Brien", "MacLeod".
const CAP = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?`;
// A surname or its initial: "Smith", "M.".
const SURNAME = String.raw`(?:${CAP}|\p{Lu}\b\.?)`;
// "- Lisa, mum of 3, Kirkby": who they are may hold a number.
// Name (and surname), maybe an age, then a town, closing the comment after a sentence or a dash.
// "Cláudia e Rui, Luton": a couple; "Brenda, Kinship carer, Hartlepool": who they are before the town.
// "Signed Kirsty Lowe, mum of 2, Hartlepool": "Signed" opens a signature as a dash does.
const FULL = new RegExp(
  String.raw`(?:^|[.!?\n]|\s[-–—~]+|\b[Ss]igned:?)\s*((${CAP})(?:\s+${SURNAME})?(?:\s+(?:and|&|e|i|și|si)\s+${CAP}(?:\s+${SURNAME})?)?\s*,\s*(?:\d{1,2}\s*,\s*)?(?:\p{L}+(?:\s+[\p{Ll}\d]+){0,2}\s*,\s*)?${CAP}(?:\s+${CAP})?)\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// "- Sarah", "- Sarah Jones (mum of 2)", "~ Tom x", "- Kerry W", "- Tom and Lisa F"
const DASHED = new RegExp(
  String.raw`\s[-–—~]+\s*((?:\p{Lu}\.\s*)?(${CAP})(?:\s+${CAP})?(?:\s+(?:and|&)\s+${CAP}(?:\s+${CAP})?)?(?:\s+\p{Lu}\b\.?)?)\s*(?:\([^)]*\))?\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// A sign-off opening the comment's last sentence: "…please. from Tom Hughes", "Love from the Khan family",
// "Kind regards, Dr. Abimbola Okonkwo (Tayo's mum)" (the child's name inside, so whole), "Pozdrawiam, Justyna K.",
// "Cu drag, Elena
// și Mihai Popescu" (a couple with one surname; "Thank you Sam and Alex" are two names), "from Sharon & the boys".
const SIGNED_OFF = new RegExp(
  String.raw`(?:^|[.!?\n,]\s*|\sx+\s+)(?:[Ll]ove from|[Ll]ots of love|[Bb]est wishes|[Kk]ind regards|[Rr]egards|[Ff]rom|[Cc]heers|[Tt]hanks|[Tt]hank you|[Mm]any thanks|[Cc]u drag|[Cc]u stim[ăa]|[Cc]u respect|[Cc]om carinho|[Aa]tenciosamente|[Bb]eijinhos|[Aa]bra[çc]os|[Zz] powa[żz]aniem|[Pp]ozdrawiam|[Pp]ozdrowienia)\s*,?\s+(?:the\s+)?((?:(?:Dr|Mrs|Mr|Ms|Miss)\.?\s+)?(${CAP})(?:\s+(?:and|&|e|i|și|si)\s+${CAP}(?=\s+${CAP}|\s*,\s*${CAP}\s*[.!]*\s*(?:x+\s*)?$))?(?:\s+${CAP})?(?:\s+\p{Lu}\b\.?)?(?:\s+(?:&|and)\s+the\s+(?:boys|girls|kids|twins|gang|family))?(?:\s*\(\s*${CAP}['’]s\s+(?:mum|mam|mom|dad|nan|nana|mother|father|grandma|grandad)\s*\))?(?:\s*,\s*(?:\d{1,2}\s*,\s*)?${CAP}(?:\s+${CAP})?)?)(?:\s+family)?\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// A last sentence that is only a name: "… in the snow. Laura W.", "… a quiet corner? Mrs J. Wood".
// "… środowiskowej. Monika i Paweł Wiśniewscy": a couple signing, the surname shared.
const CLOSING = new RegExp(
  String.raw`(?:^|[.!?\n]\s*|\sx{2,}\s+)((?:(Mrs|Mr|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}\.\s*)?(${CAP})(?:\s+(?:and|&|i|e|și|si)\s+${CAP})?(?:\s+(?:${CAP}|\p{Lu}\b\.?))?)\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// "… Thank you all. The Smith family": the family's surname closing the comment (the surname only).
const FAMILY = new RegExp(String.raw`(?:^|[.!?\n]\s*|\s[-–—~]+\s*)(?:[Tt]he\s+)?(${CAP})\s+[Ff]amily\s*[.!]*\s*(?:x+\s*)?$`, 'u');
// "Ana Paula, mãe do Enzo", "- Kim, Tayo's mum": a name and whose parent they are; the parent's name goes and,
// as in "- Sarah (mum of 2)", the role stays (the child's name is found as any name is).
const PARENT_OF = new RegExp(
  String.raw`(?:^|[.!?\n]|\s[-–—~]+)\s*((${CAP})(?:\s+${CAP})?)\s*,\s*(?:(?:(?:mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|grandma|grandad|mãe|mae|pai|avó|avô|mama|tata|mamă|mama|tatăl|babcia|dziadek)\s+(?:of|do|da|dos|das|lui|lu)\s+${CAP}|${CAP}['’]s\s+(?:mum|mam|mom|dad|nan|nana|grandma|grandad)))\s*[.!]*\s*(?:x+\s*)?$`,
  'u',
);
// "… see you next term. - The Robinsons": a family's surname in the plural, signing.
const PLURAL_FAMILY = new RegExp(String.raw`(?:^|[.!?\n]\s*|\s[-–—~]+\s*)([Tt]he\s+(${CAP})s)\s*[.!]*\s*(?:x+\s*)?$`, 'u');
/** Words that close a comment before the name: "Pozdrawiam, Ewa Nowak" signs Ewa Nowak of nowhere. */
export const SIGN_OFFS: ReadonlySet<string> = new Set([
  'pozdrawiam',
  'pozdrowienia',
  'dziękuję',
  'dziekuje',
  'regards',
  'cheers',
  'thanks',
  'love',
  'obrigada',
  'obrigado',
  'beijos',
  'beijinhos',
  'bjs',
  'abraços',
  'abracos',
  'abraço',
  'cumprimentos',
  'atenciosamente',
  'mulțumesc',
  'multumesc',
]);

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
  const family = FAMILY.exec(tail);
  if (family && !isCommonWord(family[1]!.toLowerCase())) {
    const start = from + family.index + family[0].indexOf(family[1]!);
    return [[start, start + family[1]!.length]];
  }
  for (const pattern of [PARENT_OF, PLURAL_FAMILY]) {
    const m = pattern.exec(tail);
    if (!m || isCommonWord(m[2]!.toLowerCase()) || SIGN_OFFS.has(m[2]!.toLowerCase())) continue;
    const start = from + m.index + m[0].indexOf(m[1]!);
    return [[start, start + m[1]!.length]];
  }
  for (const pattern of [FULL, DASHED, SIGNED_OFF, CLOSING]) {
    const m = pattern.exec(tail);
    if (!m) continue;
    if (pattern === CLOSING) {
      // Only a title, or a first name the lists know, makes a short last sentence a signature.
      const name = m[3]!.toLowerCase();
      // Or a name-word and a surname: "… a godsend. Pat Hughes" (but not "… Merry Christmas").
      const second = m[1]!.split(/\s+/)[1];
      const nameAndSurname = !!second && AMBIGUOUS_NAMES.has(name) && /^\p{Lu}\p{Ll}{2,}$/u.test(second) && !isCommonWord(second.toLowerCase());
      if (!m[2] && !(lexiconFlags(name, true) & KNOWN) && !nameAndSurname) continue;
      if (!m[2] && !/\s/.test(m[1]!)) continue;
      const start = from + m.index + m[0].indexOf(m[1]!);
      return [[start, start + m[1]!.length]];
    }
    const first = m[2]!.toLowerCase();
    if (pattern === FULL && SIGN_OFFS.has(first)) {
      // The sign-off stays; what follows its comma is the name.
      const name = m[1]!.slice(m[1]!.indexOf(',') + 1).trimStart();
      if (!/^\p{Lu}/u.test(name)) continue;
      const start = from + m.index + m[0].indexOf(m[1]!) + m[1]!.length - name.length;
      return [[start, start + name.length]];
    }
    // A common word is no name: "…. from Tuesday".
    if (isCommonWord(first)) continue;
    const start = from + m.index + m[0].indexOf(m[1]!);
    return [[start, start + m[1]!.length]];
  }
  return [];
}

const TAIL = 80;
