import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel, loadModel, modelToJson } from '../analysis/text';
import { newId } from '../db/ids';
import { comments, organisations, sites, surveys } from '../db/schema';
import { IngestionThread } from '../server/ingest-thread';
import type { ReceivedResponse } from '../server/text-pipeline';
import { ThemeModels } from '../server/theme-models';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let clock = Date.parse('2026-05-01T09:00:00Z');
let sequence = 0;

beforeAll(async () => {
  t = await makeCouncilApp({}, { now: () => new Date(clock) });
});
afterAll(() => t.close());

/** Submits a comment through the API and returns the model version that tagged it. */
async function taggedWith(): Promise<string> {
  const sent = await t.json('/api/responses', {
    body: {
      code: t.council.sites.ash.code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: `theme-models-${++sequence}`,
      answers: { fft: 'good', better: 'More weekend sessions please' },
    },
  });
  expect(sent.status).toBe(201);
  const [comment] = await t.store.db.select({ version: comments.modelVersion }).from(comments).where(eq(comments.responseId, sent.body.id));
  return comment!.version;
}

describe('ThemeModels', () => {
  it('uses a model another process saved within a minute, without asking the store on every comment', async () => {
    const { organisation } = t.council;
    expect(await taggedWith()).toBe('default');
    // Another process (or Workers isolate) on the same store saves the organisation's first model.
    await new ThemeModels(t.store, defaultModel()).save(organisation.id, defaultModel(), 'uploaded', null);
    clock += 30_000;
    expect(await taggedWith()).toBe('default');
    clock += 31_000;
    expect(await taggedWith()).toBe('v1');
  });
});

describe('the app and the ingestion thread', () => {
  /** The default model with every theme renamed: tagging with it is told apart by the themes alone. */
  const councilModel = () => {
    const json = modelToJson(defaultModel());
    return loadModel(JSON.stringify({ ...json, themes: json.themes.map((theme) => ({ ...theme, id: `council-${theme.id}` })) }));
  };

  it('tag a comment with the same model: the newest saved by another process, once a minute has passed', async () => {
    const [site] = await t.store.db.select().from(sites).limit(1);
    const [organisation] = await t.store.db.select().from(organisations).where(eq(organisations.id, site!.organisationId));
    const [survey] = await t.store.db.select().from(surveys).where(eq(surveys.id, organisation!.defaultSurveyId!));
    const received = (): ReceivedResponse => ({
      id: newId('r', clock),
      organisationId: organisation!.id,
      surveyVersionId: survey!.currentVersionId!,
      siteId: site!.id,
      servicePointId: null,
      channel: 'api',
      language: 'en',
      respondentRole: null,
      submittedAt: clock,
      idempotencyKey: `theme-models-${++sequence}`,
      fft: 1,
      rating: null,
      answers: '{}',
      demographics: null,
      freeText: [{ questionId: 'better', text: 'More weekend sessions please' }],
    });
    const thread = new IngestionThread({ path: join(t.dir, 'hubvoice.db') });
    /** The model version and themes each path's comment was tagged with. */
    const readings = async () => {
      const ids = [(await t.deps.writer.submit(received())).id, (await thread.submit(received())).id];
      return Promise.all(
        ids.map(async (id) => {
          const [comment] = await t.store.db
            .select({ version: comments.modelVersion, themes: comments.themes })
            .from(comments)
            .where(eq(comments.responseId, id));
          return { version: comment!.version, themes: comment!.themes.map((m) => m.theme) };
        }),
      );
    };
    try {
      const [inline, threaded] = await readings();
      expect(threaded).toEqual(inline);
      await new ThemeModels(t.store, defaultModel()).save(organisation!.id, councilModel(), 'uploaded', null);
      clock += 61_000;
      const [inlineAfter, threadedAfter] = await readings();
      expect(inlineAfter!.version).not.toBe(inline!.version);
      expect(inlineAfter!.themes).toContain('council-session-times');
      expect(threadedAfter).toEqual(inlineAfter);
    } finally {
      await thread.close();
    }
  });
});
