/**
 * What happens to free text as it arrives: each answer to a text question becomes a comment with
 * its redacted form, themes and sentiment, and any possible disclosure of harm becomes a
 * safeguarding flag. Both are written in the same transaction as the response, so a committed
 * response can never lack its flag. Reading happens where the response is written: inline
 * (`readingWriter`), or in batches on the ingestion thread (server/ingest-thread.ts).
 */
import { tagComment } from '../analysis/text';
import { newId } from '../db/ids';
import type { Committed, NewComment, NewFlag, NewResponse, Writer } from '../db/response-writer';
import type { OrganisationModel } from '../db/theme-models';
import type { ThemeModels } from './theme-models';

/** One answer to a text question, as typed. */
export interface FreeTextAnswer {
  questionId: string;
  text: string;
}

/** A validated response whose free text has not been read yet. */
export interface ReceivedResponse extends Omit<NewResponse, 'comments' | 'flag'> {
  freeText: FreeTextAnswer[];
}

/** The response with its comments and any safeguarding flag, ready to store. */
export function readFreeText({ model, version }: OrganisationModel, received: ReceivedResponse): NewResponse {
  const { freeText, ...response } = received;
  const comments: NewComment[] = [];
  const categories = new Set<string>();
  let urgency: NewFlag['urgency'] | null = null;
  for (const { questionId, text } of freeText) {
    const tagged = tagComment(model, text, response.language);
    comments.push({
      id: newId('c', response.submittedAt),
      responseId: response.id,
      organisationId: response.organisationId,
      siteId: response.siteId,
      questionId,
      submittedAt: response.submittedAt,
      language: response.language,
      text,
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
      ? {
          id: newId('sg', response.submittedAt),
          responseId: response.id,
          organisationId: response.organisationId,
          siteId: response.siteId,
          categories: [...categories],
          urgency: urgency ?? 'priority',
        }
      : null;
  return { ...response, comments, flag };
}

/** Reads free text on the calling thread, then hands the response to `writer`. */
export function readingWriter(writer: Writer, models: ThemeModels): Writer<ReceivedResponse> {
  return {
    async submit(received: ReceivedResponse): Promise<Committed> {
      return writer.submit(readFreeText(await models.forOrganisation(received.organisationId), received));
    },
    flush: () => writer.flush(),
  };
}
