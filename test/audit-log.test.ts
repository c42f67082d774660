/**
 * The audit log for admins through the API and the page: filtered by who, what and when, paged,
 * kept to the admin's own organisation, and exported as CSV with a BOM and formula cells made safe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited } from '../db/audit';
import { auditLog } from '../db/schema';
import { ADMIN } from './helpers/app';
import { makeCouncilApp, makeOrganisation, makeUser, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
let platform: string;

beforeAll(async () => {
  t = await makeCouncilApp();
  const organisationId = t.council.organisation.id;
  const elsewhere = await makeOrganisation(t.store, { slug: 'elsewhere', name: 'Elsewhere Council' });
  // 60 role grants in November by the council's admin, and one event in another organisation.
  for (let i = 0; i < 60; i++) {
    await audited(t.store.db, {
      at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9)),
      action: 'role_granted',
      userId: t.council.users.admin.id,
      organisationId,
      targetType: 'user',
      targetId: `u_${i}`,
      details: { role: 'analyst' },
    });
  }
  await audited(t.store.db, { at: new Date('2026-11-15T10:00:00Z'), action: 'settings_changed', userId: null, organisationId: elsewhere.id, details: {} });
  // Someone whose email a spreadsheet would run as a formula.
  const sneaky = await makeUser(t.store, 'analyst', { type: 'organisation', id: organisationId }, '=1+2@riverside.example');
  await t.login(sneaky.email, sneaky.password);
  admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
  platform = await t.login(ADMIN.email, ADMIN.password);
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('pages through an organisation admin’s events newest first, 50 at a time, never another organisation’s', async () => {
    const first = await t.json('/api/audit?action=role_granted', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(50);
    const second = await t.json(`/api/audit?action=role_granted&before=${first.body.next}`, { token: admin });
    expect(second.body.events).toHaveLength(10);
    expect(second.body.next).toBeNull();
    const ids = [...first.body.events, ...second.body.events].map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const settings = await t.json('/api/audit?action=settings_changed', { token: admin });
    expect(settings.body.events).toEqual([]);
    expect((await t.json('/api/audit?action=settings_changed', { token: platform })).body.events).toHaveLength(1);
  });

  it("includes sign-ins by the organisation's own people, which belong to no organisation themselves", async () => {
    const logins = await t.json('/api/audit?action=login&who=riverside', { token: admin });
    expect(logins.body.events.map((e: { email: string }) => e.email)).toEqual(expect.arrayContaining(['=1+2@riverside.example', 'admin@riverside.example']));
    expect(logins.body.events.map((e: { email: string }) => e.email)).not.toContain(ADMIN.email);
  });

  it('filters by when, both dates inclusive, and refuses a date that does not exist', async () => {
    const week = await t.json('/api/audit?action=role_granted&from=2026-11-01&to=2026-11-07', { token: admin });
    // Days 1-7 of the 28-day cycle, of 60 events: days 1-4 three times, days 5-7 twice.
    expect(week.body.events).toHaveLength(18);
    expect(week.body.events.every((e: { at: string }) => e.at >= '2026-11-01' && e.at < '2026-11-08')).toBe(true);
    const bad = await t.json('/api/audit?from=2026-02-31', { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('from');
  });

  it('exports every matching event as CSV with a UTF-8 BOM, and makes formula cells safe', async () => {
    const response = await t.app.request('/api/audit/export?who=riverside', { headers: { authorization: `Bearer ${admin}` } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="hubvoice-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('time,who,name,action,target_type,target_id,organisation_id,details');
    expect(lines).toHaveLength(1 + 60 + 2);
    expect(text).toContain(",'=1+2@riverside.example,'=1+2,login,");
    expect(text).not.toMatch(/,=1\+2@/);
  });

  it('exports more events than one batch, each once, with one header and one byte-order mark', async () => {
    const at = new Date('2026-10-01T08:00:00Z');
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      at,
      action: 'comment_themes_corrected',
      userId: null,
      organisationId: t.council.organisation.id,
      targetId: `c_${i}`,
    }));
    for (let i = 0; i < rows.length; i += 500) await t.store.db.insert(auditLog).values(rows.slice(i, i + 500));
    const response = await t.app.request('/api/audit/export?action=comment_themes_corrected', { headers: { authorization: `Bearer ${admin}` } });
    // ignoreBOM keeps every byte-order mark in the text, to count them.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[5])).size).toBe(2500);
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    expect(lines.filter((line) => line.replace('\uFEFF', '').startsWith('time,'))).toHaveLength(1);
  });

  it('shows the page with filters and a link to the same events as CSV, and keeps other roles out', async () => {
    const page = await t.app.request('/audit?action=role_granted&from=2026-11-01', { headers: { authorization: `Bearer ${admin}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('href="/api/audit/export?action=role_granted&amp;from=2026-11-01"');
    expect(html).toContain('Older events');
    const commissioner = await t.login(t.council.users.commissioner.email, t.council.users.commissioner.password);
    expect((await t.app.request('/audit', { headers: { authorization: `Bearer ${commissioner}` } })).status).toBe(403);
    expect((await t.json('/api/audit', { token: commissioner })).status).toBe(403);
  });
});
