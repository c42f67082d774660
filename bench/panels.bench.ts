/**
 * Panels (issue 14): the cost of sealing and opening a member's contact details (AES-256-GCM via
 * Web Crypto), importing 2,000 members from CSV in one transaction, and opening a wave for them
 * (2,000 personal links hashed and stored, 2,000 messages handed to a mailer that keeps them).
 */
import { makeCouncilApp } from '../test/helpers/factories';
import { contactSealer } from '../server/contact-crypto';
import type { BenchRow } from './types';

const KEY = `k1:${Buffer.alloc(32, 5).toString('base64')}`;
const MEMBERS = 2_000;

export default async function panelsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sealer = contactSealer(KEY);
  const contact = { name: 'A Parent', email: 'parent@example.org', phone: '+447700900123' };
  const sealed: string[] = [];
  let start = performance.now();
  for (let i = 0; i < 5_000; i++) sealed.push(await sealer.seal(`pm_${i}`, contact));
  rows.push({ bench: 'panels', measure: 'seal one contact (AES-256-GCM)', value: Math.round(((performance.now() - start) / 5_000) * 1000), unit: 'µs' });
  start = performance.now();
  for (let i = 0; i < 5_000; i++) await sealer.open(`pm_${i}`, sealed[i]!);
  rows.push({ bench: 'panels', measure: 'open one contact', value: Math.round(((performance.now() - start) / 5_000) * 1000), unit: 'µs' });

  const sent: unknown[] = [];
  const t = await makeCouncilApp({ PANEL_CONTACT_KEYS: KEY }, { mailer: { send: async (m) => void sent.push(m) } });
  try {
    const admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
    const panel = await t.json('/api/panels', { token: admin, body: { name: 'Bench panel', kind: 'start_for_life', siteCode: 'ash' } });
    const csv = ['email,children', ...Array.from({ length: MEMBERS }, (_, i) => `member${i}@example.org,2025-0${(i % 9) + 1}`)].join('\n');
    start = performance.now();
    const imported = await t.json(`/api/panels/${panel.body.id}/members/import`, { token: admin, body: { csv, consentVersion: 'v1' } });
    rows.push({
      bench: 'panels',
      measure: `import ${MEMBERS} members from CSV (${imported.status})`,
      value: Math.round(performance.now() - start),
      unit: 'ms',
    });
    const wave = await t.json(`/api/panels/${panel.body.id}/waves`, {
      token: admin,
      body: { name: 'W', surveyId: t.council.survey.id, opensAt: '2020-01-01', closesAt: '2099-01-01' },
    });
    start = performance.now();
    const opened = await t.json(`/api/waves/${wave.body.id}/open`, { token: admin, body: {} });
    rows.push({
      bench: 'panels',
      measure: `open a wave for ${opened.body.invited} members (links + messages)`,
      value: Math.round(performance.now() - start),
      unit: 'ms',
    });
  } finally {
    await t.close();
  }
  return rows;
}
