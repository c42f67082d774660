/**
 * The panel staff pages: `/panels` (list, start one), `/panels/{id}` (waves; members, add, import),
 * `/waves/{id}` (open, remind, close; the report) and the member actions (export, withdraw,
 * erase). Plain forms posting back and redirecting (303), through the same service as the API.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, type FieldError } from '../errors';
import type { AppDeps, AppEnv } from '../deps';
import { authorizePage } from '../access/authorize';
import { NewMemberInput, NewPanel, NewWave, parseChildren } from '../services/panels';
import { renderDocument } from '../pages/render';
import { PanelPage, PanelsPage, WavePage } from '../pages/staff/panel-pages';
import { fieldErrors } from '../validate';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const idOf = (c: Context) => c.req.param('id') ?? '';
type Form = Record<string, string | File | (string | File)[]>;
const fields = (body: Form, names: string[]) => Object.fromEntries(names.map((n) => [n, formField(body, n)]));

export function panelPageRoutes(deps: AppDeps) {
  const panels = deps.services.panels;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot manage panels',
      paragraphs: ['Panels hold parents’ contact details, so only administrators and commissioners of the whole organisation manage them.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const read = (c: Context<AppEnv>, next: () => Promise<void>) => authorizePage(deps, 'panels.read', refused)(c, next);
  const manage = (c: Context<AppEnv>, next: () => Promise<void>) => authorizePage(deps, 'panels.manage', refused)(c, next);
  const notFoundPage = (c: Context<AppEnv>) =>
    staffMessage(c, 404, {
      title: 'Not found',
      paragraphs: ['There is nothing at this address that you can see.'],
      links: [{ href: '/panels', text: 'Go to panels' }],
    });

  /** Runs a service call; a 404 becomes the staff not-found page, a 422 the field errors for the form. */
  async function attempt<T>(
    c: Context<AppEnv>,
    run: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[]; response?: Response }> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { ok: false, errors: [], response: await notFoundPage(c) };
      if (error instanceof ApiError && (error.status === 422 || error.status === 409 || error.status === 503)) {
        return { ok: false, errors: error.details?.length ? error.details : [{ field: 'main', message: error.message }] };
      }
      throw error;
    }
  }

  const panelsPage = async (c: Context<AppEnv>, errors: FieldError[] = [], values: Record<string, string> = {}) => {
    const principal = c.var.principal;
    const list = await panels.list(principal);
    const sites = await panels.sites(principal);
    return c.html(
      renderDocument(<PanelsPage user={staffUser(principal)} panels={list} sites={sites} manages={sites.length > 0} errors={errors} values={values} />),
      errors.length ? 422 : 200,
    );
  };

  const panelPage = async (
    c: Context<AppEnv>,
    id: string,
    state: { errors?: FieldError[]; values?: Record<string, string>; form?: 'member' | 'import' | 'wave' } = {},
  ) => {
    const principal = c.var.principal;
    const found = await attempt(c, () => panels.get(principal, id));
    if (!found.ok) return found.response ?? notFoundPage(c);
    const panel = found.value;
    const manages = panels.mayManage(principal, panel.organisationId);
    const errors = state.errors ?? [];
    return c.html(
      renderDocument(
        <PanelPage
          user={staffUser(principal)}
          panel={panel}
          waves={await panels.waves(principal, id)}
          members={manages ? await panels.members(principal, id) : null}
          surveys={manages ? await deps.services.surveys.list(principal) : []}
          errors={errors}
          values={state.values ?? {}}
          form={state.form}
          notice={c.req.query('done') ? NOTICES[c.req.query('done')!] : undefined}
        />,
      ),
      errors.length ? 422 : 200,
    );
  };

  return new Hono<AppEnv>()
    .use('/panels', staffPageHeaders, staffCompress, sameOriginForms(deps))
    .use('/panels/*', staffPageHeaders, staffCompress, sameOriginForms(deps))
    .use('/waves/*', staffPageHeaders, staffCompress, sameOriginForms(deps))
    .use('/panel-members/*', staffPageHeaders, sameOriginForms(deps))
    .get('/panels', read, (c) => panelsPage(c))
    .post('/panels', manage, async (c) => {
      const body = (await c.req.parseBody()) as Form;
      const values = fields(body, ['name', 'kind', 'siteCode']);
      const parsed = NewPanel.safeParse(values);
      if (!parsed.success) return panelsPage(c, fieldErrors(parsed.error), values);
      const made = await attempt(c, () => panels.create(c.var.principal, parsed.data));
      if (!made.ok) return made.response ?? panelsPage(c, made.errors, values);
      return c.redirect(`/panels/${made.value.id}`, 303);
    })
    .get('/panels/:id', read, (c) => panelPage(c, idOf(c)))
    .post('/panels/:id/members', manage, async (c) => {
      const id = idOf(c);
      const body = (await c.req.parseBody()) as Form;
      const values = fields(body, ['memberName', 'email', 'mobile', 'language', 'children', 'consentVersion']);
      let children: ReturnType<typeof parseChildren> = [];
      try {
        children = parseChildren(values.children!.replace(/\n/g, ';'));
      } catch (error) {
        return panelPage(c, id, { errors: [{ field: 'children', message: (error as Error).message }], values, form: 'member' });
      }
      const parsed = NewMemberInput.safeParse({ ...values, name: values.memberName, children });
      if (!parsed.success) return panelPage(c, id, { errors: fieldErrors(parsed.error), values, form: 'member' });
      const added = await attempt(c, () => panels.addMember(c.var.principal, id, parsed.data));
      if (!added.ok) return added.response ?? panelPage(c, id, { errors: added.errors.map((e) => ({ ...e, field: 'email' })), values, form: 'member' });
      return c.redirect(`/panels/${id}?done=member`, 303);
    })
    .post('/panels/:id/import', manage, bodyLimit({ maxSize: 4 * 1024 * 1024 }), async (c) => {
      const id = idOf(c);
      const body = (await c.req.parseBody()) as Form;
      const consentVersion = formField(body, 'importConsentVersion').trim();
      const file = body.file;
      const values = { consentVersion };
      if (!consentVersion)
        return panelPage(c, id, {
          errors: [{ field: 'consentVersion', message: 'Say which version of the consent wording they agreed to' }],
          values,
          form: 'import',
        });
      if (!(file instanceof File) || file.size === 0)
        return panelPage(c, id, { errors: [{ field: 'file', message: 'Choose a CSV file' }], values, form: 'import' });
      const imported = await attempt(c, async () => panels.importCsv(c.var.principal, id, await file.text(), consentVersion));
      if (!imported.ok) {
        return (
          imported.response ??
          panelPage(c, id, { errors: imported.errors.map((e) => ({ ...e, field: 'file', message: `${e.field}: ${e.message}` })), values, form: 'import' })
        );
      }
      return c.redirect(`/panels/${id}?done=import`, 303);
    })
    .post('/panels/:id/waves', manage, async (c) => {
      const id = idOf(c);
      const body = await c.req.parseBody({ all: true });
      const values = fields(body as Form, ['waveName', 'surveyId', 'opensAt', 'closesAt', 'reminderLimit', 'reminderGapDays']);
      const stages = ([] as unknown[]).concat(body.stages ?? []).filter((s): s is string => typeof s === 'string');
      const parsed = NewWave.safeParse({ ...values, name: values.waveName, stages });
      const renamed = (errors: FieldError[]) => errors.map((e) => (e.field === 'name' ? { ...e, field: 'waveName' } : e));
      if (!parsed.success) return panelPage(c, id, { errors: renamed(fieldErrors(parsed.error)), values, form: 'wave' });
      const made = await attempt(c, () => panels.createWave(c.var.principal, id, parsed.data));
      if (!made.ok) return made.response ?? panelPage(c, id, { errors: made.errors, values, form: 'wave' });
      return c.redirect(`/waves/${made.value.id}`, 303);
    })
    .get('/panel-members/:id/export', manage, async (c) => {
      const done = await attempt(c, () => panels.exportMember(c.var.principal, idOf(c)));
      if (!done.ok) return done.response ?? notFoundPage(c);
      c.header('Content-Disposition', `attachment; filename="member-${done.value.member.pseudonym}.json"`);
      return c.json(done.value);
    })
    .post('/panel-members/:id/withdraw', manage, async (c) => memberAction(c, () => panels.withdraw(c.var.principal, idOf(c)), 'withdrawn'))
    .post('/panel-members/:id/erase', manage, async (c) => memberAction(c, () => panels.erase(c.var.principal, idOf(c)), 'erased'))
    .get('/waves/:id', read, async (c) => wavePage(c, idOf(c)))
    .post('/waves/:id/open', manage, (c) => waveAction(c, 'open'))
    .post('/waves/:id/remind', manage, (c) => waveAction(c, 'remind'))
    .post('/waves/:id/close', manage, (c) => waveAction(c, 'close'));

  async function memberAction(c: Context<AppEnv>, run: () => Promise<void>, done: string) {
    const member = await attempt(c, async () => {
      const panelId = await panelOfMember(c);
      await run();
      return panelId;
    });
    if (!member.ok) return member.response ?? notFoundPage(c);
    return c.redirect(`/panels/${member.value}?done=${done}`, 303);
  }

  async function panelOfMember(c: Context<AppEnv>) {
    const exported = await panels.memberPanel(c.var.principal, idOf(c));
    return exported;
  }

  async function wavePage(c: Context<AppEnv>, id: string) {
    const principal = c.var.principal;
    const found = await attempt(c, () => panels.wave(principal, id));
    if (!found.ok) return found.response ?? notFoundPage(c);
    const wave = found.value;
    const panel = await panels.get(principal, wave.panelId);
    const done = c.req.query('done');
    return c.html(
      renderDocument(
        <WavePage
          user={staffUser(principal)}
          panel={panel}
          wave={wave}
          report={await panels.report(principal, id)}
          manages={panels.mayManage(principal, wave.organisationId)}
          notice={done ? (NOTICES[done] ?? undefined) : undefined}
        />,
      ),
    );
  }

  async function waveAction(c: Context<AppEnv>, action: 'open' | 'remind' | 'close') {
    const id = idOf(c);
    const done = await attempt(c, async () => {
      if (action === 'open') {
        const r = await panels.open(c.var.principal, id);
        return `opened-${r.invited}`;
      }
      if (action === 'remind') {
        const r = await panels.remind(c.var.principal, id);
        return `reminded-${r.reminded}`;
      }
      await panels.close(c.var.principal, id);
      return 'closed';
    });
    if (!done.ok) {
      if (done.response) return done.response;
      return staffMessage(c, 409, {
        title: 'That could not be done',
        paragraphs: done.errors.map((e) => e.message),
        links: [{ href: `/waves/${id}`, text: 'Back to the wave' }],
      });
    }
    return c.redirect(`/waves/${id}?done=${done.value}`, 303);
  }
}

const NOTICES: Record<string, string> = new Proxy(
  { member: 'Member added', import: 'Members imported', withdrawn: 'Member withdrawn: no more messages', erased: 'Member erased', closed: 'Wave closed' },
  {
    get(target: Record<string, string>, key: string) {
      if (key in target) return target[key];
      const opened = /^opened-(\d+)$/.exec(key);
      if (opened) return `Wave opened: ${opened[1]} members invited`;
      const reminded = /^reminded-(\d+)$/.exec(key);
      if (reminded) return `${reminded[1]} reminders sent`;
      return undefined;
    },
  },
);
