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

/** Where the words were written: a response's, or a meeting's (`responseId` null). */
export interface TextPlace {
  responseId: string | null;
  meetingId?: string;
  organisationId: string;
  siteId: string;
  submittedAt: number;
  language: string;
}

/**
 * Free text read as comments, in the order given (their ids sort so), and what any possible
 * disclosure among them adds up to: every category, and 'immediate' if any reads as a present risk.
 * The one reading for families' responses and meetings' notes alike.
 */
export function readTexts(
  { model, version }: OrganisationModel,
  texts: readonly FreeTextAnswer[],
  place: TextPlace,
): { comments: NewComment[]; disclosure: Pick<NewFlag, 'categories' | 'urgency'> | null } {
  const categories = new Set<string>();
  let urgency: NewFlag['urgency'] | null = null;
  const comments = texts.map(({ questionId, text }, i): NewComment => {
    const tagged = tagComment(model, text, place.language);
    if (tagged.safeguarding.flagged) {
      tagged.safeguarding.categories.forEach((category) => categories.add(category));
      if (tagged.safeguarding.urgency === 'immediate' || urgency === null) urgency = tagged.safeguarding.urgency ?? 'priority';
    }
    return {
      id: newId('c', place.submittedAt + i),
      ...place,
      questionId,
      text,
      redacted: tagged.redacted,
      sentiment: tagged.sentiment,
      // Each theme keeps its mention's sentiment so summaries count "staff lovely but the wait…" once each way.
      themes: tagged.themes.map(({ theme, score, sentiment }) => ({ theme, score: Math.round(score * 1000) / 1000, sentiment })),
      modelVersion: version,
    };
  });
  return { comments, disclosure: categories.size > 0 ? { categories: [...categories], urgency: urgency ?? 'priority' } : null };
}

/** The response with its comments and any safeguarding flag, ready to store. */
export function readFreeText(model: OrganisationModel, received: ReceivedResponse): NewResponse {
  const { freeText, ...response } = received;
  const { comments, disclosure } = readTexts(model, freeText, {
    responseId: response.id,
    organisationId: response.organisationId,
    siteId: response.siteId,
    submittedAt: response.submittedAt,
    language: response.language,
  });
  const flag: NewFlag | null = disclosure && {
    id: newId('sg', response.submittedAt),
    responseId: response.id,
    organisationId: response.organisationId,
    siteId: response.siteId,
    ...disclosure,
  };
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
