import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../analysis/text';
import { comments } from '../db/schema';
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
  const sent = await t.json('/api/responses', { body: { code: t.council.sites.ash.code, channel: 'qr', language: 'en', idempotencyKey: `theme-models-${++sequence}`, answers: { fft: 'good', better: 'More weekend sessions please' } } });
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
