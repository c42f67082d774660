/**
 * Skip logic in words, for forms that cannot hide questions (JavaScript off): every conditional
 * question says when it applies, e.g. "Answer this if you said Poor or Very poor".
 */
import type { PublicQuestion } from './public-form';
import type { Condition } from './survey-schema';
import type { Translate } from './translate';

/** @example describeCondition({ question: 'fft', in: ['poor'] }, questions, t) // 'Answer this if you said Poor' */
export function describeCondition(condition: Condition | undefined, questions: PublicQuestion[], t: Translate): string | undefined {
  if (!condition) return undefined;
  if ('all' in condition || 'any' in condition) return t('form.showIf.other');
  const source = questions.find((q) => q.id === condition.question);
  if (!source) return t('form.showIf.other');
  if ('answered' in condition) return condition.answered ? t('form.showIf.answered', { title: source.title }) : t('form.showIf.other');
  const values = 'in' in condition ? condition.in : condition.notIn;
  const labels = values.map((value) => source.options?.find((o) => o.value === value)?.label ?? value);
  const answers = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${t('form.or')} ${labels.at(-1)}` : (labels[0] ?? '');
  return t('in' in condition ? 'form.showIf.in' : 'form.showIf.notIn', { answers });
}
