/**
 * Parent and carer panels (issue 14): panels per organisation, members added by hand or by CSV,
 * their contact details sealed apart from their answers, life stages worked out on the day, waves
 * with personal single-use links, reminders to non-responders only, unsubscribe, withdrawal,
 * erasure and a subject-access export; reports of response rates and paired change.
 *
 * Only organisation-wide assignments manage a panel (`panels.manage`, contact details) or read its
 * reports (`panels.read`, pseudonyms only).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { mcnemar, MIN_PAIRS, pairedMeanChange } from '../../analysis/paired';
import { isSmallCount } from '../../analysis/suppression';
import { audited, type AuditEntry } from '../../db/audit';
import { newId } from '../../db/ids';
import {
  addMembers,
  answersOfPseudonym,
  closeWave,
  createPanel,
  createWave,
  eraseMember,
  findLink,
  getMember,
  getPanel,
  getWave,
  listMembers,
  listPanels,
  listWaves,
  memberInvitations,
  openWave,
  pairedAnswers,
  recordAnswer,
  recordReminders,
  openWavesAt,
  remindable,
  responseRates,
  waveAnswerList,
  waveFormTarget,
  withdrawMember,
  type MemberRow,
  type NewMember,
} from '../../db/panels';
import { PANEL_KINDS, sites, surveys } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { inTarget, isMonth, LIFE_STAGES, memberStages, type Child, type LifeStage } from '../../survey/life-stage';
import { createTranslator, LANGUAGES, type Language } from '../../survey/translate';
import { keepMail } from '../../db/outbox';
import { organisationsFor, type Action } from '../access/policy';
import { type Contact, ContactKeysMissing, ukMobile } from '../contact-crypto';
import { ApiError, notFound, validationFailed, type FieldError } from '../errors';
import type { ServiceDeps } from './index';

const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [Language, ...Language[]];

export { PANEL_KINDS };

export const ChildInput = z.object({
  month: z.string().refine(isMonth, 'give the month as YYYY-MM (never a full date)'),
  expected: z.boolean().default(false),
  send: z.boolean().default(false),
});

export const NewPanel = z.object({
  name: z.string().trim().min(1, 'give the panel a name').max(120),
  kind: z.enum(PANEL_KINDS),
  /** The site (its code) the panel's answers are counted under. */
  siteCode: z.string().trim().min(1, 'choose the site answers are counted under').max(64),
});

export const NewMemberInput = z
  .object({
    name: z.string().trim().max(120).optional(),
    email: z.preprocess((v) => (v === '' ? undefined : v), z.email('enter an email address, like name@example.org').max(254).optional()),
    mobile: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(32).optional()),
    language: z.enum(LANGUAGE_CODES).default('en'),
    consentVersion: z.string().trim().min(1, 'say which version of the consent wording they agreed to').max(40),
    consentedAt: z.iso.datetime().optional(),
    children: z.array(ChildInput).max(12).default([]),
  })
  .superRefine((m, ctx) => {
    if (!m.email && !m.mobile) ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email address or a UK mobile number' });
    if (m.mobile && !ukMobile(m.mobile)) ctx.addIssue({ code: 'custom', path: ['mobile'], message: 'enter a UK mobile number, like 07700 900123' });
  });
export type NewMemberInput = z.input<typeof NewMemberInput>;

export const NewWave = z
  .object({
    name: z.string().trim().min(1, 'give the wave a name').max(120),
    surveyId: z.string().min(1).max(64),
    stages: z.array(z.enum(LIFE_STAGES)).max(LIFE_STAGES.length).default([]),
    opensAt: z.iso.date(),
    closesAt: z.iso.date(),
    reminderLimit: z.coerce.number().int().min(0).max(5).default(2),
    reminderGapDays: z.coerce.number().int().min(1).max(60).default(7),
  })
  .refine((w) => w.closesAt >= w.opensAt, { path: ['closesAt'], message: 'the close date must be on or after the open date' });

export interface PanelMemberView {
  id: string;
  pseudonym: string;
  language: string;
  consentedAt: string;
  consentVersion: string;
  withdrawnAt: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  stages: LifeStage[];
  children: Child[];
}

