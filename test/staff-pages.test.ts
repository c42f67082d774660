import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, safeguardingFlags } from '../db/schema';
import { createUser } from '../db/users';
import { hashPassword } from '../server/auth/password';
import { counted } from '../server/pages/staff/format';
import { addResponses, ADMIN } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadeSite, type MadeUser } from './helpers/factories';
import { questionTitle } from './helpers/surveys';

let t: CouncilApp;
let LEAD: MadeUser;
let MANAGER: MadeUser;
let ash: MadeSite, bay: MadeSite, dun: MadeSite, elm: MadeSite;
const DISCLOSURE = 'My partner hits me when he drinks, please ring me on 07700 900123';
let flagId: string;

const form = (path: string, fields: Record<string, string>, options: { cookie?: string; origin?: string } = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: options.origin ?? 'http://localhost',
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
const page = async (path: string, cookie?: string) => {
  const response = await t.app.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
};

async function signIn({ email, password }: { email: string; password: string }): Promise<string> {
  const response = await form('/sign-in', { email, password });
  expect(response.status).toBe(303);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  t = await makeCouncilApp();
  ({ safeguardingLead: LEAD, providerManager: MANAGER } = t.council.users);
  ({ ash, bay, dun, elm } = t.council.sites);
  // Ashby 3 (too few to publish), Baywood 10 (hidden too: next-smallest), Dunmere 12, Elmfield 40; March 2026.
  await addResponses(t, ash.code, 3, 1, '2026-03-10T10:00:00Z');
  await addResponses(t, bay.code, 10, 1, '2026-03-11T10:00:00Z');
  await addResponses(t, dun.code, 12, 2, '2026-03-12T10:00:00Z');
  await addResponses(t, elm.code, 30, 1, '2026-03-13T10:00:00Z');
  await addResponses(t, elm.code, 10, 4, '2026-03-14T10:00:00Z');
  const submitted = await t.json('/api/responses', {
    body: {
      code: elm.points[0]!.code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: 'staff-pages-disclosure',
      answers: { fft: 'neither', better: DISCLOSURE },
    },
  });
  expect(submitted.status).toBe(201);
  const flag = await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.responseId, submitted.body.id) });
  flagId = flag!.id;
});
afterAll(() => t.close());

