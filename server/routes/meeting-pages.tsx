/**
 * `/meetings`: meetings held with families, `/meetings/new` to record one (a plain form; what was
 * typed comes back with each mistake named), and `/meetings/{id}`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { can } from '../access/policy';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { MeetingFormPage, MeetingPage, MeetingsPage } from '../pages/staff/meeting-pages';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
const FIELDS = ['key', 'kind', 'title', 'site', 'area', 'heldOn', 'participants', 'demographics', 'language', 'notes', 'quotes'] as const;

/** "Polish-speaking parents: 4" a line, as { group: count }; a line that is not is named. */
export function parseDemographics(text: string): { value?: Record<string, number>; error?: string } {
  const value: Record<string, number> = {};
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const match = /^(.+?)\s*[:=–-]\s*(\d{1,6})$/.exec(line);
    if (!match) return { error: `Line ${i + 1} of who took part: write a group and how many, like “Dads: 3”` };
    value[match[1]!.slice(0, 100)] = (value[match[1]!.slice(0, 100)] ?? 0) + Number(match[2]);
  }
  return lines.length ? { value } : {};
}

export function meetingPageRoutes(deps: AppDeps) {
  const { meetings, reports } = deps.services;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot see meetings',
      paragraphs: ['Meetings with families are for the people who read feedback: commissioners, providers, site staff and analysts.'],
      links: [{ href: '/', text: 'Go to the start' }],
    });
  const refusedRecord = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot record meetings',
      paragraphs: ['Meetings are recorded by the people who run them: site staff, provider managers, commissioners and administrators.'],
      links: [{ href: '/meetings', text: 'Go to meetings' }],
    });
  const reads = authorizePage(deps, 'meetings.read', refused);
  const records = authorizePage(deps, 'meetings.record', refusedRecord);

  const form = async (c: Context<AppEnv>, values: Record<string, string>, errors: FieldError[] = []) =>
    c.html(
      renderDocument(<MeetingFormPage user={staffUser(c.var.principal)} sites={await meetings.sites(c.var.principal)} errors={errors} values={values} />),
      errors.length ? 422 : 200,
    );

  return new Hono<AppEnv>()
    .use('/meetings', staffPageHeaders, staffCompress)
    .use('/meetings/*', staffPageHeaders, staffCompress, sameOriginForms(deps))
    .get('/meetings', reads, async (c) =>
      c.html(
        renderDocument(
          <MeetingsPage user={staffUser(c.var.principal)} meetings={await meetings.list(c.var.principal)} records={can(c.var.principal, 'meetings.record')} />,
        ),
      ),
    )
    .get('/meetings/new', records, (c) => form(c, { key: randomKey(), heldOn: deps.now().toISOString().slice(0, 10), area: 'site', language: 'en' }))
    .post('/meetings/new', records, bodyLimit({ maxSize: 256 * 1024 }), async (c) => {
      const body = await c.req.parseBody();
      const values = Object.fromEntries(FIELDS.map((field) => [field, formField(body, field)])) as Record<string, string>;
      const demographics = parseDemographics(values.demographics ?? '');
      const errors: FieldError[] = demographics.error ? [{ field: 'demographics', message: demographics.error }] : [];
      try {
        if (errors.length) throw new ApiError(422, 'validation_failed', 'Check the form', errors);
        const saved = await meetings.record(c.var.principal, {
          ...(/^[\w-]{8,64}$/.test(values.key ?? '') ? { key: values.key } : {}),
          site: values.site ?? '',
          area: values.area === 'locality' ? 'locality' : 'site',
          kind: values.kind as never,
          title: values.title ?? '',
          heldOn: values.heldOn ?? '',
          participants: values.participants?.trim() ? Number(values.participants.trim()) : (undefined as never),
          ...(demographics.value ? { demographics: demographics.value } : {}),
          language: values.language || 'en',
          notes: values.notes ?? '',
          quotes: (values.quotes ?? '')
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
        });
        return c.redirect(`/meetings/${encodeURIComponent(saved.id)}?recorded=1`, 303);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        const named = [...errors, ...(error.details ?? []).filter((d) => !errors.some((e) => e.field === d.field))];
        return form(c, values, named.length ? named : [{ field: 'notes', message: error.message }]);
      }
    })
    .get('/meetings/:id', reads, async (c) => {
      const meeting = await meetings.get(c.var.principal, c.req.param('id')).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
      if (!meeting)
        return staffMessage(c, 404, {
          title: 'No such meeting',
          paragraphs: ['There is no meeting here that you can see.'],
          links: [{ href: '/meetings', text: 'Go to meetings' }],
        });
      return c.html(
        renderDocument(
          <MeetingPage
            user={staffUser(c.var.principal)}
            meeting={meeting}
            themeNames={await reports.themeNamesFor(c.var.principal)}
            recorded={c.req.query('recorded') === '1'}
          />,
        ),
      );
    });
}
