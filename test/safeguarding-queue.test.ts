/**
 * The safeguarding queue under a flood (issue 17): every open flag stays reachable through paging,
 * oldest unreviewed first, whatever arrives after it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import { writeResponses, type NewResponse } from '../db/response-writer';
import { safeguardingFlags, surveys } from '../db/schema';
import { makeCouncilApp, type CouncilApp, type MadeSite } from './helpers/factories';

let t: CouncilApp;
let lead: string;
let versionId: string;

beforeAll(async () => {
  t = await makeCouncilApp();
  lead = await t.login(t.council.users.safeguardingLead.email, t.council.users.safeguardingLead.password);
  const survey = await t.store.db.query.surveys.findFirst({ where: eq(surveys.id, t.council.survey.id) });
  versionId = survey!.currentVersionId!;
});
afterAll(() => t.close());

let written = 0;
/** Flagged responses straight to the store (the writer's own path, without the detector): fast enough for hundreds. */
async function addFlagged(site: MadeSite, flags: { at: number; urgency: 'immediate' | 'priority'; text: string; point?: string }[]): Promise<string[]> {
  const rows: NewResponse[] = flags.map(({ at, urgency, text, point }) => {
    const id = newId('r', at);
    return {
      id,
      organisationId: t.council.organisation.id,
      surveyVersionId: versionId,
      siteId: site.id,
      servicePointId: point ?? null,
      channel: 'qr',
      language: 'en',
      respondentRole: null,
      submittedAt: at,
      idempotencyKey: `flagged-${++written}`,
      fft: 3,
      rating: null,
      nps: null,
      answers: '{}',
      demographics: null,
      comments: [
        {
          id: newId('c', at),
          responseId: id,
          organisationId: t.council.organisation.id,
          siteId: site.id,
          questionId: 'better',
          submittedAt: at,
          language: 'en',
          text,
          redacted: text,
          sentiment: -1,
          themes: [],
          modelVersion: 'test',
        },
      ],
      flag: {
        id: newId('sf', at),
        responseId: id,
        organisationId: t.council.organisation.id,
        siteId: site.id,
        categories: ['domestic-abuse'],
        urgency,
        createdAt: at,
      },
    };
  });
  await writeResponses(t.store.client, rows);
  return rows.map((r) => r.flag!.id);
}

/** Every page of `/api/safeguarding/flags`, following `Link: rel="next"`. */
async function allPages(path: string): Promise<{ pages: number; flags: { id: string; status: string; urgency: string; createdAt: string }[] }> {
  const flags = [];
  let next: string | null = path;
  let pages = 0;
  while (next) {
    const page = await t.json(next, { token: lead });
    expect(page.status).toBe(200);
    expect(Array.isArray(page.body)).toBe(true);
    flags.push(...page.body);
    pages++;
    next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1] ?? null;
  }
  return { pages, flags };
}

describe('a flood of flags', () => {
  const start = Date.parse('2026-11-02T09:00:00Z');
  let disclosure: string;
  let flood: string[];

  beforeAll(async () => {
    const { ash, elm } = t.council.sites;
    // A past-risk disclosure, then 600 flagged submissions over the next hours (some present-risk wording).
    disclosure = (await addFlagged(ash, [{ at: start, urgency: 'priority', text: 'My stepdad hurts my little brother when mum is out' }]))[0]!;
    flood = await addFlagged(
      elm,
      Array.from({ length: 600 }, (_, i) => ({
        at: start + 60_000 + i * 1_000,
        urgency: i % 50 === 0 ? ('immediate' as const) : ('priority' as const),
        text: `spam ${i} he hits me`,
      })),
    );
  });

  it('keeps every flag reachable: paging through the API returns all 601 once each, none lost', async () => {
    const { pages, flags } = await allPages('/api/safeguarding/flags?limit=200');
    expect(pages).toBe(4);
    const ids = flags.map((f) => f.id);
    expect(new Set(ids).size).toBe(601);
    expect(ids).toContain(disclosure);
    for (const id of flood) expect(ids).toContain(id);
  });

  it('lists present risks first, then the oldest unreviewed, so the real disclosure is on the first page', async () => {
    const first = await t.json('/api/safeguarding/flags', { token: lead });
    expect(first.body).toHaveLength(50);
    const immediate = first.body.filter((f: { urgency: string }) => f.urgency === 'immediate');
    expect(immediate).toHaveLength(12);
    expect(first.body.slice(0, 12).every((f: { urgency: string }) => f.urgency === 'immediate')).toBe(true);
    // Immediately after the present risks: the oldest calmer flag, the real disclosure.
    expect(first.body[12].id).toBe(disclosure);
    const times = first.body.slice(12).map((f: { createdAt: string }) => Date.parse(f.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(first.headers.get('link')).toMatch(/rel="next"/);
  });

  it('puts closed flags after every open one, and still pages through them', async () => {
    const review = await t.json(`/api/safeguarding/flags/${flood[0]}/review`, {
      token: lead,
      body: { status: 'closed', actionTaken: 'Spam: no child named, no action' },
    });
    expect(review.status).toBe(200);
    const { flags } = await allPages('/api/safeguarding/flags?limit=150');
    expect(flags).toHaveLength(601);
    expect(flags.at(-1)!.id).toBe(flood[0]);
    expect(flags.slice(0, -1).every((f) => f.status !== 'closed')).toBe(true);
    const closed = await t.json('/api/safeguarding/flags?status=closed', { token: lead });
    expect(closed.body.map((f: { id: string }) => f.id)).toEqual([flood[0]]);
    expect(closed.headers.get('link')).toBeNull();
  });

  it('refuses a cursor it did not give, and a page over 200', async () => {
    expect((await t.json('/api/safeguarding/flags?cursor=nonsense', { token: lead })).status).toBe(422);
    expect((await t.json('/api/safeguarding/flags?limit=201', { token: lead })).status).toBe(422);
  });

  it('shows the lead the counts on the queue page and pages through all of them', async () => {
    const headers = { cookie: `hubvoice_session=${lead}` };
    let href: string | null = '/safeguarding';
    const seen = new Set<string>();
    let first = '';
    while (href) {
      const response = await t.app.request(href, { headers });
      expect(response.status).toBe(200);
      const html = await response.text();
      first ||= html;
      for (const [, id] of html.matchAll(/href="\/safeguarding\/flags\/([\w-]+)"/g)) seen.add(id!);
      href = /<a class="btn inline" href="([^"]+)">Next flags/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
    }
    // 601 flags, one of them closed (a present-risk one).
    expect(/<p>(\d[^<]*waiting[^<]*)<\/p>/.exec(first)?.[1]).toBe(
      '600 flags are waiting and 0 are in review; 11 read as a present risk. Present risks come first, then the oldest.',
    );
    expect(seen.size).toBe(600);
    expect(seen.has(disclosure)).toBe(true);
    expect(seen.has(flood[0]!)).toBe(false);
  });
});