describe('signing in with the form', () => {
  it('sets the same session cookie as the API and goes on to the page asked for', async () => {
    const next = `/dashboard?site=${elm.code}`;
    const response = await form('/sign-in', { email: ADMIN.email, password: ADMIN.password, next });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(next);
    expect(response.headers.get('set-cookie')).toMatch(/^hubvoice_session=[^;]+;.*HttpOnly/i);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const me = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect((await me.json()).email).toBe(ADMIN.email);
  });

  it('keeps the email but never the password when they do not match', async () => {
    const response = await form('/sign-in', { email: ADMIN.email, password: 'not the password at all' });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('The email address or password is not right');
    expect(html).toContain(`value="${ADMIN.email}"`);
    expect(html).not.toContain('not the password at all');
    expect(html).toMatch(/<title>Error: Sign in/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('names each missing or malformed field, linking to it', async () => {
    const missing = await (await form('/sign-in', { email: '', password: '' })).text();
    expect(missing).toContain('<a href="#email">Enter your email address</a>');
    expect(missing).toContain('<a href="#password">Enter your password</a>');
    const malformed = await form('/sign-in', { email: 'not-an-email', password: '' });
    expect(malformed.status).toBe(422);
    const html = await malformed.text();
    expect(html).toContain('Enter an email address in the correct format, like name@example.org');
    expect(html).toContain('value="not-an-email"');
    expect(html).toMatch(/aria-describedby="email-error"/);
  });

  it('never redirects off the site after signing in', async () => {
    for (const next of ['https://evil.example/dashboard', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await form('/sign-in', { email: ADMIN.email, password: ADMIN.password, next });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/dashboard');
    }
    const shown = await page('/sign-in?next=https%3A%2F%2Fevil.example%2F');
    expect(shown.html).not.toContain('evil.example');
  });

  it('lets in an address without a dot, like the first admin’s default admin@localhost', async () => {
    await createUser(t.store.db, {
      email: 'admin@localhost',
      name: 'First admin',
      passwordHash: await hashPassword('first admin password', 1000),
      role: 'admin',
      scopeType: 'platform',
      scopeId: null,
    });
    const response = await form('/sign-in', { email: 'admin@localhost', password: 'first admin password' });
    expect(response.status).toBe(303);
    expect((await t.json('/api/auth/login', { body: { email: 'admin@localhost', password: 'first admin password' } })).status).toBe(200);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const response = await form('/sign-in', { email: ADMIN.email, password: ADMIN.password }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('signs out, after which staff pages ask to sign in again', async () => {
    const cookie = await signIn(ADMIN);
    const out = await form('/sign-out', {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in?signedOut=1');
    const after = await page('/dashboard', cookie);
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/sign-in/);
  });
});

describe('staff pages when signed out', () => {
  it('send the visitor to sign in and back to the same page', async () => {
    for (const path of [`/dashboard?site=${ash.code}`, '/dashboard/comments?theme=staff', '/safeguarding', `/safeguarding/flags/${'sf_x'}`]) {
      const response = await page(path);
      expect(response.status).toBe(303);
      expect(response.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('refuse a review posted without a session', async () => {
    const response = await form(`/safeguarding/flags/${flagId}/review`, { status: 'closed', actionTaken: 'Called the family' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('the safeguarding pages', () => {
  it('tell a provider manager in plain words that flags are not for them', async () => {
    const cookie = await signIn(MANAGER);
    for (const path of ['/safeguarding', `/safeguarding/flags/${flagId}`]) {
      const response = await page(path, cookie);
      expect(response.status).toBe(403);
      expect(response.html).toContain('You cannot see safeguarding flags');
      expect(response.html).not.toContain('hits me');
    }
    const posted = await form(`/safeguarding/flags/${flagId}/review`, { status: 'closed', actionTaken: 'Nothing' }, { cookie });
    expect(posted.status).toBe(403);
  });

  it('list the flag for a safeguarding lead, present risks first, with the alert in words', async () => {
    // A past risk raised after the present one: newest-first alone would put it on top.
    const past = await t.json('/api/responses', {
      body: {
        code: elm.points[0]!.code,
        channel: 'qr',
        language: 'en',
        idempotencyKey: 'staff-pages-past-risk',
        answers: { fft: 'good', better: 'The staff helped me leave a violent relationship last year' },
      },
    });
    expect(past.status).toBe(201);
    const pastFlag = await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.responseId, past.body.id) });
    expect(pastFlag).toMatchObject({ urgency: 'priority' });
    const cookie = await signIn(LEAD);
    const queue = await page('/safeguarding', cookie);
    expect(queue.status).toBe(200);
    const present = queue.html.indexOf(`href="/safeguarding/flags/${flagId}"`);
    expect(present).toBeGreaterThan(-1);
    expect(queue.html.indexOf(`href="/safeguarding/flags/${pastFlag!.id}"`)).toBeGreaterThan(present);
    expect(queue.html).toContain('Present risk: review now');
    expect(queue.html).toContain('domestic abuse');
    expect(queue.html).toMatch(/Raised (just now|\d+ minutes? ago)/);
    expect(queue.html).not.toContain('hits me');
  });

  it('show a safeguarding lead the family’s own words and record a review from the form', async () => {
    const cookie = await signIn(LEAD);
    const flag = await page(`/safeguarding/flags/${flagId}`, cookie);
    expect(flag.status).toBe(200);
    expect(flag.html).toContain('07700 900123');
    expect(flag.html).toContain(questionTitle(t.council.survey.definition, 'better'));

    const incomplete = await form(`/safeguarding/flags/${flagId}/review`, { actionTaken: '' }, { cookie });
    expect(incomplete.status).toBe(422);
    const errors = await incomplete.text();
    expect(errors).toContain('<a href="#status">Select where this is now</a>');
    expect(errors).toContain('<a href="#actionTaken">Enter what was done</a>');

    const saved = await form(`/safeguarding/flags/${flagId}/review`, { status: 'in_review', actionTaken: 'Called the family; referred to MASH' }, { cookie });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/safeguarding/flags/${flagId}?reviewed=1`);
    const stored = await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.id, flagId) });
    expect(stored).toMatchObject({ status: 'in_review', actionTaken: 'Called the family; referred to MASH' });
    const audit = await t.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'safeguarding_flag_reviewed'), eq(auditLog.targetId, flagId)));
    expect(audit).toHaveLength(1);
    const after = await page(saved.headers.get('location')!, cookie);
    expect(after.html).toContain('Your review has been recorded');
    expect(after.html).toMatch(/<input[^>]*value="in_review"[^>]*checked/);
    expect(after.html).not.toMatch(/<input[^>]*value="closed"[^>]*checked/);
  });

  it('show an admin the redacted words only', async () => {
    const flag = await page(`/safeguarding/flags/${flagId}`, await signIn(ADMIN));
    expect(flag.status).toBe(200);
    expect(flag.html).not.toContain('07700 900123');
    expect(flag.html).toContain('Only safeguarding leads see the family’s own words');
  });

  it('say plainly when a flag does not exist', async () => {
    const missing = await page('/safeguarding/flags/sf_nope', await signIn(LEAD));
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Flag not found');
  });
});

describe('the dashboard', () => {
  const march = 'from=2026-03-01&to=2026-03-31';

  it('shows a site with too few responses as suppressed, never as zero', async () => {
    const dashboard = await page(`/dashboard?${march}`, await signIn(ADMIN));
    expect(dashboard.status).toBe(200);
    const chart = dashboard.html.slice(dashboard.html.indexOf('% positive by site'));
    expect(chart).toMatch(new RegExp(`${ash.name}</text><text[^>]*>fewer than 5 responses<`));
    expect(chart).toMatch(new RegExp(`${bay.name}</text><text[^>]*>hidden so a small group cannot be worked out<`));
    expect(chart).toMatch(new RegExp(`<th scope="row">${ash.name}</th><td colSpan="4">Not shown: fewer than 5 responses`, 'i'));
    expect(chart).toMatch(new RegExp(`${elm.name}</text><text[^>]*>75% \\(`));
    // KPI strip: 65 responses in March, the disclosure was sent today and is outside the range.
    expect(dashboard.html).toMatch(/Responses<\/span><span class="kpi-v">65</);
  });

  it('scopes a provider manager to their own sites, as the reports API does', async () => {
    const cookie = await signIn(MANAGER);
    const dashboard = await page(`/dashboard?${march}`, cookie);
    expect(dashboard.status).toBe(200);
    expect(dashboard.html).toContain(`run by ${t.council.providers.north.name}`);
    expect(dashboard.html).toContain(ash.name);
    expect(dashboard.html).not.toContain(elm.name);
    expect(dashboard.html).not.toContain(dun.name);
    expect(dashboard.html).not.toContain('href="/safeguarding"');
    const elsewhere = await page(`/dashboard?${march}&site=${elm.code}`, cookie);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain('<a href="#site">Choose a site from the list</a>');
  });

  it('explains a mistyped date and keeps what was typed', async () => {
    const response = await page('/dashboard?from=2026-02-31x', await signIn(ADMIN));
    expect(response.status).toBe(400);
    expect(response.html).toContain('From must be a real date, like 2026-04-01');
    expect(response.html).toContain('value="2026-02-31x"');
  });

  it('lists every comment, redacted', async () => {
    const comments = await page('/dashboard/comments', await signIn(ADMIN));
    expect(comments.status).toBe(200);
    expect(comments.html).toContain(elm.name);
    expect(comments.html).not.toContain('07700 900123');
  });

  it('lists the comments behind a theme a page at a time', async () => {
    // 21 comments on one theme: one more than a page holds.
    for (let visit = 1; visit <= 21; visit++) {
      const sent = await t.json('/api/responses', {
        body: {
          code: dun.code,
          channel: 'qr',
          language: 'en',
          idempotencyKey: `staff-pages-weekend-${visit}`,
          answers: { fft: 'poor', better: `Please run sessions at weekends or in the evenings, we both work full time (visit ${visit})` },
        },
      });
      expect(sent.status).toBe(201);
    }
    await t.deps.writer.flush();
    const [weekend] = (await t.json(`/api/comments?site=${dun.code}`, { token: await t.login() })).body.comments;
    const theme = weekend.themes[0].theme as string;
    const cookie = await signIn(ADMIN);
    const first = await page(`/dashboard/comments?theme=${theme}`, cookie);
    const second = await page(`/dashboard/comments?theme=${theme}&page=2`, cookie);
    expect(first.status).toBe(200);
    expect(first.html).toContain('rel="next"');
    expect(second.status).toBe(200);
    expect(second.html).toMatch(/<title>[^<]*\(page 2\)/);
    expect(second.html).toContain('rel="prev"');
    const visits = (html: string) => [...html.matchAll(/full time \(visit (\d+)\)/g)].map((match) => match[1]);
    expect(visits(first.html)).toHaveLength(20);
    expect(new Set([...visits(first.html), ...visits(second.html)]).size).toBe(21);
    expect(second.html).not.toContain('07700 900123');
  });
});

describe('the home page', () => {
  it('links staff to the dashboard and to sign in', async () => {
    const home = await page('/');
    expect(home.html).toContain('href="/dashboard"');
    expect(home.html).toContain('href="/sign-in"');
  });
});

describe('counts in words', () => {
  it('agree with the number, as the dashboard and the safeguarding queue print them', () => {
    expect([counted(0, 'comment', 'comments'), counted(1, 'comment', 'comments'), counted(1204, 'flag is', 'flags are')]).toEqual([
      '0 comments',
      '1 comment',
      '1,204 flags are',
    ]);
  });
});
