/**
 * Help after a possible disclosure: whether a response's free text may disclose harm, and the help
 * box (survey/support.ts) that suits who wrote it, in their language, with the council's own lines.
 *
 * Decided here, from the validated answers, with the same detector the text pipeline runs when the
 * response is committed (analysis/text/safeguarding.ts, microseconds a comment), rather than
 * plumbed back from the writer: a resend under the same idempotency key stores nothing new, so the
 * writer has no flag to report, yet the family whose first answer was lost on the way must still
 * see the help; and the writers and the ingestion thread's messages stay as they are. Only the
 * kind of help leaves this module: never the family's words, never "you have been flagged".
 */
import { detectSafeguarding } from '../../analysis/text/safeguarding';
import type { RespondentRole } from '../../survey/respondents';
import { supportFor, type LocalSupportLine, type Support, type SupportKind } from '../../survey/support';
import type { Translate } from '../../survey/translate';

/** Children and young people (Childline is for anyone under 19) get the children's help. */
export function supportKindOf(role: RespondentRole | null | undefined): SupportKind {
  return role === 'child' || role === 'young_person' ? 'child' : 'adult';
}

/**
 * The help to show after these answers, or null when nothing in them may disclose harm.
 *
 * @example
 * supportAfter(['my partner hits me'], 'parent', t, [])?.lines[0].number // '999'
 * supportAfter(['the room was cold'], 'parent', t, []) // null
 */
export function supportAfter(texts: readonly string[], role: RespondentRole | null | undefined, t: Translate, local: readonly LocalSupportLine[]): Support | null {
  const categories = new Set<string>();
  for (const text of texts) for (const category of detectSafeguarding(text).categories) categories.add(category);
  return categories.size ? supportFor(t, supportKindOf(role), [...categories], local) : null;
}
