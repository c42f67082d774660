/**
 * One embedded survey: loads the form, keeps the answers (and the idempotency key) in the outbox as
 * they are given, checks each page with the same validator the server uses, and sends once, then
 * again with backoff and on `online` until the server has it. The server's 422 is the truth.
 * A closure rather than a class: its state's names then minify, and widget.js has a 10 KB budget.
 */
import { render } from 'preact';
import { WidgetView, type WidgetPhase } from '../components/widget-view';
import { fetchForm, postResponse, type EmbeddedForm } from '../lib/api-client';
import { answersFromFields, type FormFields } from '../lib/form-fields';
import { createTranslator } from '../lib/i18n';
import { newIdempotencyKey, Outbox, retryDelay, type StoredEntry } from '../lib/outbox';
import { nextPage, pageErrors, pageOf, previousPage, visibleQuestions } from '../lib/paging';
import { validateAnswers, type AnswerError } from '../lib/validate-answers';

export interface WidgetOptions {
  /** Where hubvoice is: the origin (and path) widget.js was loaded from. */
  base: string;
  code: string;
  lang?: string | undefined;
  mode: 'inline' | 'button';
  /** Words to say before the form (and its messages) has loaded: widget.loadFailed, widget.tryAgain, widget.refused. */
  bootMessages: Record<string, string>;
}

export function mountSurvey(root: HTMLElement, { base, code, lang, mode, bootMessages }: WidgetOptions): void {
  const outbox = new Outbox(storage());
  const fresh = (): StoredEntry => ({ idempotencyKey: newIdempotencyKey(), answers: {}, page: 0, pending: false, language: form?.language });
  let form: EmbeddedForm | undefined;
  let phase: WidgetPhase = 'loading';
  let entry = outbox.read(code) ?? fresh();
  let errors: AnswerError[] = [];
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let t = createTranslator({ en: bootMessages }, 'en');
  const save = () => outbox.write(code, entry);

  const focus = (selector: string) => {
    const element = root.querySelector<HTMLElement>(selector);
    if (!element) return;
    if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.tabIndex = -1;
    element.focus();
    element.scrollIntoView?.({ block: 'nearest' });
  };

  const draw = (focusOn?: string) => {
    render(
      <WidgetView
        phase={phase} form={form} page={entry.page} mode={mode} t={t}
        caption={form && (form.servicePoint ? `${form.site.name} · ${form.servicePoint.name}` : form.site.name)}
        lastPage={!form || nextPage(form, entry.page, entry.answers) < 0}
        answers={entry.answers} errors={errors} idempotencyKey={entry.idempotencyKey}
        action={`${base}/f/${encodeURIComponent(code)}${form ? `?lang=${form.language}` : ''}`}
      />,
      root,
    );
    if (focusOn) focus(focusOn);
  };

  const load = async (): Promise<void> => {
    clearTimeout(timer);
    // While retrying, the "could not load" notice stays rather than flickering.
    if (phase !== 'failed') {
      phase = 'loading';
      draw();
    }
    const loaded = await fetchForm(base, code, lang ?? entry.language);
    if (!loaded.ok) {
      phase = loaded.error.retryable ? 'failed' : 'refused';
      // A page opened offline (or on a flaky connection) fills in by itself once the form can load.
      if (loaded.error.retryable) timer = setTimeout(load, retryDelay(attempt++));
      return draw();
    }
    attempt = 0;
    form = loaded.value;
    t = createTranslator({ [form.language]: form.messages }, form.language);
    entry.language = form.language;
    entry.page = Math.min(entry.page, form.pages.length - 1);
    if (entry.pending) return send();
    phase = 'answering';
    draw();
  };

  const finish = () => {
    clearTimeout(timer);
    attempt = 0;
    outbox.clear(code);
    entry = fresh();
    phase = 'done';
    errors = [];
    draw('[data-hv-focus]');
  };

  const send = async (): Promise<void> => {
    if (!form) return;
    clearTimeout(timer);
    phase = 'sending';
    draw('[data-hv-focus]');
    const checked = validateAnswers(form.questions, entry.answers, t);
    const result = await postResponse(base, { code, answers: checked.answers, language: form.language, channel: 'widget', idempotencyKey: entry.idempotencyKey });
    if (result.ok) return finish();
    const failure = result.error;
    if (failure.retryable) {
      phase = navigator.onLine === false ? 'offline' : 'waiting';
      timer = setTimeout(send, retryDelay(attempt++));
      return draw('[data-hv-focus]');
    }
    entry.pending = false;
    save();
    if (failure.kind === 'refused') {
      phase = 'refused';
      return draw('[data-hv-focus]');
    }
    const refused = failure.details.map(({ field, message, code: reason }) => ({ questionId: field.replace(/^answers\./, ''), field, message, code: reason as AnswerError['code'] }));
    const page = pageOf(form, refused[0]?.questionId ?? '');
    phase = 'answering';
    entry.page = page;
    errors = refused.filter((e) => pageOf(form!, e.questionId) === page);
    draw('.es');
  };

  const goTo = (page: number) => {
    entry.page = page;
    errors = [];
    save();
    draw('h1');
  };

  /** The answers on the page as shown now; answers on other pages are kept as they were. */
  const readPage = () => {
    const element = root.querySelector('form');
    if (!form || !element || phase !== 'answering') return;
    const fields: FormFields = {};
    for (const [name, value] of new FormData(element)) {
      const existing = fields[name];
      fields[name] = existing === undefined ? value : ([] as unknown[]).concat(existing, value);
    }
    const onPage = visibleQuestions(form, entry.page, entry.answers);
    const read = answersFromFields(onPage, fields);
    for (const question of onPage) {
      if (read[question.id] === undefined) delete entry.answers[question.id];
      else entry.answers[question.id] = read[question.id];
    }
    save();
    draw();
  };

  root.addEventListener('input', readPage);
  root.addEventListener('change', readPage);
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form || phase !== 'answering') return;
    readPage();
    // A bot filled the field people cannot see: thank it and keep nothing, as the QR form does.
    if (root.querySelector<HTMLInputElement>('[name="_website"]')?.value) return finish();
    errors = pageErrors(form, entry.page, entry.answers, t);
    if (errors.length) return draw('.es');
    const next = nextPage(form, entry.page, entry.answers);
    if (next >= 0) return goTo(next);
    entry.pending = true;
    save();
    void send();
  });
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-hv],a[href^="#"]') : null;
    const action = target?.getAttribute('data-hv');
    const dialog = root.querySelector('dialog');
    if (!target) return;
    if (action === 'back' && form) goTo(previousPage(form, entry.page, entry.answers));
    else if (action === 'retry') void (form ? send() : load());
    else if (action === 'open' && dialog) {
      // After thanks, opening the dialog again starts a fresh survey.
      if (phase === 'done') phase = 'answering';
      draw();
      dialog.showModal();
      focus(phase === 'answering' ? 'h1' : '[data-hv-focus]');
    } else if (action === 'close') dialog?.close();
    else if (!action) {
      // Fragment links cannot reach into a shadow root: the error summary's links move focus here.
      event.preventDefault();
      focus(`#${CSS.escape(target.getAttribute('href')!.slice(1))}`);
    }
  });
  // Escape or the close button: focus goes back to the button that opened the dialog.
  root.addEventListener('close', () => focus('[data-hv="open"]'), true);
  addEventListener('online', () => {
    if (phase === 'waiting' || phase === 'offline') void send();
    else if (phase === 'failed') void load();
  });
  void load();
}

/** localStorage, or nothing where even reading it throws (storage blocked for third-party frames). */
function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
