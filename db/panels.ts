/**
 * Panels, their members, waves and invitations. Contact details arrive here already sealed
 * (server/contact-crypto.ts) and are kept apart from everything else in `panel_contacts`; answers
 * are linked to a member only through the member's pseudonym (`wave_answers`). Erasure deletes the
 * member's rows with SQLite's secure_delete on, then checkpoints the WAL, so neither the database
 * file nor its WAL keeps the sealed bytes.
 */
import type { Client } from '@libsql/client';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { SurveyDefinition } from '../survey/survey-schema';
import type { Child } from '../survey/life-stage';
import { auditStatement, type AuditEntry } from './audit';
import { findFormTarget, type FormTarget } from './forms';
import { newId } from './ids';
import {
  panelChildren,
  panelContacts,
  panelMembers,
  panels,
  panelWaves,
  responses,
  sites,
  surveys,
  surveyVersions,
  waveAnswers,
  waveInvitations,
  waveLinks,
  type PanelKind,
} from './schema';
import type { Db } from './store';

export type Panel = typeof panels.$inferSelect & { siteCode: string; siteName: string; members: number };
export type Wave = typeof panelWaves.$inferSelect & { surveyName: string };

export async function createPanel(
  db: Db,
  input: { organisationId: string; name: string; kind: PanelKind; siteId: string },
  audit: AuditEntry,
): Promise<string> {
  const id = newId('pnl');
  await db.batch([db.insert(panels).values({ id, ...input }), auditStatement(db, { ...audit, targetType: 'panel', targetId: id })]);
  return id;
}

const panelColumns = {
  id: panels.id,
  organisationId: panels.organisationId,
  name: panels.name,
  kind: panels.kind,
  siteId: panels.siteId,
  createdAt: panels.createdAt,
  siteCode: sites.code,
  siteName: sites.name,
  members: sql<number>`(SELECT count(*) FROM ${panelMembers} WHERE ${panelMembers.panelId} = ${panels.id} AND ${panelMembers.withdrawnAt} IS NULL)`,
};

export async function listPanels(db: Db, organisationIds: string[] | undefined): Promise<Panel[]> {
  if (organisationIds?.length === 0) return [];
  return db
    .select(panelColumns)
    .from(panels)
    .innerJoin(sites, eq(sites.id, panels.siteId))
    .where(organisationIds ? inArray(panels.organisationId, organisationIds) : undefined)
    .orderBy(asc(panels.name));
}

export async function getPanel(db: Db, id: string): Promise<Panel | null> {
  return (await db.select(panelColumns).from(panels).innerJoin(sites, eq(sites.id, panels.siteId)).where(eq(panels.id, id)).get()) ?? null;
}

export interface NewMember {
  id: string;
  pseudonym: string;
  language: string;
  consentedAt: Date;
  consentVersion: string;
  sealed: string;
  hasEmail: boolean;
  hasPhone: boolean;
  children: Child[];
}

/** Adds members, their sealed contacts and children, and one audit row, all in one transaction: all or nothing. */
export async function addMembers(db: Db, panel: { id: string; organisationId: string }, members: NewMember[], audit: AuditEntry): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const m of members) {
    statements.push(
      db.insert(panelMembers).values({
        id: m.id,
        panelId: panel.id,
        organisationId: panel.organisationId,
        pseudonym: m.pseudonym,
        language: m.language,
        consentedAt: m.consentedAt,
        consentVersion: m.consentVersion,
      }),
      db.insert(panelContacts).values({ memberId: m.id, sealed: m.sealed, hasEmail: m.hasEmail, hasPhone: m.hasPhone }),
    );
    if (m.children.length) statements.push(db.insert(panelChildren).values(m.children.map((c) => ({ id: newId('pch'), memberId: m.id, ...c }))));
  }
  await db.batch([auditStatement(db, audit), ...statements]);
}

export interface MemberRow {
  id: string;
  panelId: string;
  organisationId: string;
  pseudonym: string;
  language: string;
  consentedAt: Date;
  consentVersion: string;
  withdrawnAt: Date | null;
  createdAt: Date;
  sealed: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  children: Child[];
}

