/**
 * The people pages without JavaScript: plain form posts, each answered with a redirect and a
 * banner, or the page again with GOV.UK-style errors; the same rules as the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCouncilApp, makeUser, type CouncilApp, type MadeUser } from './helpers/factories';

let t: CouncilApp;
let admin: string;
let person: MadeUser;

beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
  person = await makeUser(t.store, 'analyst', { type: 'organisation', id: t.council.organisation.id }, 'pages@riverside.example');
});
afterAll(() => t.close());

const post = (path: string, fields: Record<string, string> = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
const get = async (path: string) => (await t.app.request(path, { headers: { authorization: `Bearer ${admin}` } })).text();

describe('the people pages', () => {
  it('gives a role at a site and takes it away again, each with a banner', async () => {
    const given = await post(`/people/${person.id}/roles`, { role: 'site_staff', place: `site:${t.council.sites.bay.id}` });
    expect(given.status).toBe(303);
    expect(given.headers.get('location')).toBe(`/people/${person.id}?done=role`);
    const page = await get(`/people/${person.id}?done=role`);
    expect(page).toContain('Role given');
    expect(page).toContain('Site staff</strong>, Baywood Family Hub (site)');
    const assignment = await t.store.client.execute({ sql: "SELECT id FROM role_assignments WHERE user_id = ? AND role = 'site_staff'", args: [person.id] });
    const removed = await post(`/people/${person.id}/roles/${assignment.rows[0]!.id}/remove`);
    expect(removed.headers.get('location')).toBe(`/people/${person.id}?done=removed`);
    expect(await get(`/people/${person.id}`)).not.toContain('Baywood Family Hub (site)');
  });

  it('does not offer an organisation admin the safeguarding lead role, and refuses it with the reason when posted anyway', async () => {
    const page = await get('/people');
    expect(page).not.toContain('value="safeguarding_lead"');
    expect(page).toContain('Appointing a safeguarding lead needs the platform administrator or another safeguarding lead.');
    const refused = await post(`/people/${person.id}/roles`, { role: 'safeguarding_lead', place: `organisation:${t.council.organisation.id}` });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Appointing a safeguarding lead needs a safeguarding lead or the platform administrator.');
  });

  it('names each missing field of the invitation form, in order, and keeps what was typed', async () => {
    const response = await post('/people', { name: 'Half Done', email: 'not-an-email' });
    expect(response.status).toBe(422);
    const html = await response.text();
    const summary = [...html.matchAll(/<li><a href="#(\w+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(summary).toEqual([
      ['email', 'Enter an email address in the correct format, like name@example.org'],
      ['role', 'Choose a role'],
      ['place', 'Choose where the role applies'],
    ]);
    expect(html).toContain('value="Half Done"');
  });

  it('disables an account, ending its sessions, and enables it again; never one’s own', async () => {
    const session = await t.login(person.email, person.password);
    expect((await post(`/people/${person.id}/disable`)).headers.get('location')).toBe(`/people/${person.id}?done=disabled`);
    expect((await t.json('/api/auth/me', { token: session })).status).toBe(401);
    expect(await get(`/people/${person.id}?done=disabled`)).toContain('Enable account');
    await post(`/people/${person.id}/enable`);
    await t.login(person.email, person.password);
    const self = await post(`/people/${t.council.users.admin.id}/disable`);
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('You cannot disable your own account');
  });

  it('answers a person another organisation holds as not found', async () => {
    const response = await t.app.request('/people/u_nobody', { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Person not found');
  });
});
