/**
 * Everything a comment needs before it is stored or shown: themes and sentiment, a redacted copy
 * for everyone but the safeguarding lead, and the safeguarding check.
 */
import { classify, type Classification } from './classify';
import type { ThemeModel } from './model';
import { redact } from './redact';
import { detectSafeguarding, type SafeguardingResult } from './safeguarding';

export interface TaggedComment extends Classification {
  text: string;
  redacted: string;
  safeguarding: SafeguardingResult;
}

/**
 * Tags one comment. Safeguarding reads the original text: redaction must never hide a disclosure.
 *
 * @example
 * const tagged = tagComment(defaultModel(), 'Lovely staff but the bus there takes an hour');
 */
export function tagComment(model: ThemeModel, text: string, lang?: string): TaggedComment {
  return { text, redacted: redact(text), ...classify(model, text, lang), safeguarding: detectSafeguarding(text, lang) };
}
