/** `/f/{code}`: the feedback form, first view and error state, for phones, kiosks and children. */
import { SurveyForm } from '../../widget/components/survey-form';
import type { Translate } from '../../survey/translate';
import type { PublicForm } from '../../survey/public-form';
import { NATIONAL_LINES } from '../../survey/support';
import type { Answers } from '../../survey/skip-logic';
import type { AnswerError } from '../../survey/validate-answers';
import { writeFieldShapes } from '../../survey/form-fields';
import { pageScripts } from '../../widget/page-scripts.gen';
import { PageShell } from './page-shell';

export interface FormPageProps {
  form: PublicForm;
  /** "Devonport Family Hub · Stay & play" */
  place: string;
  answers: Answers;
  errors: AnswerError[];
  /** A problem that is not any one answer's, e.g. the response could not be saved. */
  problem?: string;
  idempotencyKey: string;
  action: string;
  kiosk: boolean;
  child: boolean;
  t: Translate;
  languageHref: (language: string) => string;
  /** The other version of the form (children's or standard). */
  variantHref?: string | undefined;
  /** For the kiosk script: where to post from and go after (the page adds the questions' shapes). */
  kioskData: Record<string, string>;
  /** The organisation's accent colour and logo address, from its settings. */
  brand?: { accentColour: string | null; logoSrc: string | null } | undefined;
}

/**
 * The accent colour on buttons and links. Only a `#rrggbb` is ever written into the CSS (the
 * settings service refuses anything else, and colours under 4.5:1 against white).
 */
export const accentCss = (accent: string | null | undefined) =>
  accent && /^#[0-9a-f]{6}$/i.test(accent) ? `a{color:${accent}}.btn,.btn:hover{background:${accent};box-shadow:0 2px #0b0c0c}` : '';

export function FormPage(props: FormPageProps) {
  const { form, place, answers, errors, problem, idempotencyKey, action, kiosk, child, t } = props;
  const conditional = form.questions.some((q) => q.showIf);
  // Built from widget/page/*.ts; the form works without them (see widget/bundle-page-scripts.ts).
  const scripts = [...(conditional ? [pageScripts.skipLogic] : []), ...(kiosk ? [pageScripts.kiosk] : [])];
  const title = `${errors.length || problem ? `${t('form.errorPrefix')} ` : ''}${form.title} – ${place}`;
  return (
    <PageShell
      language={form.language}
      dir={form.dir}
      title={title}
      languageHref={props.languageHref}
      switcherLabel={t('form.language')}
      kiosk={kiosk}
      scripts={scripts}
      extraCss={
        accentCss(props.brand?.accentColour) +
        (props.brand?.logoSrc ? '.org-logo{display:block;max-height:3.5rem;max-width:60%;margin:0 0 1rem}' : '') +
        (kiosk ? KIOSK_IDLE_CSS : '')
      }
    >
      {props.brand?.logoSrc && <img class="org-logo" src={props.brand.logoSrc} alt="" />}
      {problem && (
        <div class="es" role="alert" aria-labelledby="problem-title" tabIndex={-1} autofocus>
          <h2 id="problem-title">{t('form.errorSummaryTitle')}</h2>
          <p>{problem}</p>
        </div>
      )}
      <SurveyForm
        form={form}
        answers={answers}
        errors={errors}
        action={action}
        idempotencyKey={idempotencyKey}
        caption={place}
        dataset={kiosk ? { ...props.kioskData, questions: writeFieldShapes(form.questions) } : {}}
      />
      {kiosk && (
        // After a while without a touch (the kiosk script, `data-idle` seconds), before the answers are cleared for the next family.
        <div id="kiosk-idle" class="kiosk-idle" role="alertdialog" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-body" tabIndex={-1} hidden>
          <h2 id="kiosk-idle-title">{t('kiosk.idle.title')}</h2>
          <p id="kiosk-idle-body">{t('kiosk.idle.body', { seconds: kioskGraceSeconds(Number(props.kioskData.idle ?? KIOSK_IDLE_SECONDS)) })}</p>
          <button type="button" class="btn" id="kiosk-idle-continue">
            {t('kiosk.idle.continue')}
          </button>
        </div>
      )}
      {kiosk && (
        <div id="kiosk-done" class="panel" role="status" tabIndex={-1} hidden>
          <p>{t(child ? 'child.kiosk.saved' : 'kiosk.saved')}</p>
          {/* Nothing has read the answers yet offline, so everyone gets one calm general line of help. */}
          <p>{t(child ? 'child.kiosk.help' : 'kiosk.help', { emergency: NATIONAL_LINES.emergency.number, childline: NATIONAL_LINES.childline.number })}</p>
        </div>
      )}
      {/* A panel member's personal link has no children's version to offer. */}
      {props.variantHref && (
        <p class="alt">
          <a href={props.variantHref}>{t(child ? 'form.forAdults' : 'form.forChildren')}</a>
        </p>
      )}
    </PageShell>
  );
}

/** A kiosk clears a half-filled form after this long without a touch (issue 17), asking first. */
export const KIOSK_IDLE_SECONDS = 120;

/** How long "Still there?" waits before clearing: a quarter of the idle time (30 s of 2 minutes). */
export const kioskGraceSeconds = (idleSeconds: number) => Math.max(1, Math.round(idleSeconds / 4));

const KIOSK_IDLE_CSS =
  '.kiosk-idle{position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:5;max-width:36rem;margin:0 auto;padding:1.5rem;background:#fff;color:#0b0c0c;border:5px solid #1d70b8;box-shadow:0 0 0 100vmax rgba(11,12,12,.6)}.kiosk-idle h2{margin-top:0}.kiosk-idle:focus{outline:3px solid #fd0}';
