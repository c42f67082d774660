/**
 * Scoring redaction against comments whose personal data is marked `[[like this]]`.
 *
 * Scored on tokens, not strings, so a placeholder's length or a kept comma never counts: a token is
 * a run of letters or digits, or one Han character (Chinese has no spaces, and a name is 1-3
 * characters). A marked token is caught when the replaced ranges cover it whole; an unmarked
 * token is over-redacted when any replaced range touches it. A span is caught when all its tokens are.
 */

/** A half-open character range [start, end) of a text. */
export type Range = readonly [start: number, end: number];

export interface MarkedText {
  text: string;
  marked: Range[];
}

export interface RedactionScore {
  spans: number;
  caught: number;
  tokens: number;
  overRedactedTokens: number;
  /** The marked spans not caught, as they read in the text. */
  misses: string[];
  /** The unmarked tokens that were touched. */
  overRedacted: string[];
}

const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+/gu;

/**
 * Strips `[[` and `]]` and returns the clean text with the marked ranges.
 *
 * @example
 * parseMarkedText('my son [[Oliver]] loves it') // { text: 'my son Oliver loves it', marked: [[7, 13]] }
 */
export function parseMarkedText(labelled: string): MarkedText {
  const marked: Range[] = [];
  let text = '';
  let open = -1;
  for (let i = 0; i < labelled.length; i++) {
    if (labelled.startsWith('[[', i) && open < 0) {
      open = text.length;
      i++;
    } else if (labelled.startsWith(']]', i) && open >= 0) {
      marked.push([open, text.length]);
      open = -1;
      i++;
    } else text += labelled[i];
  }
  if (open >= 0) throw new Error(`unclosed [[ in "${labelled}"`);
  return { text, marked };
}

/** The tokens of a text as ranges, in order. */
export function tokenRanges(text: string): Range[] {
  return Array.from(text.matchAll(TOKEN), (m) => [m.index, m.index + m[0].length] as const);
}

const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];
const covered = (token: Range, replaced: readonly Range[]) => replaced.some((r) => r[0] <= token[0] && token[1] <= r[1]);

/**
 * Scores one comment: the replaced ranges come from the redactor, the marked ones from the label.
 *
 * @example
 * scoreRedaction({ text: 'thanks Jo and Kim', marked: [[7, 9], [14, 17]] }, [[7, 9]])
 * // { spans: 2, caught: 1, tokens: 2, overRedactedTokens: 0, misses: ['Kim'], overRedacted: [] }
 */
export function scoreRedaction({ text, marked }: MarkedText, replaced: readonly Range[]): RedactionScore {
  const score: RedactionScore = { spans: 0, caught: 0, tokens: 0, overRedactedTokens: 0, misses: [], overRedacted: [] };
  const tokens = tokenRanges(text);
  for (const span of marked) {
    const inside = tokens.filter((t) => overlaps(t, span));
    if (inside.length === 0) continue;
    score.spans++;
    if (inside.every((t) => covered(t, replaced))) score.caught++;
    else score.misses.push(text.slice(span[0], span[1]));
  }
  for (const token of tokens) {
    if (marked.some((span) => overlaps(token, span))) continue;
    score.tokens++;
    if (replaced.some((r) => overlaps(token, r))) {
      score.overRedactedTokens++;
      score.overRedacted.push(text.slice(token[0], token[1]));
    }
  }
  return score;
}

export interface RedactionSummary {
  n: number;
  namesRecall: number;
  overRedaction: number;
  spans: number;
  caught: number;
  tokens: number;
  overRedactedTokens: number;
}

/** Adds up comment scores; recall is 1 and over-redaction 0 when there is nothing to count. */
export function summariseRedaction(scores: readonly RedactionScore[]): RedactionSummary {
  const total = { spans: 0, caught: 0, tokens: 0, overRedactedTokens: 0 };
  for (const s of scores) {
    total.spans += s.spans;
    total.caught += s.caught;
    total.tokens += s.tokens;
    total.overRedactedTokens += s.overRedactedTokens;
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    n: scores.length,
    namesRecall: total.spans === 0 ? 1 : round(total.caught / total.spans),
    overRedaction: total.tokens === 0 ? 0 : round(total.overRedactedTokens / total.tokens),
    ...total,
  };
}
