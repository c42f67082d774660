/**
 * Meetings held with families (issue 14): panel meetings, Maternity Voices, the Parent Carer Forum,
 * focus groups, community consultations and outreach events. The facilitator's notes and quotes
 * are read as any family's words are: redacted, themed, given a sentiment, and checked for a
 * possible disclosure of harm, which becomes a safeguarding flag and an alert like any other.
 */
import { z } from 'zod';
import { newId } from '../../db/ids';
import { findMeeting, listMeetings, storeMeeting, type MeetingFilters, type NewMeetingFlag } from '../../db/meetings';
import { MEETING_KINDS, meetings, sites } from '../../db/schema';
import { NO_SCOPE, scopeHas, visibleSites, type Principal } from '../../db/scope';
import { resolveEntity } from '../../db/reports';
import { LANGUAGES } from '../../survey/translate';
import { scopeFor } from '../access/policy';
import { notFound, validationFailed } from '../errors';
import { isRealDate } from '../reports';
import { readTexts } from '../text-pipeline';
import { fieldErrors } from '../validate';
import type { ServiceDeps } from './index';
import { eq, or } from 'drizzle-orm';

const DAY = 86_400_000;
const languageCodes = LANGUAGES.map((l) => l.code) as [string, ...string[]];

export const MeetingInput = z.object({
  /** Optional idempotency key: the same key again returns the meeting it stored rather than a second copy. */
  key: z
    .string()
    .regex(/^[\w-]{8,64}$/, 'A key is 8 to 64 letters, digits, - or _')
    .optional(),
  /** The site's code (or id): the site that held it, or whose locality it covered. */
  site: z.string().trim().min(1, 'Choose the site').max(64),
  area: z.enum(['site', 'locality']).default('site'),
  kind: z.enum(MEETING_KINDS, 'Choose what kind of meeting it was'),
  title: z.string().trim().min(1, 'Give the meeting a short title').max(200, 'Keep the title under 200 characters'),
  heldOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date it was held, like 2026-11-03')
    .refine(isRealDate, 'Enter a real date'),
  participants: z.coerce
    .number('Enter how many people took part, as a number')
    .int('Enter a whole number of people')
    .min(1, 'At least 1 person took part')
    .max(100_000, 'Enter how many people took part'),
  /** Aggregate only: group → how many, for example { "Polish-speaking parents": 4 }. */
  demographics: z
    .record(z.string().trim().min(1).max(100), z.number().int().min(0).max(100_000))
    .refine((d) => Object.keys(d).length <= 30, 'Give at most 30 groups')
    .optional(),
  language: z.enum(languageCodes).default('en'),
  notes: z.string().max(20_000, 'Keep the notes under 20,000 characters').default(''),
  quotes: z.array(z.string().trim().min(1).max(2_000, 'Keep each quote under 2,000 characters')).max(100, 'Give at most 100 quotes').default([]),
});
export type MeetingInput = z.input<typeof MeetingInput>;

