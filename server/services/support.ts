/**
 * Help after a possible disclosure: whether a response's free text may disclose harm, and the help
 * box (survey/support.ts) that suits who wrote it, in their language, with the council's own lines.
 *
 * Chosen by the categories of the safeguarding flag committed with the response (server/ingest.ts
 * reads them back, for a resend too), so the detector runs once, where the text pipeline reads the
 * response, not again on the request's thread. Only the kind of help leaves this module: never the
 * family's words, never "you have been flagged".
 */
import type { RespondentRole } from '../../survey/respondents';
import { supportFor, type LocalSupportLine, type Support, type SupportKind } from '../../survey/support';
import type { Translate } from '../../survey/translate';

/** Children and young people (Childline is for anyone under 19) get the children's help. */
export function supportKindOf(role: RespondentRole | null | undefined): SupportKind {
  return role === 'child' || role === 'young_person' ? 'child' : 'adult';
}

/**
 * The help to show after a response flagged with these safeguarding categories, or null when it
 * was not flagged.
 *
 * @example
 * supportAfter(['domestic-abuse'], 'parent', t, [])?.lines[0].number // '999'
 * supportAfter([], 'parent', t, []) // null
 */
export function supportAfter(
  categories: readonly string[],
  role: RespondentRole | null | undefined,
  t: Translate,
  local: readonly LocalSupportLine[],
): Support | null {
  return categories.length ? supportFor(t, supportKindOf(role), categories, local) : null;
}
