/**
 * What the embeddable widget shows: the survey a page at a time (the same SurveyForm the QR form
 * renders on the server), or a notice of what is happening to the answers, or thanks. In button
 * mode it sits in a native modal <dialog>, which traps focus and closes on Escape. Dumb: the
 * controller (widget/embed/survey-widget.tsx) owns the state and the events, marked with `data-hv`.
 */
import type { EmbeddedForm, WidgetThanks } from '../lib/api-client';
import type { Translate } from '../../survey/translate';
import type { StoredEntry } from '../lib/outbox';
import { formForPage, nextPage } from '../lib/paging';
import type { AnswerError } from '../../survey/validate-answers';
import { SurveyForm } from './survey-form';

/** Each phase but `answering` and `done` is also the catalogue key of its notice, `widget.<phase>`. */
export type WidgetPhase = 'loading' | 'loadFailed' | 'refused' | 'answering' | 'sending' | 'waiting' | 'offline' | 'done';

/** Phases whose notice offers "Try again" (and which `online` retries by itself). */
export const canRetry = (phase: WidgetPhase) => phase === 'loadFailed' || phase === 'waiting' || phase === 'offline';

export interface WidgetViewProps {
  phase: WidgetPhase;
  form: EmbeddedForm | undefined;
  /** The answers so far, the page shown and the idempotency key. */
  entry: StoredEntry;
  errors: AnswerError[];
  t: Translate;
  button: boolean;
  /** The thank-you the server sent (with any help, and "You said, we did"): drawn as given. */
  thanks?: WidgetThanks | undefined;
}

export function WidgetView({ phase, form, entry, errors, t, button, thanks }: WidgetViewProps) {
  const { page, answers } = entry;
  const notice = phase !== 'answering' && (
    <div class="hv-panel" role={phase === 'loadFailed' || phase === 'refused' ? 'alert' : 'status'} tabIndex={-1}>
      {phase === 'done' ? (
        <>
          <h2>{thanks?.title ?? t('thanks.title')}</h2>
          {thanks?.paragraphs.map(({ text, label, lang, href, heading }) => {
            // A link where there is an address (a help line's number), else the text in its own language.
            const Text = href ? 'a' : 'span';
            return heading ? (
              <h3>{text}</h3>
            ) : (
              <p>
                <b>{label}</b>
                <Text href={href} lang={lang}>
                  {text}
                </Text>
              </p>
            );
          })}
        </>
      ) : (
        <p>{t(`widget.${phase}`)}</p>
      )}
      {canRetry(phase) && (
        <button type="button" class="btn" data-hv="retry">
          {t('widget.tryAgain')}
        </button>
      )}
    </div>
  );
  // A form that cannot load says so where it stands; a floating button just does not appear.
  if (!form) return !button && <div class="hv">{notice}</div>;
  const content = notice || (
    <div class="hv-survey">
      {form.pages.length > 1 && (
        <div class="hv-nav">
          {page > 0 && (
            <button type="button" class="hv-link" data-hv="back">
              {t('form.back')}
            </button>
          )}
          <span>{t('widget.page', { page: page + 1, pages: form.pages.length })}</span>
        </div>
      )}
      <SurveyForm
        form={formForPage(form, page, answers)}
        answers={answers}
        errors={errors}
        idempotencyKey={entry.idempotencyKey}
        caption={form.site.name + (form.servicePoint ? ` · ${form.servicePoint.name}` : '')}
        submitLabel={nextPage(form, page, answers) < 0 ? undefined : t('form.next')}
      />
    </div>
  );
  return (
    <div class="hv" lang={form.language} dir={form.dir}>
      {button ? (
        <>
          <button type="button" class="hv-fab" data-hv="open" aria-haspopup="dialog">
            {t('widget.open')}
          </button>
          <dialog aria-label={form.title}>
            <div class="hv-bar">
              <button type="button" class="hv-link" data-hv="close">
                {t('widget.close')}
              </button>
            </div>
            {content}
          </dialog>
        </>
      ) : (
        content
      )}
    </div>
  );
}