async function withChildren(db: Db, rows: Omit<MemberRow, 'children'>[]): Promise<MemberRow[]> {
  if (!rows.length) return [];
  const children = await db
    .select()
    .from(panelChildren)
    .where(
      inArray(
        panelChildren.memberId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(panelChildren.month));
  return rows.map((r) => ({
    ...r,
    children: children.filter((c) => c.memberId === r.id).map(({ month, expected, send }) => ({ month, expected, send })),
  }));
}

const memberColumns = {
  id: panelMembers.id,
  panelId: panelMembers.panelId,
  organisationId: panelMembers.organisationId,
  pseudonym: panelMembers.pseudonym,
  language: panelMembers.language,
  consentedAt: panelMembers.consentedAt,
  consentVersion: panelMembers.consentVersion,
  withdrawnAt: panelMembers.withdrawnAt,
  createdAt: panelMembers.createdAt,
  sealed: panelContacts.sealed,
  hasEmail: sql<boolean>`coalesce(${panelContacts.hasEmail}, 0)`.mapWith(Boolean),
  hasPhone: sql<boolean>`coalesce(${panelContacts.hasPhone}, 0)`.mapWith(Boolean),
};

export async function listMembers(db: Db, panelId: string): Promise<MemberRow[]> {
  const rows = await db
    .select(memberColumns)
    .from(panelMembers)
    .leftJoin(panelContacts, eq(panelContacts.memberId, panelMembers.id))
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(sql`panel_members.rowid`);
  return withChildren(db, rows);
}

export async function getMember(db: Db, id: string): Promise<MemberRow | null> {
  const row = await db
    .select(memberColumns)
    .from(panelMembers)
    .leftJoin(panelContacts, eq(panelContacts.memberId, panelMembers.id))
    .where(eq(panelMembers.id, id))
    .get();
  return row ? ((await withChildren(db, [row]))[0] ?? null) : null;
}

export async function withdrawMember(db: Db, id: string, at: Date, audit: AuditEntry): Promise<void> {
  await db.batch([
    db
      .update(panelMembers)
      .set({ withdrawnAt: at })
      .where(and(eq(panelMembers.id, id), isNull(panelMembers.withdrawnAt))),
    auditStatement(db, audit),
  ]);
}

/**
 * Erases a member: their contact, children and membership go, their invitations forget them, and
 * their answers stay only under the pseudonym, which nothing now links to a person. Run with
 * secure_delete on (freed pages are zeroed) and followed by a WAL checkpoint, so the bytes are gone
 * from the file and the log alike.
 */
export async function eraseMember(client: Client, db: Db, id: string, audit: AuditEntry): Promise<void> {
  await client.execute('PRAGMA secure_delete = ON');
  await db.batch([
    db.update(waveInvitations).set({ memberId: null }).where(eq(waveInvitations.memberId, id)),
    db.delete(panelContacts).where(eq(panelContacts.memberId, id)),
    db.delete(panelChildren).where(eq(panelChildren.memberId, id)),
    db.delete(panelMembers).where(eq(panelMembers.id, id)),
    auditStatement(db, audit),
  ]);
  // Only an embedded file has a WAL of ours to clear; a remote libSQL server keeps its own.
  try {
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // not a local file
  }
}

/** What a subject-access export adds to the member row: every wave they were asked in and whether they answered. */
export async function memberInvitations(db: Db, memberId: string) {
  return db
    .select({
      wave: panelWaves.name,
      waveId: panelWaves.id,
      sentAt: waveInvitations.sentAt,
      reminders: waveInvitations.reminders,
      answeredAt: waveInvitations.answeredAt,
      stages: waveInvitations.stages,
    })
    .from(waveInvitations)
    .innerJoin(panelWaves, eq(panelWaves.id, waveInvitations.waveId))
    .where(eq(waveInvitations.memberId, memberId))
    .orderBy(asc(waveInvitations.sentAt));
}

/** A member's answers, through the pseudonym, as the export gives them. */
export async function answersOfPseudonym(db: Db, pseudonym: string) {
  return db
    .select({ waveId: waveAnswers.waveId, submittedAt: responses.submittedAt, answers: responses.answers, language: responses.language })
    .from(waveAnswers)
    .innerJoin(responses, eq(responses.id, waveAnswers.responseId))
    .where(eq(waveAnswers.pseudonym, pseudonym));
}

// ---- Waves ----

export async function createWave(
  db: Db,
  input: Omit<typeof panelWaves.$inferInsert, 'id' | 'status' | 'openedAt' | 'createdAt'>,
  audit: AuditEntry,
): Promise<string> {
  const id = newId('wav');
  await db.batch([db.insert(panelWaves).values({ id, ...input }), auditStatement(db, { ...audit, targetType: 'panel_wave', targetId: id })]);
  return id;
}

const waveColumns = {
  id: panelWaves.id,
  panelId: panelWaves.panelId,
  organisationId: panelWaves.organisationId,
  name: panelWaves.name,
  surveyId: panelWaves.surveyId,
  stages: panelWaves.stages,
  opensAt: panelWaves.opensAt,
  closesAt: panelWaves.closesAt,
  reminderLimit: panelWaves.reminderLimit,
  reminderGapDays: panelWaves.reminderGapDays,
  status: panelWaves.status,
  openedAt: panelWaves.openedAt,
  createdAt: panelWaves.createdAt,
  surveyName: surveys.name,
};

export async function listWaves(db: Db, panelId: string): Promise<Wave[]> {
  return db
    .select(waveColumns)
    .from(panelWaves)
    .innerJoin(surveys, eq(surveys.id, panelWaves.surveyId))
    .where(eq(panelWaves.panelId, panelId))
    .orderBy(asc(panelWaves.opensAt), asc(panelWaves.id));
}

export async function getWave(db: Db, id: string): Promise<Wave | null> {
  return (await db.select(waveColumns).from(panelWaves).innerJoin(surveys, eq(surveys.id, panelWaves.surveyId)).where(eq(panelWaves.id, id)).get()) ?? null;
}

/** Open waves still before their close, whose reminders a timer may send. */
export async function openWavesAt(db: Db, at: Date): Promise<Wave[]> {
  return db
    .select(waveColumns)
    .from(panelWaves)
    .innerJoin(surveys, eq(surveys.id, panelWaves.surveyId))
    .where(and(eq(panelWaves.status, 'open'), gt(panelWaves.closesAt, at), gt(panelWaves.reminderLimit, 0)));
}

export interface NewInvitation {
  id: string;
  memberId: string;
  language: string;
  stages: string[];
  tokenHash: string;
}

/** Marks the wave open and writes every invitation with its first link, in one transaction. */
export async function openWave(db: Db, waveId: string, at: Date, invitations: NewInvitation[], audit: AuditEntry): Promise<boolean> {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const inv of invitations) {
    statements.push(
      db.insert(waveInvitations).values({ id: inv.id, waveId, memberId: inv.memberId, language: inv.language, stages: inv.stages, sentAt: at, lastSentAt: at }),
      db.insert(waveLinks).values({ tokenHash: inv.tokenHash, invitationId: inv.id }),
    );
  }
  const [opened] = await db.batch([
    db
      .update(panelWaves)
      .set({ status: 'open', openedAt: at })
      .where(and(eq(panelWaves.id, waveId), eq(panelWaves.status, 'draft')))
      .returning({ id: panelWaves.id }),
    auditStatement(db, audit),
    ...statements,
  ]);
  return (opened as unknown[]).length > 0;
}

