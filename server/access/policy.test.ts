import { describe, expect, it } from 'vitest';
import type { Role, ScopeType } from '../../db/schema';
import type { Assignment, Principal } from '../../db/scope';
import { ACTIONS, can, covers, organisationsFor, PLATFORM_TARGET, scopeFor, type Action, type Target } from './policy';

const person = (...assignments: Assignment[]): Principal => ({ userId: 'u1', email: 'a@b.c', name: 'A', assignments });
const at = (role: Role, scopeType: ScopeType, scopeId: string | null = null): Assignment => ({ role, scopeType, scopeId });

// Two organisations; o1 has providers p1 (sites s1, s2) and p2 (site s3).
const s1: Target = { organisationId: 'o1', providerId: 'p1', siteId: 's1' };
const s2: Target = { organisationId: 'o1', providerId: 'p1', siteId: 's2' };
const s3: Target = { organisationId: 'o1', providerId: 'p2', siteId: 's3' };
const o1: Target = { organisationId: 'o1' };
const o2site: Target = { organisationId: 'o2', providerId: 'p9', siteId: 's9' };

/**
 * What each role may do somewhere, written out by hand as the product means it (not read back from
 * GRANTS): a change to GRANTS that is not also a decision made here fails.
 */
const MEANING: Record<Role, Action[]> = {
  admin: [
    'sites.read',
    'reports.read',
    'comments.read',
    'comments.correct',
    'themes.read',
    'themes.manage',
    'surveys.manage',
    'flags.list',
    'flags.review',
    'users.manage',
    'actions.manage',
    'exports.read',
    'sites.manage',
    'settings.manage',
    'audit.read',
    'respondents.manage',
    'panels.manage',
    'panels.read',
    'paper.enter',
    'meetings.read',
    'meetings.record',
  ],
  commissioner: [
    'sites.read',
    'reports.read',
    'comments.read',
    'comments.correct',
    'themes.read',
    'themes.manage',
    'surveys.manage',
    'actions.manage',
    'exports.read',
    'sites.manage',
    'panels.manage',
    'panels.read',
    'paper.enter',
    'meetings.read',
    'meetings.record',
  ],
  provider_manager: [
    'sites.read',
    'reports.read',
    'comments.read',
    'themes.read',
    'actions.manage',
    'exports.read',
    'paper.enter',
    'meetings.read',
    'meetings.record',
  ],
  site_staff: ['sites.read', 'reports.read', 'comments.read', 'themes.read', 'exports.read', 'paper.enter', 'meetings.read', 'meetings.record'],
  analyst: ['sites.read', 'reports.read', 'comments.read', 'themes.read', 'exports.read', 'panels.read', 'meetings.read'],
  safeguarding_lead: ['sites.read', 'flags.list', 'flags.readOriginal', 'flags.review', 'safeguarding.appoint'],
};

describe('the access policy', () => {
  for (const [role, allowed] of Object.entries(MEANING) as [Role, Action[]][]) {
    for (const action of ACTIONS) {
      const expected = allowed.includes(action);
      it(`${expected ? 'lets' : 'does not let'} an organisation's ${role} ${action}`, () => {
        expect(can(person(at(role, 'organisation', 'o1')), action, s1)).toBe(expected);
      });
    }
  }

  it('lets a platform admin appoint safeguarding leads, and an organisation admin not', () => {
    expect(can(person(at('admin', 'platform')), 'safeguarding.appoint', o1)).toBe(true);
    expect(can(person(at('admin', 'organisation', 'o1')), 'safeguarding.appoint', o1)).toBe(false);
  });

  it('lets only the platform admin add a council', () => {
    expect(can(person(at('admin', 'platform')), 'organisations.create')).toBe(true);
    expect(can(person(at('admin', 'organisation', 'o1')), 'organisations.create')).toBe(false);
  });

  it('never lets an admin, even a platform admin, read what a family wrote in a flag', () => {
    expect(can(person(at('admin', 'platform')), 'flags.readOriginal', s1)).toBe(false);
  });

  it.each([
    { scope: at('analyst', 'platform'), target: o2site, covered: true },
    { scope: at('analyst', 'organisation', 'o1'), target: s3, covered: true },
    { scope: at('analyst', 'organisation', 'o1'), target: o2site, covered: false },
    { scope: at('analyst', 'provider', 'p1'), target: s2, covered: true },
    { scope: at('analyst', 'provider', 'p1'), target: s3, covered: false },
    { scope: at('analyst', 'provider', 'p1'), target: o1, covered: false },
    { scope: at('analyst', 'site', 's1'), target: s1, covered: true },
    { scope: at('analyst', 'site', 's1'), target: s2, covered: false },
    { scope: at('analyst', 'site', 's1'), target: o1, covered: false },
  ])('decides whether $scope.scopeType $scope.scopeId covers $target.siteId in $target.organisationId: $covered', ({ scope, target, covered }) => {
    expect(covers(scope, target)).toBe(covered);
  });

  describe('holds role and scope together per assignment', () => {
    // Safeguarding lead for one site, analyst for the whole organisation.
    const both = person(at('safeguarding_lead', 'site', 's1'), at('analyst', 'organisation', 'o1'));

    it("reads the family's words at the lead's own site only", () => {
      expect(can(both, 'flags.readOriginal', s1)).toBe(true);
      expect(can(both, 'flags.readOriginal', s2)).toBe(false);
      expect(can(both, 'flags.list', s3)).toBe(false);
    });

    it('lists flags at that one site, and reads reports across the organisation', () => {
      expect(scopeFor(both, 'flags.list')).toEqual({ platform: false, organisations: [], providers: [], sites: ['s1'] });
      expect(scopeFor(both, 'reports.read')).toEqual({ platform: false, organisations: ['o1'], providers: [], sites: [] });
    });

    it("gives a safeguarding lead who is also a provider commissioner no words beyond the lead's site", () => {
      const leadAndCommissioner = person(at('safeguarding_lead', 'site', 's1'), at('commissioner', 'provider', 'p1'));
      expect(can(leadAndCommissioner, 'flags.readOriginal', s2)).toBe(false);
      expect(can(leadAndCommissioner, 'comments.correct', s2)).toBe(true);
    });
  });

  it("keeps an organisation's theme model and surveys to organisation-wide assignments", () => {
    const siteCommissioner = person(at('commissioner', 'site', 's1'));
    expect(can(siteCommissioner, 'themes.manage', o1)).toBe(false);
    expect(organisationsFor(siteCommissioner, 'themes.manage')).toEqual([]);
    expect(organisationsFor(siteCommissioner, 'surveys.manage')).toEqual([]);
    expect(organisationsFor(person(at('commissioner', 'organisation', 'o1')), 'themes.manage')).toEqual(['o1']);
    expect(organisationsFor(person(at('admin', 'platform')), 'users.manage')).toBe('all');
  });

  it('keeps an organisation admin to its own organisation', () => {
    const admin = person(at('admin', 'organisation', 'o1'));
    expect(can(admin, 'users.manage', o1)).toBe(true);
    expect(can(admin, 'users.manage', o2site)).toBe(false);
    expect(can(admin, 'users.manage', PLATFORM_TARGET)).toBe(false);
    expect(can(person(at('admin', 'platform')), 'users.manage', PLATFORM_TARGET)).toBe(true);
  });

  it('gives someone with no assignments nothing, anywhere', () => {
    for (const action of ACTIONS) expect(can(person(), action)).toBe(false);
    expect(scopeFor(person(), 'reports.read')).toEqual({ platform: false, organisations: [], providers: [], sites: [] });
  });
});
