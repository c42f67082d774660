/**
 * The children's and young people's version of a form (`?for=child`): the FFT in simpler words
 * with faces, as NHS England's children's FFT versions do, and without the optional "about you"
 * questions, which are written for parents. A survey may ask any question in simpler words for
 * children, or leave an optional one out (`forChildren` in its definition). The questions' values
 * stay the same, so answers count alongside everyone else's.
 */
import { FFT_VALUES } from './fft';
import type { Translate } from './translate';
import type { PublicForm } from './public-form';

const CHILD_MESSAGES = ['form.submit', 'form.anonymous'];

/** @example childForm(form, t).questions[0].title // 'How was it today?' */
export function childForm(form: PublicForm, t: Translate): PublicForm {
  const questions = form.questions
    .filter((q) => (q.type !== 'equality' || q.required) && !(q.forChildren?.leaveOut && !q.required))
    .map(({ forChildren, ...q }) =>
      q.type === 'fft'
        ? {
            ...q,
            title: forChildren?.title ?? t('child.fft.question'),
            style: 'smileys' as const,
            options: FFT_VALUES.map((value) => ({ value, label: t(`child.fft.${value}`) })),
          }
        : { ...q, title: forChildren?.title ?? q.title },
    );
  const kept = new Set(questions.map((q) => q.id));
  const pages = form.pages
    .map((page) => ({ ...page, questionIds: page.questionIds.filter((id) => kept.has(id)) }))
    .filter((page) => page.questionIds.length > 0);
  const messages = { ...form.messages };
  for (const key of CHILD_MESSAGES) messages[key] = t(`child.${key}`);
  return { ...form, intro: t('child.form.intro'), questions, pages, messages };
}
