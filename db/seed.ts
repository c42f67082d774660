/**
 * Seeding: the demo council on an empty database, and synthetic responses for demos and benchmarks.
 */
import { eq } from 'drizzle-orm';
import { SurveyDefinition } from '../survey/survey-schema';
import { DEFAULT_SURVEY, DEMO_ACTIONS, DEMO_GENERAL_FORM, DEMO_MEETINGS, DEMO_ORGANISATION, DEMO_PROVIDERS, DEMO_SITES } from './demo';
import { newId } from './ids';
import { writeResponses } from './response-writer';
import { actions, comments, meetings, organisations, providers, servicePoints, sites, surveys, surveyVersions } from './schema';
import type { Store } from './store';
import { defaultModel, tagComment } from '../analysis/text';
import { syntheticResponses, type ReadComment, type SyntheticContext } from './synthetic';

export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.db.$count(organisations)) === 0;
}

/** Creates the demo council, its providers, sites, service points and default survey. */
export async function seedDemo(store: Store): Promise<string> {
  const { db } = store;
  const organisationId = newId('org');
  const surveyId = newId('srv');
  const versionId = newId('sv');
  const providerIds = new Map(DEMO_PROVIDERS.map((p) => [p.code, newId('prv')]));
  await db.batch([
    db.insert(organisations).values({
      id: organisationId,
      ...DEMO_ORGANISATION,
      defaultSurveyId: surveyId,
      // The demo embeds anywhere; a real council lists its own sites' origins.
      settings: { allowedOrigins: ['*'], retentionDays: 365, defaultLanguage: 'en', safeguardingContacts: [], generalFormCode: DEMO_GENERAL_FORM },
    }),
    db.insert(providers).values(DEMO_PROVIDERS.map((p) => ({ id: providerIds.get(p.code)!, organisationId, ...p }))),
    db.insert(surveys).values({ id: surveyId, organisationId, name: 'Family Hub feedback', currentVersionId: versionId }),
    db.insert(surveyVersions).values({
      id: versionId,
      surveyId,
      version: 1,
      definition: JSON.stringify(SurveyDefinition.parse(DEFAULT_SURVEY)),
    }),
  ]);
  const siteIds = new Map<string, string>();
  for (const site of DEMO_SITES) {
    const siteId = newId('site');
    siteIds.set(site.code, siteId);
    await db.batch([
      db.insert(sites).values({
        id: siteId,
        organisationId,
        providerId: providerIds.get(site.provider)!,
        code: site.code,
        name: site.name,
        kind: site.kind,
        locality: site.locality,
        ward: site.ward,
      }),
      db.insert(servicePoints).values(site.servicePoints.map(([code, name]) => ({ id: newId('sp'), siteId, code, name }))),
    ]);
  }
  const publishedAt = new Date();
  await db.insert(actions).values(
    DEMO_ACTIONS.map((action, i) => ({
      id: newId('act'),
      organisationId,
      siteId: action.site ? (siteIds.get(action.site) ?? null) : null,
      youSaid: action.youSaid,
      weDid: action.weDid,
      status: 'published' as const,
      publishedAt: new Date(publishedAt.getTime() - i * 86_400_000),
    })),
  );
  // Meetings held with families, their notes and quotes read by the default model as recording one would.
  const model = defaultModel();
  for (const meeting of DEMO_MEETINGS) {
    const siteId = siteIds.get(meeting.site);
    if (!siteId) continue;
    const heldOn = new Date(publishedAt.getTime() - meeting.daysAgo * 86_400_000).toISOString().slice(0, 10);
    const held = Date.parse(`${heldOn}T12:00:00Z`);
    const meetingId = newId('mt', held);
    const words = [['notes', meeting.notes] as const, ...meeting.quotes.map((quote) => ['quote', quote] as const)];
    await db.batch([
      db.insert(meetings).values({
        id: meetingId,
        organisationId,
        siteId,
        area: meeting.area,
        kind: meeting.kind,
        title: meeting.title,
        heldOn,
        participants: meeting.participants,
        demographics: meeting.demographics ?? null,
        language: 'en',
        recordedBy: 'demo',
      }),
      db.insert(comments).values(
        words.map(([questionId, text], i) => {
          const tagged = tagComment(model, text, 'en');
          return {
            id: newId('c', held + i),
            meetingId,
            organisationId,
            siteId,
            questionId,
            submittedAt: new Date(held),
            language: 'en',
            text,
            redacted: tagged.redacted,
            sentiment: tagged.sentiment,
            themes: tagged.themes.map(({ theme, score, sentiment }) => ({ theme, score: Math.round(score * 1000) / 1000, sentiment })),
            modelVersion: 'default',
          };
        }),
      ),
    ]);
  }
  return organisationId;
}

/** Everything synthetic responses need to know about the first organisation's network. */
export async function syntheticContext(store: Store): Promise<SyntheticContext> {
  const { db } = store;
  const organisation = await db.query.organisations.findFirst();
  if (!organisation?.defaultSurveyId) throw new Error('No organisation with a default survey: seed the demo first.');
  const survey = await db.query.surveys.findFirst({ where: eq(surveys.id, organisation.defaultSurveyId) });
  const siteRows = await db.select().from(sites).where(eq(sites.organisationId, organisation.id));
  const pointRows = await db.select().from(servicePoints);
  return {
    organisationId: organisation.id,
    surveyVersionId: survey!.currentVersionId!,
    sites: siteRows.map((s) => ({ id: s.id, servicePointIds: pointRows.filter((p) => p.siteId === s.id).map((p) => p.id) })),
  };
}

/**
 * Adds `count` synthetic responses in large transactions (multi-row inserts: ~60k rows/s here),
 * reporting progress so a million-row load shows it is moving.
 */
export async function seedResponses(
  store: Store,
  count: number,
  options: { seed?: number; now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const context = await syntheticContext(store);
  const chunk = 5000;
  // Synthetic comments come from a small phrase bank, so each phrase is tagged once.
  const model = defaultModel();
  const readings = new Map<string, ReturnType<ReadComment>>();
  const read: ReadComment = (text, language) => {
    let reading = readings.get(text);
    if (!reading) {
      const tagged = tagComment(model, text, language);
      reading = {
        redacted: tagged.redacted,
        sentiment: tagged.sentiment,
        themes: tagged.themes.map(({ theme, score }) => ({ theme, score: Math.round(score * 1000) / 1000 })),
        modelVersion: 'default',
      };
      readings.set(text, reading);
    }
    return reading;
  };
  const generator = syntheticResponses(context, { seed: options.seed ?? 42, now: options.now ?? new Date(), read });
  for (let done = 0; done < count; ) {
    const batch = [];
    for (let i = 0; i < chunk && done + i < count; i++) batch.push(generator.next().value!);
    await writeResponses(store.client, batch);
    done += batch.length;
    options.onProgress?.(done, count);
  }
  // Fresh statistics after a bulk load, so report queries pick the covering indexes. A libSQL
  // server (sqld) refuses ANALYZE and keeps its own; the embedded file takes it.
  await store.client.execute('ANALYZE').catch(() => undefined);
}