export function meetingService(deps: Pick<ServiceDeps, 'store' | 'now' | 'themeModels' | 'alerts'>) {
  const { db } = deps.store;

  return {
    /** Sites the person may record meetings for, by name. */
    sites: (principal: Principal) =>
      db
        .select({ code: sites.code, name: sites.name, locality: sites.locality })
        .from(sites)
        .where(visibleSites(scopeFor(principal, 'meetings.record')))
        .orderBy(sites.name),

    /** Stores a meeting and reads its words; a possible disclosure is flagged and alerted at once. */
    async record(principal: Principal, input: MeetingInput): Promise<{ id: string; flagged: boolean; notes: number; quotes: number }> {
      const parsed = MeetingInput.safeParse(input);
      if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
      const meeting = parsed.data;
      const held = Date.parse(`${meeting.heldOn}T12:00:00Z`);
      const now = deps.now().getTime();
      if (held > now + DAY) throw validationFailed([{ field: 'heldOn', message: 'The meeting cannot be in the future' }]);
      if (held < now - 5 * 365 * DAY) throw validationFailed([{ field: 'heldOn', message: 'The meeting must be within the last five years' }]);
      const code = meeting.site.toLowerCase();
      const site = await db
        .select({ id: sites.id, organisationId: sites.organisationId, providerId: sites.providerId })
        .from(sites)
        .where(or(eq(sites.code, code), eq(sites.id, meeting.site)))
        .get();
      if (!site || !scopeHas(scopeFor(principal, 'meetings.record'), { organisationId: site.organisationId, providerId: site.providerId, siteId: site.id }))
        throw validationFailed([{ field: 'site', message: 'Choose a site you record meetings for' }]);
      const notesText = meeting.notes.trim();
      if (!notesText && meeting.quotes.length === 0) throw validationFailed([{ field: 'notes', message: 'Write the notes, or at least one quote' }]);

      const id = meeting.key ? `mt-${site.organisationId}-${meeting.key}` : newId('mt', held);
      if (meeting.key) {
        const [again] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id));
        if (again) {
          const seen = await findMeeting(db, scopeFor(principal, 'meetings.record'), NO_SCOPE, id);
          return { id, flagged: seen?.flag != null, notes: seen?.notes.length ?? 0, quotes: seen?.quotes.length ?? 0 };
        }
      }
      // The notes, then each quote as given: read as families' comments are.
      const { comments: notes, disclosure } = readTexts(
        await deps.themeModels.forOrganisation(site.organisationId),
        [...(notesText ? [{ questionId: 'notes', text: notesText }] : []), ...meeting.quotes.map((text) => ({ questionId: 'quote', text }))],
        { responseId: null, meetingId: id, organisationId: site.organisationId, siteId: site.id, submittedAt: held, language: meeting.language },
      );
      const flag: NewMeetingFlag | null = disclosure && {
        id: newId('sg', now),
        meetingId: id,
        organisationId: site.organisationId,
        siteId: site.id,
        ...disclosure,
        createdAt: now,
      };
      await storeMeeting(
        db,
        {
          id,
          organisationId: site.organisationId,
          siteId: site.id,
          area: meeting.area,
          kind: meeting.kind,
          title: meeting.title,
          heldOn: meeting.heldOn,
          participants: meeting.participants,
          demographics: meeting.demographics && Object.keys(meeting.demographics).length ? meeting.demographics : null,
          language: meeting.language,
          recordedBy: principal.userId,
        },
        notes,
        flag,
        {
          at: deps.now(),
          action: 'meeting_recorded',
          userId: principal.userId,
          organisationId: site.organisationId,
          targetType: 'meeting',
          targetId: id,
          details: { kind: meeting.kind, heldOn: meeting.heldOn, participants: meeting.participants, quotes: meeting.quotes.length, flagged: flag !== null },
        },
      );
      if (flag) deps.alerts.dispatch(flag.id);
      return { id, flagged: flag !== null, notes: notesText ? 1 : 0, quotes: meeting.quotes.length };
    },

    /** `site` and `provider` as codes or ids, resolved within what the person may read; one they cannot see is a 422 naming it. */
    async filters(
      principal: Principal,
      query: { from?: string | undefined; to?: string | undefined; site?: string | undefined; provider?: string | undefined },
    ) {
      const filters: MeetingFilters = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
      const scope = scopeFor(principal, 'meetings.read');
      if (query.site) {
        const id = await resolveEntity(db, scope, 'site', query.site);
        if (!id) throw validationFailed([{ field: 'site', message: `no site "${query.site}" that you can see` }]);
        filters.siteId = id;
      }
      if (query.provider) {
        const id = await resolveEntity(db, scope, 'provider', query.provider);
        if (!id) throw validationFailed([{ field: 'provider', message: `no provider "${query.provider}" that you can see` }]);
        filters.providerId = id;
      }
      return filters;
    },

    list: (principal: Principal, filters: MeetingFilters = {}) => listMeetings(db, scopeFor(principal, 'meetings.read'), filters),

    async get(principal: Principal, id: string) {
      const meeting = await findMeeting(db, scopeFor(principal, 'meetings.read'), scopeFor(principal, 'flags.readOriginal'), id);
      if (!meeting) throw notFound('That meeting');
      return meeting;
    },
  };
}
