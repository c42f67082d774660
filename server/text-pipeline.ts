/**
 * What happens to free text as it arrives: each answer to a text question becomes a comment with
 * its redacted form, themes and sentiment, and any possible disclosure of harm becomes a
 * safeguarding flag. Both are written in the same transaction as the response, so a committed
 * response can never lack its flag.
 */
import { tagComment, type ThemeModel } from '../analysis/text';
import { newId } from '../db/ids';
import type { NewComment, NewFlag } from '../db/response-writer';
import type { PublicQuestion } from '../widget/lib/public-form';
import type { Answers } from '../widget/lib/skip-logic';

export interface FreeTextReading {
  comments: NewComment[];
  flag: NewFlag | null;
}

export function readFreeText(
  { model, version }: { model: ThemeModel; version: string },
  questions: PublicQuestion[],
  answers: Answers,
  context: { responseId: string; organisationId: string; siteId: string; submittedAt: number; language: string },
): FreeTextReading {
  const comments: NewComment[] = [];
  const categories = new Set<string>();
  let urgency: NewFlag['urgency'] | null = null;
  for (const question of questions) {
    const value = answers[question.id];
    if ((question.type !== 'text' && question.type !== 'longtext') || typeof value !== 'string') continue;
    const tagged = tagComment(model, value, context.language);
    comments.push({
      id: newId('c', context.submittedAt),
      responseId: context.responseId,
      organisationId: context.organisationId,
      siteId: context.siteId,
      questionId: question.id,
      submittedAt: context.submittedAt,
      language: context.language,
      text: value,
      redacted: tagged.redacted,
      sentiment: tagged.sentiment,
      // Each theme keeps its mention's sentiment so summaries count "staff lovely but the wait…" once each way.
      themes: tagged.themes.map(({ theme, score, sentiment }) => ({ theme, score: Math.round(score * 1000) / 1000, sentiment })),
      modelVersion: version,
    });
    if (tagged.safeguarding.flagged) {
      tagged.safeguarding.categories.forEach((category) => categories.add(category));
      if (tagged.safeguarding.urgency === 'immediate' || urgency === null) urgency = tagged.safeguarding.urgency ?? 'priority';
    }
  }
  const flag: NewFlag | null =
    categories.size > 0
      ? { id: newId('sg', context.submittedAt), responseId: context.responseId, organisationId: context.organisationId, siteId: context.siteId, categories: [...categories], urgency: urgency ?? 'priority' }
      : null;
  return { comments, flag };
}