export async function closeWave(db: Db, waveId: string, audit: AuditEntry): Promise<void> {
  await db.batch([db.update(panelWaves).set({ status: 'closed' }).where(eq(panelWaves.id, waveId)), auditStatement(db, audit)]);
}

/** Invitations not yet answered, of members still on the panel, with fewer than `limit` reminders and the last message at or before `before`. */
export async function remindable(db: Db, waveId: string, limit: number, before: Date) {
  return db
    .select({ id: waveInvitations.id, memberId: panelMembers.id, reminders: waveInvitations.reminders, language: waveInvitations.language })
    .from(waveInvitations)
    .innerJoin(panelMembers, eq(panelMembers.id, waveInvitations.memberId))
    .where(
      and(
        eq(waveInvitations.waveId, waveId),
        isNull(waveInvitations.answeredAt),
        isNull(panelMembers.withdrawnAt),
        sql`${waveInvitations.reminders} < ${limit}`,
        sql`${waveInvitations.lastSentAt} <= ${before.getTime()}`,
      ),
    );
}

export async function recordReminders(db: Db, reminders: { invitationId: string; tokenHash: string }[], at: Date, audit: AuditEntry): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = reminders.flatMap((r) => [
    db
      .update(waveInvitations)
      .set({ reminders: sql`${waveInvitations.reminders} + 1`, lastSentAt: at })
      .where(eq(waveInvitations.id, r.invitationId)),
    db.insert(waveLinks).values({ tokenHash: r.tokenHash, invitationId: r.invitationId }),
  ]);
  await db.batch([auditStatement(db, audit), ...statements]);
}

/** What a personal link leads to: the invitation, its wave and panel, and the member's pseudonym (null once erased). */
export async function findLink(db: Db, tokenHash: string) {
  return (
    (await db
      .select({
        invitationId: waveInvitations.id,
        memberId: waveInvitations.memberId,
        language: waveInvitations.language,
        stages: waveInvitations.stages,
        answeredAt: waveInvitations.answeredAt,
        waveId: panelWaves.id,
        waveStatus: panelWaves.status,
        opensAt: panelWaves.opensAt,
        closesAt: panelWaves.closesAt,
        surveyId: panelWaves.surveyId,
        organisationId: panelWaves.organisationId,
        panelSiteId: panels.siteId,
        pseudonym: panelMembers.pseudonym,
        withdrawnAt: panelMembers.withdrawnAt,
      })
      .from(waveLinks)
      .innerJoin(waveInvitations, eq(waveInvitations.id, waveLinks.invitationId))
      .innerJoin(panelWaves, eq(panelWaves.id, waveInvitations.waveId))
      .innerJoin(panels, eq(panels.id, panelWaves.panelId))
      .leftJoin(panelMembers, eq(panelMembers.id, waveInvitations.memberId))
      .where(eq(waveLinks.tokenHash, tokenHash))
      .get()) ?? null
  );
}

