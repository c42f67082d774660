import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetExpiredText } from '../db/comments';
import { comments, organisations } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadeSite } from './helpers/factories';

let t: CouncilApp;
let ash: MadeSite;
let admin: string;
let sequence = 0;

async function submit(code: string, better: string) {
  const response = await t.json('/api/responses', {
    body: { code, channel: 'qr', language: 'en', idempotencyKey: `themes-test-${++sequence}`, answers: { fft: 'poor', better } },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login();
  ash = t.council.sites.ash;
  await submit(ash.code, 'The pushchair park is always full and there is nowhere to leave the buggy');
  await submit(ash.code, 'Please open on Saturdays, I work all week. Email me at mum@example.com');
  await submit(t.council.sites.elm.code, 'More weekend sessions please');
});
afterAll(() => t.close());

describe('GET /api/comments', () => {
  it('drills down to redacted comments, newest first, filtered by site and theme', async () => {
    const all = await t.json('/api/comments', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body.comments).toHaveLength(3);
    expect(JSON.stringify(all.body)).not.toContain('mum@example.com');
    expect(all.body.comments.map((c: { redacted: string }) => c.redacted).join(' ')).toContain('[email]');
    const atAsh = await t.json(`/api/comments?site=${ash.code}`, { token: admin });
    expect(atAsh.body.comments).toHaveLength(2);
    expect(atAsh.body.comments.every((c: { site: { code: string } }) => c.site.code === ash.code)).toBe(true);
    const theme = all.body.comments[0].themes[0].theme;
    const byTheme = await t.json(`/api/comments?theme=${theme}`, { token: admin });
    expect(byTheme.body.comments.length).toBeGreaterThan(0);
    expect(byTheme.body.comments.every((c: { themes: { theme: string }[] }) => c.themes.some((x) => x.theme === theme))).toBe(true);
  });

  it('refuses a site the caller cannot see, naming the field', async () => {
    const response = await t.json('/api/comments?site=nowhere', { token: admin });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].field).toBe('site');
  });
});

describe('corrections and the council’s own model', () => {
  it('records a correction, shows it on the comment at once, and teaches a new model version', async () => {
    const [buggy] = (await t.json(`/api/comments?site=${ash.code}`, { token: admin })).body.comments.filter((c: { redacted: string }) =>
      c.redacted.includes('buggy'),
    );
    const corrected = await t.json(`/api/comments/${buggy.id}/themes`, { token: admin, body: { themes: ['buggy-parking'] } });
    expect(corrected.status).toBe(200);
    const [stored] = await t.store.db.select().from(comments).where(eq(comments.id, buggy.id));
    expect(stored!.themes).toEqual([{ theme: 'buggy-parking', score: 1 }]);

    expect((await t.json('/api/themes', { token: admin })).body.version).toBe('default');
    const taught = await t.json('/api/themes/model/apply-corrections', { token: admin, method: 'POST' });
    expect(taught.status).toBe(201);
    expect(taught.body).toMatchObject({ version: 'v1', corrections: 1 });
    const themes = await t.json('/api/themes', { token: admin });
    expect(themes.body.version).toBe('v1');
    expect(themes.body.themes.map((theme: { id: string }) => theme.id)).toContain('buggy-parking');

    const dun = t.council.sites.dun;
    await submit(dun.code, 'Nowhere to leave the buggy, the pushchair park is full');
    const [fresh] = (await t.json(`/api/comments?site=${dun.code}`, { token: admin })).body.comments;
    expect(fresh.themes.map((theme: { theme: string }) => theme.theme)).toContain('buggy-parking');
  });

  it('accepts an uploaded model and refuses something that is not one', async () => {
    const bad = await t.app.request('/api/themes/model', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: '{"not":"a model"}' });
    expect(bad.status).toBe(422);
    expectErrorShape(await bad.json());
  });

  it('lets only commissioners and admins correct themes', async () => {
    const token = await t.userWith('staff@hub.example', 'site_staff', { type: 'organisation', id: t.council.organisation.id });
    const [comment] = (await t.json('/api/comments', { token })).body.comments;
    const response = await t.json(`/api/comments/${comment.id}/themes`, { token, body: { themes: ['safety'] } });
    expect(response.status).toBe(403);
  });
});

describe('retention', () => {
  it('forgets original text past the organisation’s retention period, keeping the redacted form', async () => {
    const organisation = await t.store.db.query.organisations.findFirst({ where: eq(organisations.id, t.council.organisation.id) });
    await t.store.db
      .update(organisations)
      .set({ settings: { ...organisation!.settings, retentionDays: 30 } })
      .where(eq(organisations.id, organisation!.id));
    const before = await t.store.db.select().from(comments);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((c) => c.text !== null)).toBe(true);
    expect(await forgetExpiredText(t.store.db, new Date(Date.now() + 10 * 86_400_000))).toBe(0);
    expect(await forgetExpiredText(t.store.db, new Date(Date.now() + 31 * 86_400_000))).toBe(before.length);
    const after = await t.store.db.select().from(comments);
    expect(after).toHaveLength(before.length);
    expect(after.every((c) => c.text === null && c.redacted.length > 0)).toBe(true);
    // Nor is it kept anywhere else: the response's own answers never held it.
    const anywhere = await t.store.client.execute({
      sql: `SELECT (SELECT count(*) FROM responses WHERE instr(answers, ?) > 0) + (SELECT count(*) FROM comments WHERE instr(coalesce(text, ''), ?) > 0) AS n`,
      args: ['mum@example.com', 'mum@example.com'],
    });
    expect(Number(anywhere.rows[0]!.n)).toBe(0);
  });
});
