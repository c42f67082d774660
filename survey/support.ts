/**
 * The help a family sees after writing something that may disclose harm: which lines, in whose
 * words. A child gets simple words and Childline; an adult gets the national line that fits what
 * was written, and always 999 for danger now. The numbers live here once, outside the catalogues,
 * so no translation can mistype them. Sources: Childline and NSPCC (nspcc.org.uk), the National
 * Domestic Abuse Helpline (nationaldahelpline.org.uk), Samaritans, Shout (giveusashout.org), and
 * the Silent Solution for 999 calls from a mobile (police.uk).
 */
import type { Translate } from './translate';

/** Whose words the help is in: a child's (the children's form, or a young person) or an adult's. */
export type SupportKind = 'child' | 'adult';

/**
 * Digit groups are joined by no-break spaces: a number never wraps across lines, and in Arabic
 * text it still reads left to right (a no-break space between digits is a common separator in the
 * Unicode bidi algorithm, so "0808 2000 247" stays one number rather than three reversed groups).
 */
export const NATIONAL_LINES = {
  emergency: { number: '999', href: 'tel:999' },
  childline: { number: '0800\u00a01111', href: 'tel:08001111' },
  nspcc: { number: '0808\u00a0800\u00a05000', href: 'tel:08088005000' },
  domesticAbuse: { number: '0808\u00a02000\u00a0247', href: 'tel:08082000247' },
  samaritans: { number: '116\u00a0123', href: 'tel:116123' },
  shout: { number: '85258', href: 'sms:85258?body=SHOUT' },
} as const;
export type NationalLine = keyof typeof NATIONAL_LINES;

/** A council's own number (its children's services front door, its MASH), in organisations.settings. */
export interface LocalSupportLine {
  name: string;
  number: string;
  /** When to call, in the council's words: "Monday to Friday, 9am to 5pm". */
  note?: string;
  /** Who it is for; both when left out. */
  for?: SupportKind;
}

/** One line as a family sees it, in their language. */
export interface SupportLine {
  name: string;
  number: string;
  note: string;
  href: string;
}

/** The help box: what the thank-you page, the widget and `POST /api/responses` carry. */
export interface Support {
  kind: SupportKind;
  title: string;
  intro: string;
  lines: SupportLine[];
}

/**
 * The national lines for a disclosure's categories (safeguarding categories: `domestic-abuse`,
 * `self-harm-suicide`, `child-harm`, `neglect`, `sexual-abuse-exploitation`), most urgent first.
 *
 * @example
 * nationalLines('adult', ['domestic-abuse']) // ['emergency', 'domesticAbuse']
 * nationalLines('child', ['self-harm-suicide']) // ['childline', 'emergency', 'shout']
 */
export function nationalLines(kind: SupportKind, categories: readonly string[]): NationalLine[] {
  const has = (category: string) => categories.includes(category);
  if (kind === 'child') return ['childline', 'emergency', ...(has('self-harm-suicide') ? (['shout'] as const) : [])];
  const aboutAChild = has('child-harm') || has('neglect') || has('sexual-abuse-exploitation');
  const lines: NationalLine[] = ['emergency'];
  if (has('domestic-abuse')) lines.push('domesticAbuse');
  if (aboutAChild) lines.push('nspcc');
  if (has('self-harm-suicide')) lines.push('samaritans', 'shout');
  // A category no line fits (a council's own lexicon may add one): the adults' line about children.
  if (lines.length === 1) lines.push('nspcc');
  return lines;
}

/**
 * The help box in the respondent's language, the council's own lines after the national ones.
 *
 * @example supportFor(t, 'child', ['child-harm'], []).lines[0].number // '0800 1111'
 */
export function supportFor(t: Translate, kind: SupportKind, categories: readonly string[], local: readonly LocalSupportLine[]): Support {
  const prefix = kind === 'child' ? 'child.support' : 'support';
  return {
    kind,
    title: t(`${prefix}.title`),
    intro: t(`${prefix}.intro`),
    lines: [
      ...nationalLines(kind, categories).map((line) => ({
        name: t(`${prefix}.${line}.name`),
        note: t(`${prefix}.${line}.note`),
        ...NATIONAL_LINES[line],
      })),
      ...local
        .filter((line) => !line.for || line.for === kind)
        .map((line) => ({
          name: line.name,
          number: line.number.trim().replace(/\s+/g, '\u00a0'),
          note: line.note ?? '',
          href: `tel:${line.number.replace(/[^\d+]/g, '')}`,
        })),
    ],
  };
}
