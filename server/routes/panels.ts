/**
 * Parent and carer panels over JSON: panels, members (by hand or CSV), withdrawal, erasure and the
 * subject-access export; waves (create, open, remind, close), their report and their answers by
 * pseudonym. The rules are in server/services/panels.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { NewMemberInput, NewPanel, NewWave, PANEL_KINDS } from '../services/panels';

import { LIFE_STAGES } from '../../survey/life-stage';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const tags = ['Panels'];
const Id = z.object({ id: z.string().max(64) });

const PanelOut = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    kind: z.enum(PANEL_KINDS),
    siteCode: z.string(),
    siteName: z.string(),
    members: z.number().int(),
  })
  .openapi('Panel');
const ChildOut = z.object({ month: z.string(), expected: z.boolean(), send: z.boolean() });
const MemberOut = z
  .object({
    id: z.string(),
    pseudonym: z.string(),
    language: z.string(),
    consentedAt: z.string(),
    consentVersion: z.string(),
    withdrawnAt: z.string().nullable(),
    hasEmail: z.boolean(),
    hasPhone: z.boolean(),
    stages: z.array(z.enum(LIFE_STAGES)),
    children: z.array(ChildOut),
  })
  .openapi('PanelMember');
const WaveOut = z
  .object({
    id: z.string(),
    panelId: z.string(),
    name: z.string(),
    surveyId: z.string(),
    surveyName: z.string(),
    stages: z.array(z.string()).nullable(),
    opensAt: z.string(),
    closesAt: z.string(),
    reminderLimit: z.number().int(),
    reminderGapDays: z.number().int(),
    status: z.enum(['draft', 'open', 'closed']),
  })
  .openapi('PanelWave');
const Sent = z.object({ email: z.number().int(), sms: z.number().int(), none: z.number().int(), failed: z.number().int() });
const Paired = z.object({ pairs: z.number().int(), change: z.number(), low: z.number(), high: z.number() }).passthrough();
const ReportOut = z
  .object({
    invited: z.number().int(),
    answered: z.number().int(),
    rate: z.number().nullable(),
    suppressed: z.boolean(),
    byStage: z.array(
      z.object({
        stage: z.string(),
        invited: z.number().int().nullable(),
        answered: z.number().int().nullable(),
        rate: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    ),
    change: z
      .object({
        previousWaveId: z.string(),
        previousWaveName: z.string(),
        pairs: z.number().int(),
        shown: z.boolean(),
        positive: Paired.nullable(),
        rating: Paired.nullable(),
      })
      .nullable(),
  })
  .openapi('PanelWaveReport');

type WaveRow = Awaited<ReturnType<AppDeps['services']['panels']['wave']>>;
const waveOut = (w: WaveRow) => ({
  id: w.id,
  panelId: w.panelId,
  name: w.name,
  surveyId: w.surveyId,
  surveyName: w.surveyName,
  stages: w.stages ?? null,
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt.toISOString(),
  reminderLimit: w.reminderLimit,
  reminderGapDays: w.reminderGapDays,
  status: w.status,
});
const panelOut = (p: z.infer<typeof PanelOut>) => ({
  id: p.id,
  organisationId: p.organisationId,
  name: p.name,
  kind: p.kind,
  siteCode: p.siteCode,
  siteName: p.siteName,
  members: p.members,
});

export function panelRoutes(deps: AppDeps) {
  const panels = deps.services.panels;
  const manage = { tags, security: signedIn, middleware: [authorize(deps, 'panels.manage')] };
  const read = { tags, security: signedIn, middleware: [authorize(deps, 'panels.read')] };
  const notFound = (what: string) => ({ ...SIGNED_IN_ERRORS, 404: `No such ${what} you may see` });

  const list = createRoute({
    ...read,
    method: 'get',
    path: '/api/panels',
    summary: 'Panels of the organisations the caller may read',
    responses: { 200: json(z.array(PanelOut), 'The panels, by name'), ...errors(SIGNED_IN_ERRORS) },
  });
  const create = createRoute({
    ...manage,
    method: 'post',
    path: '/api/panels',
    summary: 'Create a panel',
    request: { body: body(NewPanel, 'The panel') },
    responses: { 201: json(PanelOut, 'The panel'), ...errors({ ...SIGNED_IN_ERRORS, 422: 'Bad input; `details[].field` names it' }) },
  });
  const members = createRoute({
    ...manage,
    method: 'get',
    path: '/api/panels/{id}/members',
    summary: 'A panel’s members: pseudonym, life stages today, consent; never the contact details themselves',
    request: { params: Id },
    responses: { 200: json(z.array(MemberOut), 'The members, oldest first'), ...errors(notFound('panel')) },
  });
  const addMember = createRoute({
    ...manage,
    method: 'post',
    path: '/api/panels/{id}/members',
    summary: 'Add one member (email and/or UK mobile, sealed at rest)',
    request: { params: Id, body: body(NewMemberInput, 'The member') },
    responses: {
      201: json(MemberOut, 'The member'),
      ...errors({ ...notFound('panel'), 422: 'Bad input, or already on the panel', 503: 'PANEL_CONTACT_KEYS is not configured' }),
    },
  });
  const importCsv = createRoute({
    ...manage,
    method: 'post',
    path: '/api/panels/{id}/members/import',
    summary: 'Import members from CSV: all rows or none',
    description:
      'Columns: `name`, `email`, `mobile`, `language`, `children` (e.g. `2023-04 send; due 2027-01`), `consented_at`. A 422 lists every bad row as `details[].field` = `row N`.',
    request: {
      params: Id,
      body: body(z.object({ csv: z.string().max(2_000_000), consentVersion: z.string().trim().min(1).max(40) }), 'The file and the consent wording version'),
    },
    responses: {
      201: json(z.object({ added: z.number().int() }), 'Every row was added'),
      ...errors({ ...notFound('panel'), 422: 'Bad rows: nothing was added' }),
    },
  });
  const withdraw = createRoute({
    ...manage,
    method: 'post',
    path: '/api/panel-members/{id}/withdraw',
    summary: 'Withdraw a member: no more messages',
    request: { params: Id },
    responses: { 204: { description: 'Withdrawn' }, ...errors(notFound('member')) },
  });
  const erase = createRoute({
    ...manage,
    method: 'delete',
    path: '/api/panel-members/{id}',
    summary: 'Erase a member: contact details gone from the database file; past answers kept only as anonymous',
    request: { params: Id },
    responses: { 204: { description: 'Erased' }, ...errors(notFound('member')) },
  });
  const exportMember = createRoute({
    ...manage,
    method: 'get',
    path: '/api/panel-members/{id}/export',
    summary: 'Subject-access export: everything held about one member',
    request: { params: Id },
    responses: { 200: json(z.object({}).passthrough(), 'Everything held about the member'), ...errors(notFound('member')) },
  });
  const waves = createRoute({
    ...read,
    method: 'get',
    path: '/api/panels/{id}/waves',
    summary: 'A panel’s waves, oldest first',
    request: { params: Id },
    responses: { 200: json(z.array(WaveOut), 'The waves'), ...errors(notFound('panel')) },
  });
  const createWave = createRoute({
    ...manage,
    method: 'post',
    path: '/api/panels/{id}/waves',
    summary: 'Create a wave (a draft until opened)',
    request: { params: Id, body: body(NewWave, 'The wave') },
    responses: { 201: json(WaveOut, 'The wave'), ...errors({ ...notFound('panel'), 422: 'Bad input' }) },
  });
  const open = createRoute({
    ...manage,
    method: 'post',
    path: '/api/waves/{id}/open',
    summary: 'Open a wave: each member at a targeted stage gets a personal single-use link',
    request: { params: Id },
    responses: { 200: json(Sent.extend({ invited: z.number().int() }), 'Invited'), ...errors({ ...notFound('wave'), 409: 'Already opened' }) },
  });
  const remind = createRoute({
    ...manage,
    method: 'post',
    path: '/api/waves/{id}/remind',
    summary: 'Remind members who have not answered (at most N times, at least D days apart)',
    request: { params: Id },
    responses: { 200: json(Sent.extend({ reminded: z.number().int() }), 'Reminded'), ...errors({ ...notFound('wave'), 409: 'The wave is not open' }) },
  });
  const close = createRoute({
    ...manage,
    method: 'post',
    path: '/api/waves/{id}/close',
    summary: 'Close a wave: its links then show a kind message',
    request: { params: Id },
    responses: { 200: json(WaveOut, 'The wave'), ...errors(notFound('wave')) },
  });
  const report = createRoute({
    ...read,
    method: 'get',
    path: '/api/waves/{id}/report',
    summary: 'Response rates (suppressed below 5) and paired change from the previous wave',
    request: { params: Id },
    responses: { 200: json(ReportOut, 'The report'), ...errors(notFound('wave')) },
  });
  const answers = createRoute({
    ...read,
    method: 'get',
    path: '/api/waves/{id}/answers',
    summary: 'Who answered, by pseudonym only, with the response id',
    request: { params: Id },
    responses: {
      200: json(z.array(z.object({ pseudonym: z.string(), responseId: z.string(), stages: z.array(z.string()) })), 'The answers'),
      ...errors(notFound('wave')),
    },
  });

  return apiRoutes()
    .openapi(list, async (c) => c.json((await panels.list(c.var.principal)).map(panelOut), 200))
    .openapi(create, async (c) => c.json(panelOut(await panels.create(c.var.principal, c.req.valid('json'))), 201))
    .openapi(members, async (c) => c.json(await panels.members(c.var.principal, c.req.valid('param').id), 200))
    .openapi(addMember, async (c) => c.json(await panels.addMember(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(importCsv, async (c) => {
      const { csv, consentVersion } = c.req.valid('json');
      return c.json(await panels.importCsv(c.var.principal, c.req.valid('param').id, csv, consentVersion), 201);
    })
    .openapi(withdraw, async (c) => {
      await panels.withdraw(c.var.principal, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(erase, async (c) => {
      await panels.erase(c.var.principal, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(exportMember, async (c) => c.json(await panels.exportMember(c.var.principal, c.req.valid('param').id), 200))
    .openapi(waves, async (c) => c.json((await panels.waves(c.var.principal, c.req.valid('param').id)).map(waveOut), 200))
    .openapi(createWave, async (c) => c.json(waveOut(await panels.createWave(c.var.principal, c.req.valid('param').id, c.req.valid('json'))), 201))
    .openapi(open, async (c) => c.json(await panels.open(c.var.principal, c.req.valid('param').id), 200))
    .openapi(remind, async (c) => c.json(await panels.remind(c.var.principal, c.req.valid('param').id), 200))
    .openapi(close, async (c) => c.json(waveOut(await panels.close(c.var.principal, c.req.valid('param').id)), 200))
    .openapi(report, async (c) => c.json(await panels.report(c.var.principal, c.req.valid('param').id), 200))
    .openapi(answers, async (c) => c.json(await panels.answers(c.var.principal, c.req.valid('param').id), 200));
}
