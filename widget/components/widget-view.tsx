/**
 * What the embeddable widget shows: the survey a page at a time (the same SurveyForm the QR form
 * renders on the server), then what is happening to the answers, then thanks. In button mode it
 * sits in a native modal <dialog>, which traps focus and closes on Escape. Dumb: the controller
 * (widget/embed/survey-widget.tsx) owns the state and the events, marked with `data-hv`.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../lib/i18n';
import { formForPage } from '../lib/paging';
import type { PublicForm } from '../lib/public-form';
import type { Answers } from '../lib/skip-logic';
import type { AnswerError } from '../lib/validate-answers';
import { SurveyForm } from './survey-form';

export type WidgetPhase = 'loading' | 'failed' | 'refused' | 'answering' | 'sending' | 'waiting' | 'offline' | 'done';

export interface WidgetViewProps {
  phase: WidgetPhase;
  form: PublicForm | undefined;
  caption?: string | undefined;
  page: number;
  /** True on the last page with something to answer: the button sends. */
  lastPage: boolean;
  answers: Answers;
  errors: AnswerError[];
  idempotencyKey: string;
  /** Where the form would post without the widget's script: the QR form. */
  action: string;
  t: Translate;
  mode: 'inline' | 'button';
}

export function WidgetView(props: WidgetViewProps) {
  const { form, t } = props;
  if (!form) {
    if (props.phase === 'loading' || props.mode === 'button') return <div class="hv" aria-busy={props.phase === 'loading' ? 'true' : undefined} />;
    return (
      <div class="hv">
        <Notice role="alert" text={t(props.phase === 'refused' ? 'widget.refused' : 'widget.loadFailed')} action={props.phase === 'failed' ? t('widget.tryAgain') : undefined} />
      </div>
    );
  }
  const content = <WidgetContent {...props} form={form} />;
  return (
    <div class="hv" lang={form.language} dir={form.dir}>
      {props.mode === 'button' ? (
        <>
          <button type="button" class="hv-fab" data-hv="open" aria-haspopup="dialog">{t('widget.open')}</button>
          <dialog class="hv-dialog" aria-label={form.title}>
            <div class="hv-bar">
              <button type="button" class="hv-close" data-hv="close">{t('widget.close')}</button>
            </div>
            {content}
          </dialog>
        </>
      ) : content}
    </div>
  );
}

function WidgetContent({ phase, form, caption, page, lastPage, answers, errors, idempotencyKey, action, t }: WidgetViewProps & { form: PublicForm }) {
  if (phase === 'done') {
    return (
      <div class="hv-panel hv-done" role="status" tabIndex={-1} data-hv-focus>
        <h2>{t('thanks.title')}</h2>
        <p>{form.thankYou ?? t('thanks.received')}</p>
      </div>
    );
  }
  if (phase === 'sending') return <Notice role="status" text={t('widget.sending')} />;
  if (phase === 'waiting' || phase === 'offline') return <Notice role="status" text={t(`widget.${phase}`)} action={t('widget.tryAgain')} />;
  if (phase === 'refused') return <Notice role="alert" text={t('widget.refused')} />;
  return (
    <div class="hv-survey">
      {form.pages.length > 1 && (
        <div class="hv-nav">
          {page > 0 && <button type="button" class="hv-back" data-hv="back">{t('form.back')}</button>}
          <p class="hv-step">{t('widget.page', { page: page + 1, pages: form.pages.length })}</p>
        </div>
      )}
      <SurveyForm
        form={formForPage(form, page, answers)} answers={answers} errors={errors} action={action}
        idempotencyKey={idempotencyKey} caption={caption} submitLabel={lastPage ? undefined : t('form.next')}
      />
    </div>
  );
}

interface NoticeProps {
  role: 'status' | 'alert';
  text: string;
  /** A "try again" button's words, when trying again is up to the person. */
  action?: string | undefined;
}

function Notice({ role, text, action }: NoticeProps): ComponentChildren {
  return (
    <div class="hv-panel" role={role} tabIndex={-1} data-hv-focus>
      <p>{text}</p>
      {action && <button type="button" class="btn" data-hv="retry">{action}</button>}
    </div>
  );
}
