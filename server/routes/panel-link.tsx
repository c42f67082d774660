/**
 * A panel member's personal link: `/p/{token}` shows the wave's survey and takes one answer
 * (channel `panel`, linked to the member only through their pseudonym); a used link, a closed
 * wave or an unknown token gets a kind page in the member's language. `/p/{token}/stop`
 * unsubscribes (a form post, and Notify's one-click unsubscribe posts there too).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { HONEYPOT_FIELD, KEY_FIELD } from '../../widget/components/survey-form';
import { answersFromFields } from '../../survey/form-fields';
import { createTranslator, directionOf, isLanguage, negotiateLanguage, type Language } from '../../survey/translate';
import type { FormTarget } from '../../db/forms';
import type { AppDeps } from '../deps';
import { ingestInto, publicForm } from '../ingest';
import { FormPage } from '../pages/form-page';
import { MessagePage } from '../pages/message-page';
import { PageShell } from '../pages/page-shell';
import { renderDocument } from '../pages/render';
import { valid } from '../validate';
import type { Answers } from '../../survey/skip-logic';
import type { AnswerError } from '../../survey/validate-answers';

const Token = z.object({ token: z.string().min(1).max(64) });
const Lang = z.object({ lang: z.string().max(16).optional() });

export function panelLinkRoutes(deps: AppDeps) {
  const panels = deps.services.panels;
  const languageOf = (c: Context, stored: string | undefined): Language =>
    negotiateLanguage(c.req.query('lang'), undefined, stored && isLanguage(stored) ? stored : 'en');

  const message = (c: Context, language: Language, key: string, status: 200 | 404 | 409 | 410, links: { href: string; text: string }[] = []) => {
    const t = createTranslator(deps.catalogues, language);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      renderDocument(<MessagePage language={language} dir={directionOf(language)} title={t(`${key}.title`)} body={t(`${key}.body`)} links={links} t={t} />),
      status,
    );
  };

  const renderForm = (
    c: Context,
    token: string,
    target: FormTarget,
    language: Language,
    state: { answers: Answers; errors: AnswerError[]; problem?: string },
    status: 200 | 422 | 503 = 200,
  ) => {
    const form = publicForm(deps, target, language);
    const t = createTranslator(deps.catalogues, language);
    const href = (lang: string) => `/p/${token}?lang=${lang}`;
    c.header('Cache-Control', 'no-store');
    // The token is the member's key: never sent on to another site in a Referer.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(
      renderDocument(
        <FormPage
          form={form}
          place={target.site.name}
          {...state}
          idempotencyKey="panel-link"
          action={`/p/${token}?lang=${language}`}
          kiosk={false}
          child={false}
          t={t}
          languageHref={href}
          kioskData={{}}
        />,
      ),
      status,
    );
  };

  return new Hono()
    .get('/p/thanks', valid('query', Lang), (c) => message(c, languageOf(c, undefined), 'panel.thanks', 200))
    .get('/p/:token', valid('param', Token), valid('query', Lang), async (c) => {
      const { token } = c.req.valid('param');
      const link = await panels.link(token);
      if (link.state === 'unknown') return message(c, languageOf(c, undefined), 'panel.unknown', 404);
      const language = languageOf(c, link.language);
      if (link.state === 'used') return message(c, language, 'panel.used', 409);
      if (link.state === 'closed') return message(c, language, 'panel.closed', 410);
      return renderForm(c, token, link.target, language, { answers: {}, errors: [] });
    })
    .post('/p/:token', bodyLimit({ maxSize: 64 * 1024 }), valid('param', Token), valid('query', Lang), async (c) => {
      const { token } = c.req.valid('param');
      const link = await panels.link(token);
      if (link.state === 'unknown') return message(c, languageOf(c, undefined), 'panel.unknown', 404);
      const language = languageOf(c, link.language);
      if (link.state === 'used') return message(c, language, 'panel.used', 409);
      if (link.state === 'closed') return message(c, language, 'panel.closed', 410);
      const fields = await c.req.parseBody({ all: true });
      if (typeof fields[HONEYPOT_FIELD] === 'string' && fields[HONEYPOT_FIELD] !== '') return c.redirect(`/p/thanks?lang=${language}`, 303);
      void fields[KEY_FIELD];
      const form = publicForm(deps, link.target, language);
      const answers = answersFromFields(form.questions, fields);
      const { found } = link;
      let result: Awaited<ReturnType<typeof ingestInto>>;
      try {
        result = await ingestInto(deps, link.target, {
          answers,
          language,
          channel: 'panel',
          // One answer per member per wave, held by the store's unique key: two posts at once store one.
          idempotencyKey: `panel:${found.waveId}:${found.pseudonym}`,
        });
      } catch (error) {
        console.error('could not store a panel answer', error);
        c.header('Retry-After', '5');
        return renderForm(c, token, link.target, language, { answers, errors: [], problem: createTranslator(deps.catalogues, language)('form.notSaved') }, 503);
      }
      if (!result.ok) {
        if (result.reason === 'unknown_code') return message(c, language, 'panel.closed', 410);
        // One answer per member per wave: other answers under the member's key are a second use.
        if (result.reason === 'conflict') return message(c, language, 'panel.used', 409);
        return renderForm(c, token, link.target, language, { answers, errors: result.errors }, 422);
      }
      if (!result.created) return message(c, language, 'panel.used', 409);
      await panels.recordAnswer({
        invitationId: found.invitationId,
        waveId: found.waveId,
        pseudonym: found.pseudonym!,
        responseId: result.id,
        stages: found.stages,
        at: deps.now(),
      });
      return c.redirect(`/p/thanks?lang=${language}`, 303);
    })
    .get('/p/:token/stop', valid('param', Token), valid('query', Lang), async (c) => {
      const { token } = c.req.valid('param');
      const link = await panels.link(token);
      if (link.state === 'unknown') return message(c, languageOf(c, undefined), 'panel.unknown', 404);
      const language = languageOf(c, link.language);
      const t = createTranslator(deps.catalogues, language);
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(
        renderDocument(
          <PageShell
            language={language}
            dir={directionOf(language)}
            title={t('panel.unsubscribe.title')}
            switcherLabel={t('form.language')}
            languageHref={(l) => `/p/${token}/stop?lang=${l}`}
          >
            <h1>{t('panel.unsubscribe.title')}</h1>
            <p>{t('panel.unsubscribe.body')}</p>
            <form method="post" action={`/p/${token}/stop?lang=${language}`}>
              <button type="submit" class="btn">
                {t('panel.unsubscribe.button')}
              </button>
            </form>
          </PageShell>,
        ),
      );
    })
    .post('/p/:token/stop', valid('param', Token), valid('query', Lang), async (c) => {
      const { token } = c.req.valid('param');
      const done = await panels.unsubscribe(token);
      const language = languageOf(c, done.language);
      return done.ok ? message(c, language, 'panel.unsubscribed', 200) : message(c, language, 'panel.unknown', 404);
    });
}
