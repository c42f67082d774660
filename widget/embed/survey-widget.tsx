/**
 * One embedded survey: loads the form, keeps the answers (and the idempotency key) on the device as
 * they are given, checks each page for missing answers, and sends once, then again with backoff
 * and on `online` until the server has it. The server's 422 is the truth.
 * A closure rather than a class: its state's names then minify, and widget.js has a 10 KB budget.
 */
import { render } from 'preact';
import { HONEYPOT_FIELD } from '../components/survey-form';
import { canRetry, WidgetView, type WidgetPhase } from '../components/widget-view';
import { fetchForm, postResponse, type EmbeddedForm, type WidgetThanks } from '../lib/api-client';
import { answersFromFields } from '../../survey/form-fields';
import { createTranslator } from '../../survey/translate';
import { newIdempotencyKey, readEntry, retryDelay, writeEntry, type StoredEntry } from '../lib/outbox';
import { missingAnswers, nextPage, pageOf, previousPage, visibleQuestions } from '../lib/paging';
import type { AnswerError } from '../../survey/validate-answers';

export interface WidgetOptions {
  /** Where hubvoice is: the origin (and path) widget.js was loaded from. */
  base: string;
  code: string;
  lang?: string | undefined;
  /** A floating button opening the survey in a dialog, rather than the survey where it stands. */
  button: boolean;
  /** Words to say before the form (and its messages) has loaded: widget.loadFailed, widget.tryAgain, widget.refused. */
  bootMessages: Record<string, string>;
}

/** What takes focus when a notice or thanks is drawn. */
const NOTICE = '.hv-panel';

export function mountSurvey(root: HTMLElement, { base, code, lang, button, bootMessages }: WidgetOptions): void {
  let form: EmbeddedForm | undefined;
  let phase: WidgetPhase = 'loading';
  let entry = readEntry(code) ?? fresh();
  let errors: AnswerError[] = [];
  let thanks: WidgetThanks | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let t = createTranslator({ en: bootMessages }, 'en');

  function fresh(): StoredEntry {
    return { idempotencyKey: newIdempotencyKey(), answers: {}, page: 0, pending: false };
  }
  const save = () => writeEntry(code, entry);

  const focus = (selector: string) => {
    const element = root.querySelector<HTMLElement>(selector);
    // A heading is not focusable by default; -1 makes it so without adding a tab stop.
    if (element && element.tabIndex < 0) element.tabIndex = -1;
    element?.focus();
  };

  /** Draws the current state and, after a change of page or phase, moves focus to what changed. */
  const draw = (now: WidgetPhase, focusOn?: string) => {
    phase = now;
    render(<WidgetView phase={phase} form={form} entry={entry} errors={errors} t={t} button={button} thanks={thanks} />, root);
    if (focusOn) focus(focusOn);
  };

  /** Loads the form or sends the answers again, whichever failed: on a tap, on `online`, or after a backoff delay. */
  const retry = () => {
    clearTimeout(timer);
    void (form ? send() : load());
  };
  const later = () => {
    timer = setTimeout(retry, retryDelay(attempt++));
  };

  const load = async () => {
    const loaded = await fetchForm(base, code, lang ?? entry.language);
    if (!loaded.ok) {
      // A page opened offline (or on a flaky connection) fills in by itself once the form can load.
      if (loaded.error.kind === 'network') later();
      return draw(loaded.error.kind === 'network' ? 'loadFailed' : 'refused');
    }
    form = loaded.value;
    t = createTranslator({ [form.language]: form.messages }, form.language);
    entry.language = form.language;
    entry.page = Math.min(entry.page, form.pages.length - 1);
    if (entry.pending) return send();
    draw('answering');
  };

  const finish = (said?: WidgetThanks) => {
    thanks = said;
    writeEntry(code, undefined);
    entry = fresh();
    errors = [];
    draw('done', NOTICE);
  };

  const send = async (): Promise<void> => {
    draw('sending', NOTICE);
    // Sent as given: the server normalises the answers and drops any a skip has hidden since.
    const result = await postResponse(base, {
      code,
      answers: entry.answers,
      language: form!.language,
      channel: 'widget',
      idempotencyKey: entry.idempotencyKey,
    });
    if (result.ok) return finish(result.value.thanks);
    const failure = result.error;
    if (failure.kind === 'network') {
      later();
      return draw(navigator.onLine === false ? 'offline' : 'waiting', NOTICE);
    }
    entry.pending = false;
    save();
    if (failure.kind === 'refused') return draw('refused', NOTICE);
    // The server's messages, in the person's language, on the page of the first one.
    const refused = failure.details.map((detail) => ({ ...detail, questionId: detail.field.slice('answers.'.length) }) as AnswerError);
    entry.page = pageOf(form!, refused[0]!.questionId);
    errors = refused.filter((error) => pageOf(form!, error.questionId) === entry.page);
    draw('answering', '.es');
  };

  const goTo = (page: number) => {
    entry.page = page;
    errors = [];
    save();
    draw(phase, 'h1');
  };

  /** Keeps the answers on the page as shown now (answers on other pages stay as they were); returns the honeypot. */
  const readPage = () => {
    const element = root.querySelector('form');
    if (!element) return;
    const data = new FormData(element);
    const onPage = visibleQuestions(form!, entry.page, entry.answers);
    const read = answersFromFields(onPage, Object.fromEntries([...data.keys()].map((name) => [name, data.getAll(name)])));
    for (const question of onPage) entry.answers[question.id] = read[question.id];
    save();
    draw(phase);
    return data.get(HONEYPOT_FIELD);
  };

  // `input` fires for typing, radio and checkbox clicks and selects alike; `change` too would read twice.
  root.addEventListener('input', readPage);
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    // A bot filled the field people cannot see: thank it and keep nothing, as the QR form does.
    if (readPage()) return finish();
    errors = missingAnswers(form!, entry.page, entry.answers, t);
    if (errors.length) return draw(phase, '.es');
    const next = nextPage(form!, entry.page, entry.answers);
    if (next >= 0) return goTo(next);
    entry.pending = true;
    save();
    void send();
  });
  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('[data-hv],a[href^="#"]');
    const action = target?.getAttribute('data-hv');
    const dialog = root.querySelector('dialog')!;
    if (!target) return;
    if (action === 'back') goTo(previousPage(form!, entry.page, entry.answers));
    else if (action === 'retry') retry();
    else if (action === 'open') {
      // After thanks, opening the dialog again starts a fresh survey.
      draw(phase === 'done' ? 'answering' : phase);
      dialog.showModal();
      focus(phase === 'answering' ? 'h1' : NOTICE);
    } else if (action) dialog.close();
    else {
      // Fragment links cannot reach into a shadow root: the error summary's links move focus here.
      // (Question ids are letters, digits, - and _, so the href is a selector as it is.)
      event.preventDefault();
      focus(target.getAttribute('href')!);
    }
  });
  // Escape or the close button: focus goes back to the button that opened the dialog.
  root.addEventListener('close', () => focus('.hv-fab'), true);
  addEventListener('online', () => {
    if (canRetry(phase)) retry();
  });
  void load();
}
