/**
 * The one place that decides who may do what. Pure functions from a principal, an action and a
 * target (organisation, provider, site) to allow or deny.
 *
 * Role and scope are held together per assignment: an assignment lends its scope only to the
 * actions its role permits. A person who is safeguarding lead for one site and analyst for the
 * whole organisation reads flags at that one site and reports across the organisation; the two
 * never combine into "flags across the organisation".
 *
 * What each role means (ARCHITECTURE.md repeats this for people choosing a role):
 * - admin: sets up and runs an organisation (sites, surveys, people, settings) and reads its
 *   figures and redacted comments; sees that flags exist, never the family's words.
 * - commissioner: reads figures and redacted comments, corrects themes, runs surveys and the
 *   organisation's theme model (organisation-wide assignments only).
 * - provider_manager: reads figures and redacted comments for a provider's sites.
 * - site_staff: reads its site's figures and redacted comments, prints its posters.
 * - analyst: reads figures and redacted comments, corrects nothing.
 * - safeguarding_lead: works the safeguarding queue: reads the family's own words, records reviews,
 *   and appoints other leads within its scope. It reads no reports by that role alone.
 * A platform admin (admin at platform scope) may do everything an admin may, everywhere, and is the
 * only admin who may appoint a safeguarding lead: that is a deliberate, separate and audited act.
 */
import type { Role } from '../../db/schema';
import { NO_SCOPE, scopeOf, type Assignment, type Principal, type Scope } from '../../db/scope';

/** Every action a route or service may ask about. */
export const ACTIONS = [
  'sites.read',
  'reports.read',
  'comments.read',
  'comments.correct',
  'themes.read',
  'themes.manage',
  'surveys.manage',
  'flags.list',
  'flags.readOriginal',
  'flags.review',
  'users.manage',
  'safeguarding.appoint',
  'actions.manage',
  'exports.read',
  /** Providers, sites and service points: create, edit, archive, import (organisation-wide only). */
  'sites.manage',
  /** A new council on this hubvoice: only the platform's own admin. */
  'organisations.create',
  'settings.manage',
  'audit.read',
  'panels.manage',
  'panels.read',
  'paper.enter',
  /** Meetings held with families (focus groups, forums, consultations): their records, notes and quotes, redacted. */
  'meetings.read',
  /** Recording a meeting: its facts, the facilitator's notes and quotes. */
  'meetings.record',
  /** A person's own words found by the contact details they wrote: sent to them, or erased (UK GDPR rights of access and erasure). */
  'respondents.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A role that grants an action, at any scope or only at platform scope. */
type Grant = Role | { role: Role; platformOnly: true };

const READERS: Role[] = ['admin', 'commissioner', 'provider_manager', 'site_staff', 'analyst'];

/** Which roles grant which action. The table test in policy.test.ts reads it row by row. */
export const GRANTS: Record<Action, readonly Grant[]> = {
  'sites.read': [...READERS, 'safeguarding_lead'],
  'reports.read': READERS,
  'comments.read': READERS,
  'comments.correct': ['admin', 'commissioner'],
  'themes.read': READERS,
  'themes.manage': ['admin', 'commissioner'],
  'surveys.manage': ['admin', 'commissioner'],
  'flags.list': ['safeguarding_lead', 'admin'],
  'flags.readOriginal': ['safeguarding_lead'],
  'flags.review': ['safeguarding_lead', 'admin'],
  'users.manage': ['admin'],
  'safeguarding.appoint': ['safeguarding_lead', { role: 'admin', platformOnly: true }],
  // "You said, we did" is written by those who run the service and answer for it: not analysts or site staff.
  'actions.manage': ['admin', 'commissioner', 'provider_manager'],
  'exports.read': READERS,
  'sites.manage': ['admin', 'commissioner'],
  'organisations.create': [{ role: 'admin', platformOnly: true }],
  'settings.manage': ['admin'],
  'audit.read': ['admin'],
  'respondents.manage': ['admin'],
  // Panels hold people's contact details: only those who run the organisation's engagement manage them.
  'panels.manage': ['admin', 'commissioner'],
  // Panel reports (response rates, paired change, answers by pseudonym) for those who read across the organisation.
  'panels.read': ['admin', 'commissioner', 'analyst'],
  // Keying in paper forms collected at a site: the people who run it, where they are assigned.
  'paper.enter': ['admin', 'commissioner', 'provider_manager', 'site_staff'],
  // Meetings' notes are read like comments, and recorded by the people who run the meetings at their sites.
  'meetings.read': READERS,
  'meetings.record': ['admin', 'commissioner', 'provider_manager', 'site_staff'],
};

/**
 * Actions about an organisation as a whole (its theme model, its surveys, its people): only an
 * organisation-wide or platform assignment covers them, never a provider or site one.
 */
export interface Target {
  organisationId: string;
  providerId?: string | null;
  siteId?: string | null;
}

/** The platform as a target (platform roles, platform accounts): only a platform assignment covers it. */
export const PLATFORM_TARGET: Target = { organisationId: '' };

/** Whether this one assignment's role grants the action (its scope aside). */
export function grants(action: Action, assignment: Assignment): boolean {
  return GRANTS[action].some((grant) =>
    typeof grant === 'string' ? grant === assignment.role : grant.role === assignment.role && assignment.scopeType === 'platform',
  );
}

/** Whether this one assignment's scope covers the target. */
export function covers(assignment: Assignment, target: Target): boolean {
  switch (assignment.scopeType) {
    case 'platform':
      return true;
    case 'organisation':
      return assignment.scopeId === target.organisationId;
    case 'provider':
      return !!target.providerId && assignment.scopeId === target.providerId;
    case 'site':
      return !!target.siteId && assignment.scopeId === target.siteId;
  }
}

/**
 * Whether the principal may take the action somewhere (no target), or on this target: one
 * assignment must both grant the action and cover the target.
 *
 * @example
 * can(lead, 'flags.readOriginal', { organisationId: 'o1', providerId: 'p1', siteId: 's1' })
 */
export function can(principal: Principal, action: Action, target?: Target): boolean {
  return principal.assignments.some((a) => grants(action, a) && (!target || covers(a, target)));
}

/** Where the principal may take the action: the union of the scopes of assignments granting it. */
export function scopeFor(principal: Principal, action: Action): Scope {
  const granting = principal.assignments.filter((a) => grants(action, a));
  return granting.length ? scopeOf(granting) : NO_SCOPE;
}

/**
 * The organisations where the principal may take the action as a whole (organisation-wide or
 * platform assignments); 'all' for a platform assignment.
 */
export function organisationsFor(principal: Principal, action: Action): 'all' | string[] {
  const granting = principal.assignments.filter((a) => grants(action, a));
  if (granting.some((a) => a.scopeType === 'platform')) return 'all';
  return [...new Set(granting.filter((a) => a.scopeType === 'organisation' && a.scopeId).map((a) => a.scopeId as string))];
}
