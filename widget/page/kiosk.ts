/**
 * Kiosk mode on the form page: each submission goes through the widget's submission queue
 * (kept on the tablet with its idempotency key, posted to `POST /api/responses`, retried with
 * backoff and when the connection returns), so it is stored once however often it is sent.
 * Online, the family sees the server's thank-you page; offline, a local one, then a fresh form;
 * answers the server refuses go through the plain form post, whose page explains them.
 * The form's `data-` attributes (code, lang, thanks, questions, role) come from server/pages/form-page.tsx.
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
}
