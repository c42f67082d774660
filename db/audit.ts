/**
 * The one audit writer. Every audited action is named in `AUDITED_ACTIONS`, and its row is written
 * by `auditStatement` inside the same batch (one transaction) as the change it records, so the log
 * never claims a change that did not happen nor misses one that did. Reads of a family's original
 * words are audited too.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { auditLog } from './schema';
import type { Db } from './store';

export const AUDITED_ACTIONS = [
  'login',
  'login_failed',
  'login_throttled',
  'password_changed',
  'user_created',
  'user_disabled',
  'user_enabled',
  'role_granted',
  'role_revoked',
  'survey_created',
  'survey_version_added',
  'survey_assigned',
  /** Published (draft to live), closed, or reopened. */
  'survey_status_changed',
  'comment_themes_corrected',
  'theme_model_uploaded',
  'theme_model_corrected',
  /** A safeguarding lead's queue was listed with the family's own words in it. */
  'safeguarding_queue_viewed',
  'safeguarding_flag_viewed',
  'safeguarding_flag_reviewed',
  /** "You said, we did": a draft written, changed, published or taken back to draft. */
  'action_created',
  'action_updated',
  'action_published',
  'action_unpublished',
  /** An export downloaded: what, in which format, with which filters, and whether it held families' original words. */
  'export_downloaded',
  'organisation_created',
  'place_created',
  'place_updated',
  'place_archived',
  'place_deleted',
  'places_imported',
  /** An invitation to set a first password was sent to a new account. */
  'invitation_sent',
  /** A set-password link was sent to an existing account (by an admin, the CLI, or its owner). */
  'password_reset_sent',
  /** A set-password link was used. */
  'password_set',
  'settings_changed',
  'panel_created',
  'panel_members_added',
  'panel_member_withdrawn',
  'panel_member_erased',
  /** A subject-access export of everything held about one member. */
  'panel_member_exported',
  'panel_wave_created',
  'panel_wave_opened',
  'panel_wave_reminded',
  'panel_wave_closed',
  /** A person's own words, found by the contact details they wrote, sent to them or erased. */
  'respondent_data_exported',
  'respondent_data_erased',
  /** Population figures replaced for some dimensions, from a council's CSV. */
  'population_uploaded',
  'meeting_recorded',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

export interface AuditEntry {
  at: Date;
  action: AuditedAction;
  /** Who did it; null when nobody was signed in (a failed sign-in). */
  userId: string | null;
  organisationId?: string | null;
  targetType?:
    | 'user'
    | 'survey'
    | 'comment'
    | 'theme_model'
    | 'safeguarding_flag'
    | 'action'
    | 'export'
    | 'organisation'
    | 'provider'
    | 'site'
    | 'service_point'
    | 'panel'
    | 'panel_member'
    | 'panel_wave'
    | 'meeting';
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** The audit row as a statement, to put in the batch that makes the change. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: entry.at,
    action: entry.action,
    userId: entry.userId,
    organisationId: entry.organisationId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Runs the audit row and the change's statements as one batch: both commit or neither does.
 *
 * @example
 * await audited(db, { at, action: 'role_revoked', userId, targetType: 'user', targetId }, [db.delete(roleAssignments).where(...)])
 */
export async function audited(db: Db, entry: AuditEntry, change: BatchItem<'sqlite'>[] = []): Promise<void> {
  await db.batch([auditStatement(db, entry), ...change]);
}
