/**
 * `/paper`: staff key in paper forms for a site they work at (`paper.enter`), keyboard first. Each
 * form goes through the one ingestion path as channel `paper`, dated as on the paper, and
 * `paper_entries` records who keyed it and when.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { answersFromFields } from '../../survey/form-fields';
import { HONEYPOT_FIELD, KEY_FIELD } from '../../widget/components/survey-form';
import { authorizePage } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { ingestInto, publicForm } from '../ingest';
import { renderDocument } from '../pages/render';
import { PaperEntryPage, PaperStartPage } from '../pages/staff/paper-page';
import { formField, sameOriginForms, staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const DAY = 86_400_000;
const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function paperPageRoutes(deps: AppDeps) {
  const paper = deps.services.paper;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot key in paper forms',
      paragraphs: ['Paper forms are keyed in by the people who run a site: its staff, its provider’s managers, commissioners and administrators.'],
      links: [{ href: '/dashboard', text: 'Go to the dashboard' }],
    });
  const guard = authorizePage(deps, 'paper.enter', refused);

  /** The date on the paper: a real day, not in the future, within two years. */
  const dateProblem = (date: string) => {
    const at = Date.parse(`${date}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(at)) return 'Enter the date written on the paper';
    if (at > deps.now().getTime() + DAY) return 'The date on the paper cannot be in the future';
    if (at < deps.now().getTime() - 730 * DAY) return 'The date on the paper must be within the last two years';
    return null;
  };

  const start = async (c: Context<AppEnv>, values: { code?: string; date?: string }, errors: { field: string; message: string }[] = []) =>
    c.html(
      renderDocument(<PaperStartPage user={staffUser(c.var.principal)} sites={await paper.sites(c.var.principal)} errors={errors} values={values} />),
      errors.length ? 422 : 200,
    );

  return new Hono<AppEnv>()
    .use('/paper', staffPageHeaders, staffCompress)
    .use('/paper/*', staffPageHeaders, staffCompress, sameOriginForms(deps))
    .get('/paper', guard, async (c) => {
      const code = c.req.query('code') ?? '';
      const date = c.req.query('date') ?? '';
      if (!code && !date) return start(c, { date: deps.now().toISOString().slice(0, 10) });
      const problem = dateProblem(date);
      const errors = [...(code ? [] : [{ field: 'code', message: 'Choose the site' }]), ...(problem ? [{ field: 'date', message: problem }] : [])];
      if (errors.length) return start(c, { code, date }, errors);
      return c.redirect(`/paper/${encodeURIComponent(code)}?date=${date}`, 303);
    })
    .get('/paper/:code', guard, async (c) => entry(c))
    .post('/paper/:code', guard, bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const code = c.req.param('code') ?? '';
      const date = c.req.query('date') ?? '';
      const target = await paper.target(c.var.principal, code);
      if (!target || dateProblem(date)) return entry(c);
      const fields = await c.req.parseBody({ all: true });
      const saved = Number(c.req.query('saved') ?? 0) || 0;
      if (formField(fields, HONEYPOT_FIELD)) return c.redirect(`/paper/${encodeURIComponent(code)}?date=${date}&saved=${saved}`, 303);
      const submitted = formField(fields, KEY_FIELD);
      const idempotencyKey = /^[\w-]{8,128}$/.test(submitted) ? `paper-${submitted}` : randomKey();
      const form = publicForm(deps, target, 'en');
      const answers = answersFromFields(form.questions, fields);
      const send = (key: string) =>
        ingestInto(deps, target, { answers, language: 'en', channel: 'paper', idempotencyKey: key, submittedAt: Date.parse(`${date}T12:00:00Z`) });
      let result = await send(idempotencyKey);
      // The key came with other answers before: this paper form is another one, so it gets a new key.
      if (!result.ok && result.reason === 'conflict') result = await send(randomKey());
      if (!result.ok) {
        if (result.reason === 'unknown_code' || result.reason === 'conflict') return entry(c);
        return c.html(
          renderDocument(
            <PaperEntryPage
              user={staffUser(c.var.principal)}
              site={{ code: target.site.code, name: target.site.name }}
              date={date}
              form={form}
              answers={result.answers}
              errors={result.errors}
              idempotencyKey={submitted || randomKey()}
              saved={saved}
            />,
          ),
          422,
        );
      }
      await paper.record(c.var.principal, { responseId: result.id, siteId: target.site.id, paperDate: date });
      return c.redirect(`/paper/${encodeURIComponent(code)}?date=${date}&saved=${saved + (result.created ? 1 : 0)}`, 303);
    });

  async function entry(c: Context<AppEnv>) {
    const code = c.req.param('code') ?? '';
    const date = c.req.query('date') ?? '';
    const target = await paper.target(c.var.principal, code);
    if (!target) {
      return staffMessage(c, 404, {
        title: 'Not a site you key in for',
        paragraphs: [`No site you can key in paper forms for has the code “${code}”.`],
        links: [{ href: '/paper', text: 'Choose a site' }],
      });
    }
    const problem = dateProblem(date);
    if (problem) return start(c, { code, date }, [{ field: 'date', message: problem }]);
    return c.html(
      renderDocument(
        <PaperEntryPage
          user={staffUser(c.var.principal)}
          site={{ code: target.site.code, name: target.site.name }}
          date={date}
          form={publicForm(deps, target, 'en')}
          answers={{}}
          errors={[]}
          idempotencyKey={randomKey()}
          saved={Number(c.req.query('saved') ?? 0) || 0}
        />,
      ),
    );
  }
}
