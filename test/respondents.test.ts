/**
 * Rights of access and erasure for a family who wrote their contact details in a comment (issue 17,
 * item 11), through real HTTP on a real libSQL file: found by the email or phone number however it
 * was written, exported with their own words (audited), erased from queries, the file and its log,
 * and kept while under an open safeguarding flag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { ERASED_TEXT } from '../db/respondents';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
let analyst: string;
beforeAll(async () => {
  t = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  admin = await t.login();
  analyst = await t.login(t.council.users.analyst.email, t.council.users.analyst.password);
  const send = async (key: string, better: string) => {
    const response = await t.json('/api/responses', {
      body: { code: t.council.sites.ash.code, channel: 'qr', language: 'en', idempotencyKey: key, answers: { fft: 'good', better } },
    });
    expect(response.status).toBe(201);
  };
  await send('resp-access-1', 'Please call me back on 07700 900123 about the baby group, the times do not work');
  await send('resp-access-2', 'Same as before, my number is +44 7700 900123 and I would like a Saturday group');
  await send('resp-access-3', 'Email quokka.parent@example.org if there is a Saturday group');
  await send('resp-access-4', 'Somebody else entirely, 07700 900999');
  await send('resp-access-5', 'My partner hits me, call me on 07700 900777');
  await t.deps.writer.flush();
});
afterAll(() => t.close());

const onDisk = (text: string) =>
  ['hubvoice.db', 'hubvoice.db-wal'].some((name) => {
    const path = join(t.dir, name);
    return existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));
  });
const call = (path: string, contact: string, token = admin) => t.json(path, { token, body: { contact } });

describe('a family’s own words, found by the contact they wrote', () => {
  it('finds every comment with the number however it was written, showing staff only the redacted text', async () => {
    const { status, body } = await call('/api/respondents/search', '07700-900-123');
    expect(status).toBe(200);
    expect(body.comments).toHaveLength(2);
    expect(JSON.stringify(body.comments)).not.toContain('900123');
    expect((await call('/api/respondents/search', 'QUOKKA.parent@example.org')).body.comments).toHaveLength(1);
    const invalid = await call('/api/respondents/search', 'not a contact');
    expect(invalid.status).toBe(422);
    expectErrorShape(invalid.body);
    expect((await call('/api/respondents/search', '07700900123', analyst)).status).toBe(403);
  });

  it('exports their own words for sending to them, and audits it', async () => {
    const { status, body } = await call('/api/respondents/export', '07700 900123');
    expect(status).toBe(200);
    expect(body.responses).toHaveLength(2);
    expect(JSON.stringify(body.responses)).toContain('Please call me back on 07700 900123');
    const events = await t.store.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog);
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'respondent_data_exported', details: { responses: 2, kind: 'phone' } })]));
  });

  it('erases their words from queries, the file and its log, leaving everyone else’s', async () => {
    expect(onDisk('Please call me back on 07700 900123')).toBe(true);
    const { status, body } = await call('/api/respondents/erase', '07700900123');
    expect(status).toBe(200);
    expect(body).toEqual({ erased: 2 });
    expect(onDisk('Please call me back on 07700 900123')).toBe(false);
    expect(onDisk('my number is +44 7700 900123')).toBe(false);
    expect((await call('/api/respondents/search', '07700900123')).body.comments).toHaveLength(0);
    const rows = await t.store.client.execute('SELECT text, redacted FROM comments WHERE redacted = ?', [ERASED_TEXT]);
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows.every((row) => row.text === null)).toBe(true);
    expect((await call('/api/respondents/search', '07700900999')).body.comments).toHaveLength(1);
  });

  it('keeps words under an open safeguarding flag until a lead closes it', async () => {
    const refused = await call('/api/respondents/erase', '07700 900777');
    expect(refused.status).toBe(422);
    expectErrorShape(refused.body);
    expect(refused.body.error.details[0].code).toBe('under_safeguarding_review');
    expect((await call('/api/respondents/search', '07700 900777')).body.comments[0].underReview).toBe(true);
  });

  it('works from the page without JavaScript: find, then erase only when confirmed', async () => {
    const form = (path: string, fields: Record<string, string>) =>
      t.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams(fields).toString(),
      });
    const found = await form('/privacy', { contact: 'quokka.parent@example.org' });
    expect(found.status).toBe(200);
    expect(await found.text()).toContain('1 comment found');
    const unconfirmed = await form('/privacy/erase', { contact: 'quokka.parent@example.org' });
    expect(unconfirmed.status).toBe(422);
    const erased = await form('/privacy/erase', { contact: 'quokka.parent@example.org', confirm: 'yes' });
    expect(await erased.text()).toContain('Erased: the words of 1 response.');
    expect(onDisk('quokka.parent@example.org')).toBe(false);
  });

  it('finds and erases a contact a facilitator wrote into a meeting’s notes, as it does a family’s own', async () => {
    const meeting = await t.json('/api/meetings', {
      token: admin,
      body: {
        kind: 'focus_group',
        title: 'Weekend group',
        site: t.council.sites.ash.code,
        heldOn: new Date().toISOString().slice(0, 10),
        participants: 4,
        notes: 'One mum asked for a Saturday group, ring her on 07700 900555',
      },
    });
    expect(meeting.status).toBe(201);
    const found = await call('/api/respondents/search', '07700900555');
    expect(found.body.comments).toEqual([expect.objectContaining({ responseId: null, meetingId: meeting.body.id })]);
    expect(found.body.comments[0].redacted).not.toContain('900555');
    expect(JSON.stringify((await call('/api/respondents/export', '07700900555')).body)).toContain('ring her on 07700 900555');
    expect(onDisk('ring her on 07700 900555')).toBe(true);
    expect((await call('/api/respondents/erase', '07700 900 555')).body).toEqual({ erased: 1 });
    expect(onDisk('ring her on 07700 900555')).toBe(false);
    const notes = await t.json(`/api/meetings/${meeting.body.id}`, { token: admin });
    expect(notes.body.notes[0].redacted).toBe(ERASED_TEXT);
  });
});
