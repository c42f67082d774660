/**
 * Kiosk mode on the form page: each submission goes through the widget's submission queue
 * (kept on the tablet with its idempotency key, posted to `POST /api/responses`, retried with
 * backoff and when the connection returns), so it is stored once however often it is sent.
 * Online, the family sees the server's thank-you page; offline, a local one, then a fresh form;
 * answers the server refuses go through the plain form post, whose page explains them.
 * The form's `data-` attributes (code, lang, thanks, questions, role, idle) come from server/pages/form-page.tsx.
 * A half-filled form left alone is cleared for the next family, after asking "Still there?".
 */
import { answersFromFields, HONEYPOT_FIELD, KEY_FIELD, readFieldShapes } from '../../survey/form-fields';
import { postResponse } from '../lib/api-client';
import { newIdempotencyKey } from '../lib/outbox';
import { submissionQueue } from '../lib/submission-queue';

/** How long the offline thank-you stays before the next family's form. */
const OFFLINE_THANKS_MS = 8000;

const form = document.querySelector<HTMLFormElement>('form.survey');

if (form) {
  const { code, lang, thanks, questions, role } = form.dataset;
  const shapes = readFieldShapes(questions ?? '');
  const queue = submissionQueue((submission) => postResponse('', submission));
  const keyField = form.elements.namedItem(KEY_FIELD) as HTMLInputElement;

  form.addEventListener('submit', async (event) => {
    const data = new FormData(form);
    // A bot filled the field people cannot see: the plain post thanks it and keeps nothing.
    if (data.get(HONEYPOT_FIELD)) return;
    event.preventDefault();
    const fields = Object.fromEntries([...data.keys()].map((name) => [name, data.getAll(name)]));
    const result = await queue.add({
      code: code!,
      answers: answersFromFields(shapes, fields),
      language: lang!,
      channel: 'kiosk',
      idempotencyKey: keyField.value,
      ...(role === 'child' ? { respondentRole: role } : {}),
    });
    if (result.ok && !result.value.support) location.href = thanks!;
    // After a possible disclosure the plain post (same key: stored once) answers with the page that
    // shows the help, so no address ever names it; answers the server refused get their page too.
    else if (result.ok || result.error.kind !== 'network') form.submit();
    else {
      const done = document.getElementById('kiosk-done')!;
      form.hidden = true;
      done.hidden = false;
      done.focus();
      void queue.flush();
      setTimeout(() => {
        form.reset();
        keyField.value = newIdempotencyKey();
        done.hidden = true;
        form.hidden = false;
        scrollTo(0, 0);
      }, OFFLINE_THANKS_MS);
    }
  });
  addEventListener('online', () => void queue.online());
  void queue.flush();
  clearWhenIdle(form, keyField);
}

/**
 * The next family must not read the last one's words: after `data-idle` seconds without a touch,
 * a half-filled form asks "Still there?" (focus moves to it, so it is announced), and a quarter
 * of that time later, with still no touch, every answer is cleared and the form starts again.
 * The offline queue of sent answers is not touched.
 */
function clearWhenIdle(form: HTMLFormElement, keyField: HTMLInputElement) {
  const idleMs = Number(form.dataset.idle ?? 120) * 1000;
  const graceMs = Math.max(1000, Math.round(idleMs / 4000) * 1000);
  const prompt = document.getElementById('kiosk-idle');
  const carryOn = document.getElementById('kiosk-idle-continue');
  if (!prompt || !carryOn || !(idleMs > 0)) return;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let clearing: ReturnType<typeof setTimeout> | undefined;
  let before: HTMLElement | null = null;

  const fields = () =>
    [...form.elements].filter((el) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement);
  const answered = () =>
    fields().some((el) => {
      if (el.name === KEY_FIELD || el.name === HONEYPOT_FIELD || (el instanceof HTMLInputElement && el.type === 'hidden')) return false;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) return el.checked;
      if (el instanceof HTMLSelectElement) return el.selectedIndex > 0;
      return el.value.trim() !== '';
    });
  const wait = () => {
    clearTimeout(idle);
    idle = setTimeout(ask, idleMs);
  };
  const ask = () => {
    if (form.hidden || !answered()) return wait();
    before = document.activeElement as HTMLElement | null;
    prompt.hidden = false;
    prompt.focus();
    clearing = setTimeout(clear, graceMs);
  };
  const stillHere = () => {
    clearTimeout(clearing);
    prompt.hidden = true;
    before?.focus();
    wait();
  };
  const clear = () => {
    prompt.hidden = true;
    // Not form.reset(): on a page sent back with errors, the defaults are the family's answers.
    for (const el of fields()) {
      if (el.name === KEY_FIELD || (el instanceof HTMLInputElement && el.type === 'hidden')) continue;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) el.checked = false;
      else if (el instanceof HTMLSelectElement) el.selectedIndex = 0;
      else el.value = '';
    }
    for (const message of document.querySelectorAll<HTMLElement>('.es, .err')) message.hidden = true;
    keyField.value = newIdempotencyKey();
    // Skip rules hide what depended on the cleared answers.
    form.dispatchEvent(new Event('change', { bubbles: true }));
    scrollTo(0, 0);
    wait();
  };

  carryOn.addEventListener('click', stillHere);
  for (const type of ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel']) {
    addEventListener(
      type,
      (event) => {
        if (!prompt.hidden) {
          // A touch anywhere but the button says "still here" too; the button says it itself.
          if (event.target !== carryOn) stillHere();
        } else wait();
      },
      { passive: true, capture: true },
    );
  }
  wait();
}