export interface StageRate {
  stage: string;
  invited: number | null;
  answered: number | null;
  rate: number | null;
  suppressed: boolean;
}

export interface WaveReport {
  invited: number;
  answered: number;
  rate: number | null;
  suppressed: boolean;
  byStage: StageRate[];
  /** Change from the panel's previous wave for the members who answered both. */
  change: {
    previousWaveId: string;
    previousWaveName: string;
    pairs: number;
    shown: boolean;
    positive: ReturnType<typeof mcnemar>;
    rating: ReturnType<typeof pairedMeanChange>;
  } | null;
}

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const randomChars = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => ALPHABET[b % ALPHABET.length]).join('');
/** A stable pseudonymous member id: what analysts and exports of answers see. */
const newPseudonym = () => `pm-${randomChars(4)}-${randomChars(4)}`;

/** A personal link token: 96 random bits, 16 characters, short enough for a text message. */
export function newLinkToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

export async function hashToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const DAY = 86_400_000;
const toIso = (d: Date) => d.toISOString();

/** `2023-04 send; due 2027-01` → children; throws a message for a bad item. */
export function parseChildren(text: string): Child[] {
  return text
    .split(/[;|]/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .map((item) => {
      const expected = /^due\b/.test(item);
      const send = /\bsend\b/.test(item);
      const month = item
        .replace(/^due\b/, '')
        .replace(/\bsend\b/, '')
        .trim();
      if (!isMonth(month)) throw new Error(`“${item}” is not a month: write YYYY-MM, “due YYYY-MM”, and “send” after it where it applies`);
      return { month, expected, send };
    });
}

/** Dates in messages as each language writes them (Arabic with Western digits, as UK services use). */
const DATE_LOCALES: Record<string, string> = { en: 'en-GB', pl: 'pl-PL', ro: 'ro-RO', zh: 'zh-CN', pt: 'pt-PT', ar: 'ar-u-nu-latn' };

export function panelService(deps: Pick<ServiceDeps, 'store' | 'now' | 'contacts' | 'mailer' | 'notify' | 'config' | 'catalogues'>) {
  const { db, client } = deps.store;

  const orgs = (principal: Principal, action: Action) => {
    const ids = organisationsFor(principal, action);
    return ids === 'all' ? undefined : ids;
  };
  const allowed = (principal: Principal, action: Action, organisationId: string) => orgs(principal, action)?.includes(organisationId) ?? true;

  const audit = (
    principal: Principal | null,
    organisationId: string,
    action: AuditEntry['action'],
    targetType: AuditEntry['targetType'],
    targetId: string,
    details: Record<string, unknown> = {},
  ): AuditEntry => ({
    at: deps.now(),
    userId: principal?.userId ?? null,
    organisationId,
    action,
    targetType,
    targetId,
    details,
  });

  async function panelFor(principal: Principal, id: string, action: Action = 'panels.manage') {
    const panel = await getPanel(db, id);
    if (!panel || !allowed(principal, action, panel.organisationId)) throw notFound('That panel');
    return panel;
  }
  async function memberFor(principal: Principal, id: string) {
    const member = await getMember(db, id);
    if (!member || !allowed(principal, 'panels.manage', member.organisationId)) throw notFound('That member');
    return member;
  }
  async function waveFor(principal: Principal, id: string, action: Action = 'panels.manage') {
    const wave = await getWave(db, id);
    if (!wave || !allowed(principal, action, wave.organisationId)) throw notFound('That wave');
    return wave;
  }

  const view = (m: MemberRow): PanelMemberView => ({
    id: m.id,
    pseudonym: m.pseudonym,
    language: m.language,
    consentedAt: toIso(m.consentedAt),
    consentVersion: m.consentVersion,
    withdrawnAt: m.withdrawnAt ? toIso(m.withdrawnAt) : null,
    hasEmail: m.hasEmail,
    hasPhone: m.hasPhone,
    stages: memberStages(m.children, deps.now()),
    children: m.children,
  });

  const requireKeys = () => {
    if (!deps.contacts.currentKeyId) throw new ApiError(503, 'unavailable', new ContactKeysMissing().message);
  };

  /** Seals each member's contact; refuses (naming the row) anyone already on the panel or twice in the list. */
  async function prepare(panel: { id: string }, inputs: { row: string; member: z.output<typeof NewMemberInput> }[]): Promise<NewMember[]> {
    requireKeys();
    const existing = await listMembers(db, panel.id);
    const seen = new Map<string, string>();
    for (const m of existing) {
      if (!m.sealed) continue;
      const contact = await deps.contacts.open(m.id, m.sealed);
      if (contact.email) seen.set(`e:${contact.email.toLowerCase()}`, 'already on the panel');
      if (contact.phone) seen.set(`p:${contact.phone}`, 'already on the panel');
    }
    const problems: FieldError[] = [];
    const prepared: NewMember[] = [];
    for (const { row, member } of inputs) {
      const phone = member.mobile ? (ukMobile(member.mobile) ?? undefined) : undefined;
      const keys = [member.email && `e:${member.email.toLowerCase()}`, phone && `p:${phone}`].filter((k): k is string => !!k);
      const clash = keys.map((k) => seen.get(k)).find(Boolean);
      if (clash) {
        problems.push({ field: row, message: `this person is ${clash}`, code: 'duplicate' });
        continue;
      }
      for (const k of keys) seen.set(k, `also on ${row}`);
      const id = newId('pm');
      const contact: Contact = { name: member.name || undefined, email: member.email?.toLowerCase(), phone };
      prepared.push({
        id,
        pseudonym: newPseudonym(),
        language: member.language,
        consentedAt: member.consentedAt ? new Date(member.consentedAt) : deps.now(),
        consentVersion: member.consentVersion,
        sealed: await deps.contacts.seal(id, contact),
        hasEmail: !!contact.email,
        hasPhone: !!phone,
        children: member.children,
      });
    }
    if (problems.length) throw validationFailed(problems);
    return prepared;
  }

  const linkUrl = (token: string) => `${deps.config.PUBLIC_URL}/p/${token}`;

  /** Sends one message by Notify when configured (email, else text), else by email through the mailer. */
  async function deliver(
    member: MemberRow,
    token: string,
    kind: 'invitation' | 'reminder',
    panelName: string,
    closesAt: Date,
  ): Promise<'email' | 'sms' | 'none'> {
    if (!member.sealed) return 'none';
    const contact = await deps.contacts.open(member.id, member.sealed);
    // In the member's own language (English where the catalogue has no words).
    const t = createTranslator(deps.catalogues, member.language);
    const url = linkUrl(token);
    const stop = `${url}/stop`;
    const locale = DATE_LOCALES[member.language] ?? 'en-GB';
    const closes = closesAt.toLocaleDateString(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    const panel = panelName;
    const subject = t(`panel.subject.${kind}`, { panel });
    const emailBody = [
      contact.name ? t('panel.helloNamed', { name: contact.name }) : t('panel.hello'),
      '',
      t(`panel.body.${kind}`, { panel }),
      '',
      t('panel.answerHere', { url }),
      '',
      t('panel.once', { closes }),
      '',
      t('panel.stop', { url: stop }),
    ].join('\n');
    const smsBody = t('panel.sms', { panel, closes, url, stop });
    const reference = `${kind}-${member.pseudonym}`;
    if (deps.notify) {
      if (contact.email) await deps.notify.send({ email: contact.email, subject, body: emailBody, unsubscribeUrl: stop, reference });
      else await deps.notify.send({ phone: contact.phone, subject, body: smsBody, reference });
      return contact.email ? 'email' : 'sms';
    }
    if (contact.email) {
      await deps.mailer.send({ to: contact.email, subject, text: emailBody, organisationId: member.organisationId });
      return 'email';
    }
    if (!contact.phone) return 'none';
    // No GOV.UK Notify to send texts: the message waits on the outbox page, where an admin can
    // send it by hand, as the demo does offline.
    await keepMail(db, { to: `Text message to ${contact.phone}`, subject, text: smsBody, organisationId: member.organisationId }, deps.now());
    return 'sms';
  }

  async function remindWave(wave: NonNullable<Awaited<ReturnType<typeof getWave>>>, userId: string | null) {
    const now = deps.now();
    const panel = (await getPanel(db, wave.panelId))!;
    const due = await remindable(db, wave.id, wave.reminderLimit, new Date(now.getTime() - wave.reminderGapDays * DAY));
    const jobs = await Promise.all(due.map(async (d) => ({ invitationId: d.id, member: (await getMember(db, d.memberId))!, token: newLinkToken() })));
    if (jobs.length) {
      await recordReminders(db, await Promise.all(jobs.map(async (j) => ({ invitationId: j.invitationId, tokenHash: await hashToken(j.token) }))), now, {
        at: now,
        userId,
        organisationId: wave.organisationId,
        action: 'panel_wave_reminded',
        targetType: 'panel_wave',
        targetId: wave.id,
        details: { reminded: jobs.length, ...(userId === null ? { scheduled: true } : {}) },
      });
    }
    const sent = await sendAll(jobs, 'reminder', panel.name, wave.closesAt);
    return { reminded: jobs.length, ...sent };
  }

  async function sendAll(jobs: { member: MemberRow; token: string }[], kind: 'invitation' | 'reminder', panelName: string, closesAt: Date) {
    const tally = { email: 0, sms: 0, none: 0, failed: 0 };
    for (const job of jobs) {
      try {
        tally[await deliver(job.member, job.token, kind, panelName, closesAt)]++;
      } catch (error) {
        console.error(`could not send a panel ${kind} to member ${job.member.pseudonym}:`, (error as Error).message);
        tally.failed++;
      }
    }
    return tally;
  }

  return {
    list: (principal: Principal) => listPanels(db, orgs(principal, 'panels.read')),

    /** Sites a new panel's answers may be counted under. */
    async sites(principal: Principal) {
      const ids = orgs(principal, 'panels.manage');
      if (ids?.length === 0) return [];
      return db
        .select({ code: sites.code, name: sites.name })
        .from(sites)
        .where(ids ? inArray(sites.organisationId, ids) : undefined)
        .orderBy(asc(sites.name));
    },
    mayManage(principal: Principal, organisationId: string) {
      const ids = organisationsFor(principal, 'panels.manage');
      return ids === 'all' || ids.includes(organisationId);
    },
    get: (principal: Principal, id: string) => panelFor(principal, id, 'panels.read'),

    async create(principal: Principal, input: z.infer<typeof NewPanel>) {
      const site = await db
        .select({ id: sites.id, organisationId: sites.organisationId })
        .from(sites)
        .where(eq(sites.code, input.siteCode.toLowerCase()))
        .get();
      if (!site || !allowed(principal, 'panels.manage', site.organisationId)) {
        throw validationFailed([{ field: 'siteCode', message: 'no site of your organisation has that code', code: 'unknown_code' }]);
      }
      const id = await createPanel(
        db,
        { organisationId: site.organisationId, name: input.name, kind: input.kind, siteId: site.id },
        audit(principal, site.organisationId, 'panel_created', 'panel', '', { name: input.name }),
      );
      return panelFor(principal, id);
    },

    async members(principal: Principal, panelId: string): Promise<PanelMemberView[]> {
      await panelFor(principal, panelId);
      return (await listMembers(db, panelId)).map(view);
    },

    async addMember(principal: Principal, panelId: string, input: z.output<typeof NewMemberInput>) {
      const panel = await panelFor(principal, panelId);
      const [member] = await prepare(panel, [{ row: 'email', member: input }]);
      await addMembers(db, panel, [member!], audit(principal, panel.organisationId, 'panel_members_added', 'panel', panel.id, { count: 1, by: 'hand' }));
      return view((await getMember(db, member!.id))!);
    },

    /**
     * Imports members from CSV (columns: name, email, mobile, language, children, consented_at;
     * the consent version is the import's). Every bad row is named; nothing is added unless every row is good.
     */
    async importCsv(principal: Principal, panelId: string, csv: string, consentVersion: string) {
      const panel = await panelFor(principal, panelId);
      let records: Record<string, string>[];
      try {
        records = parseCsv(csv.replace(/^\uFEFF/, ''), {
          columns: (h: string[]) => h.map((c) => c.trim().toLowerCase().replace(/\s+/g, '_')),
          skip_empty_lines: true,
          trim: true,
          relax_column_count: true,
        });
      } catch (error) {
        throw validationFailed([{ field: 'file', message: `the file is not CSV hubvoice can read: ${(error as Error).message}`, code: 'bad_csv' }]);
      }
      if (!records.length) throw validationFailed([{ field: 'file', message: 'the file has no members in it', code: 'empty' }]);
      if (records.length > 5000) throw validationFailed([{ field: 'file', message: 'import at most 5,000 members at a time', code: 'too_many' }]);
      const problems: FieldError[] = [];
      const good: { row: string; member: z.output<typeof NewMemberInput> }[] = [];
      records.forEach((record, i) => {
        const row = `row ${i + 2}`;
        let children: Child[] = [];
        try {
          children = parseChildren(record.children ?? '');
        } catch (error) {
          problems.push({ field: row, message: `children: ${(error as Error).message}`, code: 'invalid' });
          return;
        }
        const consented = record.consented_at ? new Date(record.consented_at) : null;
        if (consented && Number.isNaN(consented.getTime())) {
          problems.push({ field: row, message: 'consented_at: write the date as YYYY-MM-DD', code: 'invalid' });
          return;
        }
        const parsed = NewMemberInput.safeParse({
          name: record.name,
          email: record.email,
          mobile: record.mobile ?? record.phone,
          language: record.language || 'en',
          consentVersion,
          ...(consented ? { consentedAt: consented.toISOString() } : {}),
          children,
        });
        if (parsed.success) good.push({ row, member: parsed.data });
        else
          problems.push(
            ...parsed.error.issues.map((issue) => ({ field: row, message: `${issue.path.join('.') || 'row'}: ${issue.message}`, code: 'invalid' })),
          );
      });
      if (problems.length) throw validationFailed(problems);
      const prepared = await prepare(panel, good);
      await addMembers(
        db,
        panel,
        prepared,
        audit(principal, panel.organisationId, 'panel_members_added', 'panel', panel.id, { count: prepared.length, by: 'csv' }),
      );
      return { added: prepared.length };
    },

    /** The panel a member belongs to, if the principal manages it. */
    memberPanel: async (principal: Principal, memberId: string) => (await memberFor(principal, memberId)).panelId,

    async withdraw(principal: Principal, memberId: string) {
      const member = await memberFor(principal, memberId);
      await withdrawMember(
        db,
        member.id,
        deps.now(),
        audit(principal, member.organisationId, 'panel_member_withdrawn', 'panel_member', member.pseudonym, { by: 'staff' }),
      );
    },

    async erase(principal: Principal, memberId: string) {
      const member = await memberFor(principal, memberId);
      // The audit row names the pseudonym only: after erasure nothing links it to a person.
      await eraseMember(client, db, member.id, audit(principal, member.organisationId, 'panel_member_erased', 'panel_member', member.pseudonym));
    },

    /** Everything held about one member, for a subject-access request. */
    async exportMember(principal: Principal, memberId: string) {
      const member = await memberFor(principal, memberId);
      requireKeys();
      const contact = member.sealed ? await deps.contacts.open(member.id, member.sealed) : {};
      const invitations = await memberInvitations(db, member.id);
      const answers = await answersOfPseudonym(db, member.pseudonym);
      await audited(db, audit(principal, member.organisationId, 'panel_member_exported', 'panel_member', member.pseudonym));
      return {
        exportedAt: toIso(deps.now()),
        member: { ...view(member), contact },
        invitations: invitations.map((i) => ({ ...i, sentAt: toIso(i.sentAt), answeredAt: i.answeredAt ? toIso(i.answeredAt) : null })),
        answers: answers.map((a) => ({ waveId: a.waveId, submittedAt: toIso(a.submittedAt), language: a.language, answers: JSON.parse(a.answers) as unknown })),
      };
    },

    waves: async (principal: Principal, panelId: string) => {
      await panelFor(principal, panelId, 'panels.read');
      return listWaves(db, panelId);
    },
    wave: (principal: Principal, waveId: string) => waveFor(principal, waveId, 'panels.read'),

    async createWave(principal: Principal, panelId: string, input: z.output<typeof NewWave>) {
      const panel = await panelFor(principal, panelId);
      const survey = await db.select({ organisationId: surveys.organisationId }).from(surveys).where(eq(surveys.id, input.surveyId)).get();
      if (survey?.organisationId !== panel.organisationId)
        throw validationFailed([{ field: 'surveyId', message: 'choose one of your organisation’s surveys', code: 'unknown_survey' }]);
      const id = await createWave(
        db,
        {
          panelId: panel.id,
          organisationId: panel.organisationId,
          name: input.name,
          surveyId: input.surveyId,
          stages: input.stages.length ? input.stages : null,
          opensAt: new Date(`${input.opensAt}T00:00:00Z`),
          // Open to the end of the close date.
          closesAt: new Date(Date.parse(`${input.closesAt}T00:00:00Z`) + DAY - 1),
          reminderLimit: input.reminderLimit,
          reminderGapDays: input.reminderGapDays,
        },
        audit(principal, panel.organisationId, 'panel_wave_created', 'panel_wave', '', { panelId: panel.id }),
      );
      return waveFor(principal, id);
    },

    /** Opens a draft wave: every current member at a targeted stage gets a personal link. */
    async open(principal: Principal, waveId: string) {
      const wave = await waveFor(principal, waveId);
      if (wave.status !== 'draft') throw new ApiError(409, 'bad_request', 'This wave has already been opened.');
      requireKeys();
      const panel = (await getPanel(db, wave.panelId))!;
      const today = deps.now();
      const chosen = (await listMembers(db, wave.panelId)).filter((m) => !m.withdrawnAt && inTarget(memberStages(m.children, today), wave.stages));
      const jobs = await Promise.all(chosen.map(async (member) => ({ member, token: newLinkToken(), id: newId('inv') })));
      const invitations = await Promise.all(
        jobs.map(async (j) => ({
          id: j.id,
          memberId: j.member.id,
          language: j.member.language,
          stages: memberStages(j.member.children, today),
          tokenHash: await hashToken(j.token),
        })),
      );
      const opened = await openWave(
        db,
        wave.id,
        today,
        invitations,
        audit(principal, wave.organisationId, 'panel_wave_opened', 'panel_wave', wave.id, { invited: invitations.length }),
      );
      if (!opened) throw new ApiError(409, 'bad_request', 'This wave has already been opened.');
      const sent = await sendAll(jobs, 'invitation', panel.name, wave.closesAt);
      return { invited: invitations.length, ...sent };
    },

    /** Reminds members who have not answered, at most `reminderLimit` times, at least `reminderGapDays` apart. */
    async remind(principal: Principal, waveId: string) {
      const wave = await waveFor(principal, waveId);
      if (wave.status !== 'open' || deps.now() > wave.closesAt) throw new ApiError(409, 'bad_request', 'Only an open wave sends reminders.');
      return remindWave(wave, principal.userId);
    },

    /**
     * What the hourly timer does: every open wave's due reminders, as "Send reminders" would
     * (non-responders only, within the wave's limit and gap), audited with no person behind them.
     */
    async remindDue() {
      let reminded = 0;
      for (const wave of await openWavesAt(db, deps.now())) {
        try {
          reminded += (await remindWave(wave, null)).reminded;
        } catch (error) {
          console.error(`could not send the due reminders of wave ${wave.id}:`, (error as Error).message);
        }
      }
      return reminded;
    },

    async close(principal: Principal, waveId: string) {
      const wave = await waveFor(principal, waveId);
      await closeWave(db, wave.id, audit(principal, wave.organisationId, 'panel_wave_closed', 'panel_wave', wave.id));
      return waveFor(principal, waveId);
    },

    /** Response rates (suppressed below 5) and change from the previous wave for the same members. */
    async report(principal: Principal, waveId: string): Promise<WaveReport> {
      const wave = await waveFor(principal, waveId, 'panels.read');
      const rates = await responseRates(db, wave.id);
      const small = (invited: number, answered: number) => invited < 5 || isSmallCount(answered) || isSmallCount(invited - answered);
      const byStage: StageRate[] = [...rates.byStage.entries()]
        .sort(([a], [b]) => LIFE_STAGES.indexOf(a as LifeStage) - LIFE_STAGES.indexOf(b as LifeStage))
        .map(([stage, r]) =>
          small(r.invited, r.answered)
            ? { stage, invited: null, answered: null, rate: null, suppressed: true }
            : { stage, invited: r.invited, answered: r.answered, rate: r.answered / r.invited, suppressed: false },
        );
      const waves = await listWaves(db, wave.panelId);
      const previous = waves.filter((w) => w.status !== 'draft' && w.opensAt < wave.opensAt).at(-1);
      let change: WaveReport['change'] = null;
      if (previous) {
        const pairs = await pairedAnswers(db, previous.id, wave.id);
        const fft = pairs.filter((p) => p.fft1 !== null && p.fft2 !== null && p.fft1 <= 5 && p.fft2 <= 5).map((p) => [p.fft1! <= 2, p.fft2! <= 2] as const);
        const ratings = pairs.filter((p) => p.rating1 !== null && p.rating2 !== null).map((p) => [p.rating1!, p.rating2!] as const);
        const shown = pairs.length >= MIN_PAIRS;
        change = {
          previousWaveId: previous.id,
          previousWaveName: previous.name,
          pairs: pairs.length,
          shown,
          positive: shown && fft.length >= MIN_PAIRS ? mcnemar(fft) : null,
          rating: shown && ratings.length >= MIN_PAIRS ? pairedMeanChange(ratings) : null,
        };
      }
      const suppressed = small(rates.invited, rates.answered);
      return {
        invited: rates.invited,
        answered: suppressed ? 0 : rates.answered,
        rate: suppressed || !rates.invited ? null : rates.answered / rates.invited,
        suppressed,
        byStage,
        change,
      };
    },

    /** The wave's answers by pseudonym (what an analyst may see of who answered). */
    async answers(principal: Principal, waveId: string) {
      const wave = await waveFor(principal, waveId, 'panels.read');
      return waveAnswerList(db, wave.id);
    },

    // ---- The member's side: the personal link ----

    /** What a personal link leads to now. */
    async link(token: string) {
      if (!/^[\w-]{16}$/.test(token)) return { state: 'unknown' as const };
      const found = await findLink(db, await hashToken(token));
      if (!found?.pseudonym) return { state: 'unknown' as const };
      const now = deps.now();
      const language = found.language;
      if (found.answeredAt) return { state: 'used' as const, language, found };
      if (found.waveStatus !== 'open' || now > found.closesAt || now < found.opensAt) return { state: 'closed' as const, language, found };
      const target = await waveFormTarget(db, found.panelSiteId, found.surveyId);
      if (!target) return { state: 'closed' as const, language, found };
      return { state: 'open' as const, language, found, target };
    },

    recordAnswer: (input: Parameters<typeof recordAnswer>[1]) => recordAnswer(db, input),

    /** The member's own unsubscribe, from the link in any message. */
    async unsubscribe(token: string): Promise<{ ok: boolean; language: string }> {
      if (!/^[\w-]{16}$/.test(token)) return { ok: false, language: 'en' };
      const found = await findLink(db, await hashToken(token));
      if (!found?.memberId || !found.pseudonym) return { ok: false, language: found?.language ?? 'en' };
      if (!found.withdrawnAt) {
        await withdrawMember(
          db,
          found.memberId,
          deps.now(),
          audit(null, found.organisationId, 'panel_member_withdrawn', 'panel_member', found.pseudonym, { by: 'member' }),
        );
      }
      return { ok: true, language: found.language };
    },
  };
}

export type PanelService = ReturnType<typeof panelService>;
