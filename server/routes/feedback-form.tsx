/**
 * The QR front door: `/f/{code}` (the form, a plain HTML POST that works without script),
 * `/f/{code}/thanks`, `/f/{code}/qr.svg|png`, `/f/{code}/poster` and `/sites/{code}/posters`.
 * Submissions go through the one ingestion path, `ingest()`, as channel `qr` or `kiosk`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import QRCode from 'qrcode';
import { qrPng } from '../qr-png';
import { z } from 'zod';
import { latestPublishedActions } from '../../db/actions';
import type { FormTarget } from '../../db/forms';
import { generalForms } from '../../db/general-forms';
import { siteFormCodes } from '../../db/sites';
import { HONEYPOT_FIELD, KEY_FIELD } from '../../widget/components/survey-form';
import { childForm } from '../../survey/child-form';
import { answersFromFields } from '../../survey/form-fields';
import { createTranslator, directionOf, negotiateLanguage, type Language } from '../../survey/translate';
import type { PublicForm } from '../../survey/public-form';
import type { Support } from '../../survey/support';
import { validateAnswers } from '../../survey/validate-answers';
import type { AppDeps } from '../deps';
import { ingest, publicForm } from '../ingest';
import { rateLimit, submissionRules, type SubmissionCounters } from '../middleware/rate-limit';
import { FormPage } from '../pages/form-page';
import { MessagePage } from '../pages/message-page';
import { PosterPage, type Poster } from '../pages/poster-page';
import { renderDocument } from '../pages/render';
import { ThanksPage } from '../pages/thanks-page';
import { valid } from '../validate';

const Code = z.object({ code: z.string().min(1).max(64) });
const Options = z.object({
  lang: z.string().max(16).optional(),
  kiosk: z.string().max(8).optional(),
  for: z.string().max(16).optional(),
});

/** How a family is seeing the form: in which language, on a kiosk, in the children's version. */
interface View {
  language: Language;
  kiosk: boolean;
  child: boolean;
}

/** `/f/dvp?lang=pl&kiosk=1&for=child`, leaving out what is default. */
function formUrl(code: string, view: Partial<View>, suffix = ''): string {
  const query = new URLSearchParams();
  if (view.language) query.set('lang', view.language);
  if (view.kiosk) query.set('kiosk', '1');
  if (view.child) query.set('for', 'child');
  const search = query.toString();
  return `/f/${encodeURIComponent(code)}${suffix}${search ? `?${search}` : ''}`;
}

