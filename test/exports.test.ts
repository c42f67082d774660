import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import { auditLog, roleAssignments } from '../db/schema';
import { addResponses } from './helpers/app';
import { makeCouncilApp, makeUser, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let commissioner: string;
let manager: string;
const FORMULA = '=HYPERLINK("http://evil.example","click me") the room was cold';
const DISCLOSURE = 'The staff were rude to me and my partner hits me when he drinks';
/** Safeguarding lead at Dunmere only, and analyst for the whole council. */
let dunLeadAndAnalyst: string;
const AT = '2026-10-15T10:00:00Z';

/** Starts an export, waits for it, and returns the file's bytes. */
async function exported(token: string, body: Record<string, unknown>): Promise<Buffer> {
  const started = await t.json('/api/exports', { token, body });
  expect(started.status).toBe(202);
  let status = started.body;
  for (let i = 0; status.status === 'running' && i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = (await t.json(`/api/exports/${started.body.id}`, { token })).body;
  }
  expect(status.status).toBe('done');
  const response = await t.app.request(status.href, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const rowsOf = (csv: Buffer) => parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
/** The data rows under the header that starts with `first`. */
const table = (rows: string[][], first: string) => {
  const at = rows.findIndex((r) => r[0] === first);
  expect(at).toBeGreaterThanOrEqual(0);
  const header = rows[at]!;
  const body: Record<string, string>[] = [];
  for (const row of rows.slice(at + 1)) {
    if (row.length === 1 && row[0] === '') break;
    body.push(Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
  }
  return body;
};

beforeAll(async () => {
  t = await makeCouncilApp();
  const { users } = t.council;
  commissioner = await t.login(users.commissioner.email, users.commissioner.password);
  manager = await t.login(users.providerManager.email, users.providerManager.password);
  const both = await makeUser(t.store, 'safeguarding_lead', { type: 'site', id: t.council.sites.dun.id }, 'dsl@dunmere.example');
  await t.store.db
    .insert(roleAssignments)
    .values({ id: newId('ra'), userId: both.id, role: 'analyst', scopeType: 'organisation', scopeId: t.council.organisation.id });
  dunLeadAndAnalyst = await t.login(both.email, both.password);
  await addResponses(t, 'ash', 30, 1, AT);
  await addResponses(t, 'bay', 20, 4, AT);
  await addResponses(t, 'cob', 3, 1, AT);
  await addResponses(t, 'elm', 8, 5, AT);
  // Comments go through the one ingestion path, so they are read, redacted and counted as in life.
  for (let i = 0; i < 7; i++) {
    const better = i === 0 ? FORMULA : i === 6 ? DISCLOSURE : `The room was too cold on visit ${i}`;
    const sent = await t.json('/api/responses', { body: { code: 'dun', answers: { fft: 'good', better }, idempotencyKey: `export-comment-${i}` } });
    expect(sent.status).toBe(201);
  }
});
afterAll(async () => {
  await t.deps.services.exports.dispose();
  await t.close();
});

describe('exports', () => {
  it('writes the satisfaction table as CSV with a BOM, its figures and its suppression as the report has them', async () => {
    const csv = await exported(commissioner, { kind: 'satisfaction', format: 'csv', from: '2026-10-01', to: '2026-10-31' });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = table(rowsOf(csv), 'Group');
    const bySite = Object.fromEntries(rows.map((r) => [r.Group, r]));
    expect(bySite['Ashby Family Hub']).toMatchObject({ Responses: '30', '% positive': '100', Suppressed: '' });
    expect(bySite['Baywood Family Hub']).toMatchObject({ Responses: '20', '% positive': '0', '% negative': '100' });
    // Three at Cobb Lane are too few to show; Elmfield, the next smallest, is hidden with it so the total cannot give Cobb Lane away.
    expect(bySite['Cobb Lane Children’s Centre']).toMatchObject({ Responses: '', '% positive': '', Suppressed: 'suppressed (small)' });
    expect(bySite['Elmfield Family Hub']).toMatchObject({ Responses: '', '% positive': '', Suppressed: 'suppressed (secondary)' });
    expect(bySite.Total).toMatchObject({ Responses: '61' });
    // The same figures as the report the dashboard reads.
    const report = await t.json('/api/reports/satisfaction?from=2026-10-01&to=2026-10-31', { token: commissioner });
    for (const row of report.body.rows) {
      expect(bySite[row.label]!.Responses).toBe(row.n === null ? '' : String(row.n));
      expect(bySite[row.label]!['95% CI low']).toBe(row.ci95 === null ? '' : String(Math.round(row.ci95[0] * 1000) / 10));
    }
  });

  it('exports responses a table per survey version, leaving out the sites suppression hides', async () => {
    const csv = await exported(commissioner, { kind: 'responses', format: 'csv', from: '2026-10-01', to: '2026-10-31' });
    const all = rowsOf(csv);
    expect(all.some((r) => r[0]?.startsWith('Left out: the responses of 2 sites'))).toBe(true);
    const rows = table(all, 'Response');
    const sites: Record<string, number> = {};
    for (const row of rows) sites[row.Site!] = (sites[row.Site!] ?? 0) + 1;
    expect(sites).toEqual({ 'Ashby Family Hub': 30, 'Baywood Family Hub': 20 });
    // Answers as the family gave them (the seven sent through the API today, outside October above).
    const today = table(rowsOf(await exported(commissioner, { kind: 'responses', format: 'csv', site: 'dun' })), 'Response');
    expect(today.map((r) => r['Friends and Family Test'])).toEqual(Array(7).fill('good'));
  });

  it('keeps to the exporter’s scope: a provider manager gets only their provider’s sites', async () => {
    const csv = await exported(manager, { kind: 'satisfaction', format: 'csv' });
    const groups = table(rowsOf(csv), 'Group').map((r) => r.Group);
    expect(groups).toContain('Ashby Family Hub');
    expect(groups).not.toContain('Elmfield Family Hub');
  });

  it('exports redacted comments with a formula-looking one neutralised in CSV and plain text in XLSX', async () => {
    const csv = await exported(commissioner, { kind: 'comments', format: 'csv' });
    const rows = table(rowsOf(csv), 'Comment');
    expect(rows).toHaveLength(7);
    const texts = rows.map((r) => r['Text (redacted)']);
    expect(texts).toContain(`'${FORMULA}`);
    // Under an open safeguarding flag the words stay withheld, as in drill-down.
    expect(texts).toContain('withheld: under safeguarding review');
    expect(texts.join(' ')).not.toContain('hits me');
    expect(rows[0]).not.toHaveProperty('Original text');

    const xlsx = await exported(commissioner, { kind: 'comments', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Comments')!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const formula = cells.find((cell) => String(cell.value).includes('HYPERLINK'))!;
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe(FORMULA);
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('gives a safeguarding lead the family’s own words where they are lead, and audits that it did', async () => {
    const csv = await exported(dunLeadAndAnalyst, { kind: 'comments', format: 'csv', originals: true });
    const rows = table(rowsOf(csv), 'Comment');
    expect(rows.map((r) => r['Original text'])).toContain(DISCLOSURE);
    const audit = await t.store.db.select().from(auditLog).where(eq(auditLog.action, 'export_downloaded'));
    expect(audit.at(-1)!.details).toMatchObject({ kind: 'comments', originals: true });

    // Asked for by someone who may not read them: the redacted text only.
    const plain = table(rowsOf(await exported(commissioner, { kind: 'comments', format: 'csv', originals: true })), 'Comment');
    expect(plain[0]).not.toHaveProperty('Original text');
  });

  it('writes every report table as XLSX that a real reader reads back', async () => {
    for (const kind of ['satisfaction', 'equity', 'trends', 'themes']) {
      const xlsx = await exported(commissioner, { kind, format: 'xlsx', from: '2026-10-01', to: '2026-10-31' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(workbook.worksheets).toHaveLength(1);
      expect(String(workbook.worksheets[0]!.getCell('A1').value)).toContain(`hubvoice export: ${kind}`);
    }
  });

  it('audits every export with what, how and under which filters', async () => {
    await exported(commissioner, { kind: 'themes', format: 'csv', site: 'dun' });
    const rows = await t.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export_downloaded'), eq(auditLog.userId, t.council.users.commissioner.id)));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.at(-1)!.details).toMatchObject({ kind: 'themes', format: 'csv', filters: 'site dun', originals: false });
  });

  it('runs from the staff page without script: a plain form post, a progress page that refreshes itself, then the file', async () => {
    const signIn = await t.app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ email: t.council.users.analyst.email, password: t.council.users.analyst.password }).toString(),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const form = await t.app.request('/exports?from=2026-10-01&to=2026-10-31', { headers: { cookie } });
    expect(await form.text()).toContain('value="2026-10-01"');
    const started = await t.app.request('/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie },
      body: new URLSearchParams({
        kind: 'equity',
        dimension: 'firstLanguage',
        groupBy: 'site',
        format: 'csv',
        from: '2026-10-01',
        to: '2026-10-31',
      }).toString(),
    });
    expect(started.status).toBe(303);
    const progress = started.headers.get('location')!;
    let html = '';
    for (let i = 0; i < 100 && !html.includes('Your download is ready'); i++) {
      const response = await t.app.request(progress, { headers: { cookie } });
      html = await response.text();
      if (!html.includes('Your download is ready')) expect(response.headers.get('refresh')).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(html).toContain('rows written');
    const file = await t.app.request(`${progress}/file`, { headers: { cookie } });
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="hubvoice-equity-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await file.text()).toContain('hubvoice export: equity by firstLanguage');

    const invalid = await t.app.request('/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie },
      body: new URLSearchParams({ kind: 'everything' }).toString(),
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('Choose what to download');
  });

  it('refuses a site outside scope naming the field, other people’s exports, and people without reports', async () => {
    const outside = await t.json('/api/exports', { token: manager, body: { kind: 'responses', site: 'dun' } });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details[0].field).toBe('site');
    const mine = await t.json('/api/exports', { token: commissioner, body: { kind: 'satisfaction' } });
    expect((await t.json(`/api/exports/${mine.body.id}`, { token: manager })).status).toBe(404);
    const lead = t.council.users.safeguardingLead;
    expect((await t.json('/api/exports', { token: await t.login(lead.email, lead.password), body: { kind: 'comments' } })).status).toBe(403);
  });
});