describe('a flag’s own page', () => {
  const page = async (path: string) => (await t.app.request(path, { headers: { cookie: `hubvoice_session=${lead}` } })).text();

  it('says which form, site and service point the flag came from, and shows every review, not only the last', async () => {
    const { ash } = t.council.sites;
    const sent = await t.json('/api/responses', {
      body: {
        code: ash.points[1]!.code,
        channel: 'qr',
        language: 'en',
        idempotencyKey: 'flag-page-1',
        answers: { fft: 'neither', better: 'He hits me and I am scared to go home tonight' },
      },
    });
    expect(sent.status).toBe(201);
    await t.deps.alerts.settled();
    const [flag] = await t.store.db.select().from(safeguardingFlags).where(eq(safeguardingFlags.responseId, sent.body.id));
    const open = await page(`/safeguarding/flags/${flag!.id}`);
    expect(open).toContain('Present risk: review now');
    expect(open).toContain(`<dt>Site</dt><dd>${ash.name}</dd>`);
    expect(open).toContain(`<dt>Service point</dt><dd>${ash.points[1]!.name}</dd>`);
    expect(open).toContain('<dt>Form</dt><dd>Centre feedback (version 1)</dd>');
    expect(open).toContain('Nobody has reviewed this flag yet.');

    for (const review of [
      { status: 'in_review', actionTaken: 'Rang the family, no answer; trying again at 4' },
      { status: 'closed', actionTaken: 'Spoke to mum; referred to MASH' },
    ]) {
      expect((await t.json(`/api/safeguarding/flags/${flag!.id}/review`, { token: lead, body: review })).status).toBe(200);
    }
    // The alert never went (a mail outage): a closed flag no longer says so, nor asks for a review now.
    await t.store.db.update(safeguardingFlags).set({ notifiedAt: null }).where(eq(safeguardingFlags.id, flag!.id));
    const closed = await page(`/safeguarding/flags/${flag!.id}`);
    expect(closed).not.toContain('Present risk: review now');
    expect(closed).toContain('Read as a present risk');
    expect(closed).not.toContain('Not sent yet');
    const reviews = [...closed.matchAll(/<li><p><strong class="tag tag-\w+">([^<]+)<\/strong>[^<]*by ([^<]+)<\/p><p>([^<]+)<\/p><\/li>/g)].map((m) =>
      m.slice(1),
    );
    expect(reviews).toEqual([
      ['In review', t.council.users.safeguardingLead.email, 'Rang the family, no answer; trying again at 4'],
      ['Closed', t.council.users.safeguardingLead.email, 'Spoke to mum; referred to MASH'],
    ]);
    const api = await t.json(`/api/safeguarding/flags/${flag!.id}`, { token: lead });
    expect(api.body.reviews.map((r: { status: string }) => r.status)).toEqual(['in_review', 'closed']);
    expect(api.body).toMatchObject({ form: { survey: 'Centre feedback', version: 1 }, servicePoint: { code: ash.points[1]!.code }, site: { code: ash.code } });
    const queue = await page('/safeguarding?show=closed');
    expect(queue).toContain(`href="/safeguarding/flags/${flag!.id}"`);
    expect(queue).not.toContain('Alert not sent yet');
    expect(queue).not.toContain('Present risk: review now');
  });
});