export function feedbackFormRoutes(deps: AppDeps, counters: SubmissionCounters) {
  const viewOf = (c: Context, options: z.infer<typeof Options>, fallback: string): View => ({
    language: negotiateLanguage(options.lang, c.req.header('accept-language'), fallback),
    kiosk: options.kiosk === '1' || options.kiosk === 'true',
    child: options.for === 'child',
  });
  const formFor = (target: FormTarget, view: View): PublicForm => {
    const form = publicForm(deps, target, view.language);
    return view.child ? childForm(form, createTranslator(deps.catalogues, view.language)) : form;
  };
  /** The organisation's accent colour and logo address, for its forms and posters. */
  const brandOf = (target: FormTarget) =>
    target.brand && {
      accentColour: target.brand.accentColour,
      logoSrc: target.brand.logo ? `/organisations/${encodeURIComponent(target.organisationId)}/logo` : null,
    };
  const place = (target: FormTarget) => (target.servicePoint ? `${target.site.name} · ${target.servicePoint.name}` : target.site.name);

  const renderForm = (target: FormTarget, view: View, state: Pick<Parameters<typeof FormPage>[0], 'answers' | 'errors' | 'problem' | 'idempotencyKey'>) => {
    const form = formFor(target, view);
    return renderDocument(
      <FormPage
        form={form}
        place={place(target)}
        {...state}
        action={formUrl(target.code, view)}
        kiosk={view.kiosk}
        child={view.child}
        t={createTranslator(deps.catalogues, view.language)}
        languageHref={(language) => formUrl(target.code, { ...view, language: language as Language })}
        variantHref={formUrl(target.code, { ...view, child: !view.child })}
        brand={brandOf(target)}
        kioskData={{
          code: target.code,
          lang: view.language,
          thanks: formUrl(target.code, view, '/thanks'),
          idle: String(deps.config.KIOSK_IDLE_SECONDS),
          ...(view.child ? { role: 'child' } : {}),
        }}
      />,
    );
  };

  const notFoundPage = async (c: Context, code: string, options: z.infer<typeof Options>) => {
    const language = negotiateLanguage(options.lang, c.req.header('accept-language'), 'en');
    const t = createTranslator(deps.catalogues, language);
    const general = await generalForms(deps.store.db);
    const links = general.length
      ? general.map((g) => ({ href: formUrl(g.code, { language }), text: t('notFound.general', { organisation: g.organisation }) }))
      : [{ href: '/', text: t('notFound.start') }];
    return c.html(
      renderDocument(
        <MessagePage language={language} dir={directionOf(language)} title={t('notFound.title')} body={t('notFound.body', { code })} links={links} t={t} />,
      ),
      404,
    );
  };

  const limited = rateLimit({
    rules: submissionRules(counters, (c) => c.req.param('code')?.toLowerCase()),
    now: () => deps.now().getTime(),
    // A flood far over its limit is answered a second late, so it cannot crowd out families.
    slowDownMs: 1000,
    onLimited: (c, seconds) => {
      const language = negotiateLanguage(c.req.query('lang'), c.req.header('accept-language'), 'en');
      const t = createTranslator(deps.catalogues, language);
      const back = `${c.req.path}${new URL(c.req.url).search}`;
      return c.html(
        renderDocument(
          <MessagePage
            language={language}
            dir={directionOf(language)}
            title={t('rateLimited.title')}
            body={t('rateLimited.body', { seconds })}
            links={[{ href: back, text: t('rateLimited.back') }]}
            t={t}
          />,
        ),
        429,
      );
    },
  });

  /** The site's published "You said, we did" items: one query for all of a site's posters. */
  const actionsFor = (target: FormTarget) =>
    latestPublishedActions(deps.store.db, { organisationId: target.organisationId, siteId: target.site.id, servicePointId: target.servicePoint?.id ?? null });

  const renderThanks = async (target: FormTarget, view: View, support: Support | null, notices: string[] = []) =>
    renderDocument(
      <ThanksPage
        language={view.language}
        dir={directionOf(view.language)}
        site={place(target)}
        team={target.site.name}
        message={formFor(target, view).thankYou}
        actions={await actionsFor(target)}
        t={createTranslator(deps.catalogues, view.language)}
        languageHref={(language) => formUrl(target.code, { ...view, language: language as Language }, '/thanks')}
        againHref={formUrl(target.code, view)}
        kiosk={view.kiosk}
        child={view.child}
        support={support}
        notices={notices}
      />,
    );

  const posterFor = async (target: FormTarget, view: View, actions: Poster['actions']): Promise<Poster> => {
    const url = `${deps.config.PUBLIC_URL}/f/${target.code}`;
    const form = formFor(target, view);
    return {
      code: target.code,
      place: place(target),
      question: form.questions.find((q) => q.type === 'fft')?.title ?? form.title,
      qrSvg: await qrSvg(url),
      url,
      shortUrl: url.replace(/^https?:\/\//, ''),
      actions,
    };
  };

  return (
    new Hono()
      // The first view must fit one round trip (~14 KB): gzip the pages, which are mostly repetition.
      .use('/f/*', compress())
      .use('/sites/*', compress())
      .get('/f/:code', valid('param', Code), valid('query', Options), async (c) => {
        const { code } = c.req.valid('param');
        const options = c.req.valid('query');
        const target = await deps.forms.find(code);
        if (!target) return notFoundPage(c, code, options);
        // Each render carries its own idempotency key: a shared cached copy would merge families' answers.
        c.header('Cache-Control', 'no-store');
        return c.html(renderForm(target, viewOf(c, options, target.site.defaultLanguage), { answers: {}, errors: [], idempotencyKey: randomKey() }));
      })
      .post('/f/:code', bodyLimit({ maxSize: 64 * 1024 }), limited, valid('param', Code), valid('query', Options), async (c) => {
        const { code } = c.req.valid('param');
        const options = c.req.valid('query');
        const target = await deps.forms.find(code);
        if (!target) return notFoundPage(c, code, options);
        const view = viewOf(c, options, target.site.defaultLanguage);
        let fields: Awaited<ReturnType<typeof c.req.parseBody>>;
        try {
          fields = await c.req.parseBody({ all: true });
        } catch {
          // A broken body (a cut-off upload, a malformed multipart boundary): nothing in it can be read back.
          const problem = createTranslator(deps.catalogues, view.language)('form.unreadable');
          return c.html(renderForm(target, view, { answers: {}, errors: [], problem, idempotencyKey: randomKey() }), 400);
        }
        const thanks = formUrl(target.code, view, '/thanks');
        // A bot filled the field people cannot see: thank it as usual and keep nothing.
        if (stringField(fields[HONEYPOT_FIELD])) return c.redirect(thanks, 303);
        const submitted = stringField(fields[KEY_FIELD]);
        const idempotencyKey = submitted && /^[\w-]{8,128}$/.test(submitted) ? submitted : randomKey();
        const form = formFor(target, view);
        const answers = answersFromFields(form.questions, fields);
        let result: Awaited<ReturnType<typeof ingest>>;
        try {
          const send = (key: string) =>
            ingest(deps, {
              code: target.code,
              answers,
              language: view.language,
              channel: view.kiosk ? 'kiosk' : 'qr',
              idempotencyKey: key,
              respondentRole: view.child ? 'child' : undefined,
            });
          result = await send(idempotencyKey);
          // The key was used for other answers (a page sent, then changed and sent again): these
          // answers are new, so they go in under a new key rather than being refused.
          if (!result.ok && result.reason === 'conflict') result = await send(randomKey());
        } catch (error) {
          // The store failed, not the family: give the form back with everything they typed and
          // the same key, so sending again cannot store it twice.
          console.error('could not store a form response', error);
          c.header('Cache-Control', 'no-store');
          c.header('Retry-After', '5');
          const problem = createTranslator(deps.catalogues, view.language)('form.notSaved');
          return c.html(renderForm(target, view, { answers, errors: [], problem, idempotencyKey }), 503);
        }
        if (result.ok && !result.support && result.notices.length === 0) return c.redirect(thanks, 303);
        // Help after a possible disclosure is drawn in this answer rather than named in a redirect:
        // nothing in the address bar, the history, a log or a referrer says help was shown. A reload
        // re-sends the same idempotency key, so it stores nothing twice and shows the same help.
        if (result.ok) {
          c.header('Cache-Control', 'no-store');
          return c.html(
            await renderThanks(
              target,
              view,
              result.support,
              result.notices.map((n) => n.message),
            ),
          );
        }
        if (result.reason === 'unknown_code' || result.reason === 'conflict') return notFoundPage(c, code, options);
        // The children's version words its questions differently; its errors must name them as shown.
        const errors = view.child ? validateAnswers(form.questions, answers, createTranslator(deps.catalogues, view.language)) : result;
        c.header('Cache-Control', 'no-store');
        return c.html(renderForm(target, view, { answers, errors: errors.ok ? result.errors : errors.errors, idempotencyKey }), 422);
      })
      .get('/f/:code/thanks', valid('param', Code), valid('query', Options), async (c) => {
        const { code } = c.req.valid('param');
        const options = c.req.valid('query');
        const target = await deps.forms.find(code);
        if (!target) return notFoundPage(c, code, options);
        return c.html(await renderThanks(target, viewOf(c, options, target.site.defaultLanguage), null));
      })
      .get('/f/:code/qr.svg', valid('param', Code), async (c) => {
        const target = await deps.forms.find(c.req.valid('param').code);
        if (!target) return notFoundPage(c, c.req.valid('param').code, {});
        c.header('Cache-Control', 'public, max-age=3600');
        return c.body(await qrSvg(`${deps.config.PUBLIC_URL}/f/${target.code}`), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
      })
      .get('/f/:code/qr.png', valid('param', Code), async (c) => {
        const target = await deps.forms.find(c.req.valid('param').code);
        if (!target) return notFoundPage(c, c.req.valid('param').code, {});
        const png = await qrPng(`${deps.config.PUBLIC_URL}/f/${target.code}`);
        c.header('Cache-Control', 'public, max-age=3600');
        return c.body(png as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png' });
      })
      .get('/f/:code/poster', valid('param', Code), valid('query', Options), async (c) => {
        const { code } = c.req.valid('param');
        const options = c.req.valid('query');
        const target = await deps.forms.find(code);
        if (!target) return notFoundPage(c, code, options);
        const view = viewOf(c, options, target.site.defaultLanguage);
        const t = createTranslator(deps.catalogues, view.language);
        return c.html(
          renderDocument(
            <PosterPage
              language={view.language}
              dir={directionOf(view.language)}
              title={`${t('poster.title')} – ${place(target)}`}
              posters={[await posterFor(target, view, await actionsFor(target))]}
              t={t}
              languageHref={(language) => formUrl(target.code, { language: language as Language }, '/poster')}
              brand={brandOf(target)}
            />,
          ),
        );
      })
      .get('/sites/:code/posters', valid('param', Code), valid('query', Options), async (c) => {
        const { code } = c.req.valid('param');
        const options = c.req.valid('query');
        const codes = await siteFormCodes(deps.store.db, code);
        const targets = codes && (await Promise.all(codes.map((each) => deps.forms.find(each)))).filter((t): t is FormTarget => t !== null);
        if (!targets?.length) return notFoundPage(c, code, options);
        const view = viewOf(c, options, targets[0]!.site.defaultLanguage);
        const t = createTranslator(deps.catalogues, view.language);
        // Each poster shows its own place's actions: the site's, and a service point's own.
        const posters = await Promise.all(targets.map(async (target) => posterFor(target, view, await actionsFor(target))));
        return c.html(
          renderDocument(
            <PosterPage
              language={view.language}
              dir={directionOf(view.language)}
              title={`${t('poster.title')} – ${targets[0]!.site.name}`}
              posters={posters}
              t={t}
              languageHref={(language) => `/sites/${encodeURIComponent(targets[0]!.site.code)}/posters?lang=${language}`}
              brand={brandOf(targets[0]!)}
            />,
          ),
        );
      })
  );
}

function stringField(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** 128 random bits as hex: an idempotency key no two renders share. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const qrCache = new Map<string, string>();

/** The QR code as compact SVG; medium error correction survives a scuffed, laminated poster. */
async function qrSvg(url: string): Promise<string> {
  let svg = qrCache.get(url);
  if (!svg) {
    svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    qrCache.set(url, svg);
  }
  return svg;
}