/** The panel's site as a form target, answering the wave's survey (its current version). */
export async function waveFormTarget(db: Db, siteId: string, surveyId: string): Promise<FormTarget | null> {
  const site = await db.select({ code: sites.code }).from(sites).where(eq(sites.id, siteId)).get();
  if (!site) return null;
  const target = await findFormTarget(db, site.code);
  const version = await db
    .select({ id: surveyVersions.id, version: surveyVersions.version, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.id, surveyId))
    .get();
  if (!target || !version) return null;
  return {
    ...target,
    survey: { id: surveyId, versionId: version.id, version: version.version, definition: SurveyDefinition.parse(JSON.parse(version.definition)) },
  };
}

/** Records that the invitation was answered, and the answer under the pseudonym, once. */
export async function recordAnswer(db: Db, input: { invitationId: string; waveId: string; pseudonym: string; responseId: string; stages: string[]; at: Date }) {
  await db.batch([
    db
      .update(waveInvitations)
      .set({ answeredAt: input.at })
      .where(and(eq(waveInvitations.id, input.invitationId), isNull(waveInvitations.answeredAt))),
    db
      .insert(waveAnswers)
      .values({ waveId: input.waveId, pseudonym: input.pseudonym, responseId: input.responseId, stages: input.stages })
      .onConflictDoNothing(),
  ]);
}

// ---- Reports ----

/** Invited and answered per wave, and per stage (a member at two stages counts in both). */
export async function responseRates(db: Db, waveId: string) {
  const rows = await db
    .select({ stages: waveInvitations.stages, answered: sql<number>`${waveInvitations.answeredAt} IS NOT NULL` })
    .from(waveInvitations)
    .where(eq(waveInvitations.waveId, waveId));
  const byStage = new Map<string, { invited: number; answered: number }>();
  for (const row of rows) {
    for (const stage of row.stages.length ? row.stages : ['none']) {
      const entry = byStage.get(stage) ?? { invited: 0, answered: 0 };
      entry.invited++;
      if (row.answered) entry.answered++;
      byStage.set(stage, entry);
    }
  }
  return { invited: rows.length, answered: rows.filter((r) => r.answered).length, byStage };
}

/** Each member's answers in two waves, paired by pseudonym: FFT code and rating before and after. */
export async function pairedAnswers(db: Db, earlierWaveId: string, laterWaveId: string) {
  const result = await db.all<{ fft1: number | null; fft2: number | null; rating1: number | null; rating2: number | null }>(sql`
    SELECT r1.fft AS fft1, r2.fft AS fft2, r1.rating AS rating1, r2.rating AS rating2
    FROM ${waveAnswers} a1
    JOIN ${waveAnswers} a2 ON a2.pseudonym = a1.pseudonym AND a2.wave_id = ${laterWaveId}
    JOIN ${responses} r1 ON r1.id = a1.response_id
    JOIN ${responses} r2 ON r2.id = a2.response_id
    WHERE a1.wave_id = ${earlierWaveId}`);
  return result;
}

/** The wave's answers by pseudonym, for analysts: never a name, email or phone. */
export async function waveAnswerList(db: Db, waveId: string) {
  return db
    .select({ pseudonym: waveAnswers.pseudonym, responseId: waveAnswers.responseId, stages: waveAnswers.stages })
    .from(waveAnswers)
    .where(eq(waveAnswers.waveId, waveId))
    .orderBy(asc(waveAnswers.pseudonym));
}

/**
 * Re-seals every contact sealed with an older key under the current one (after a key rotation),
 * 500 to a transaction; returns how many were re-sealed.
 */
export async function resealContacts(
  db: Db,
  sealer: {
    isStale(sealed: string): boolean;
    open(memberId: string, sealed: string): Promise<unknown>;
    seal(memberId: string, contact: never): Promise<string>;
  },
): Promise<number> {
  const all = await db.select({ memberId: panelContacts.memberId, sealed: panelContacts.sealed }).from(panelContacts);
  const stale = all.filter((c) => sealer.isStale(c.sealed));
  for (let i = 0; i < stale.length; i += 500) {
    // Sealed values first: a drizzle query is a thenable, so it must not be returned from an async function.
    const resealed = await Promise.all(
      stale
        .slice(i, i + 500)
        .map(async (c) => ({ memberId: c.memberId, sealed: await sealer.seal(c.memberId, (await sealer.open(c.memberId, c.sealed)) as never) })),
    );
    const [first, ...rest] = resealed.map((c) => db.update(panelContacts).set({ sealed: c.sealed }).where(eq(panelContacts.memberId, c.memberId)));
    if (first) await db.batch([first, ...rest]);
  }
  return stale.length;
}
