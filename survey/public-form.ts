/**
 * A survey as a respondent sees it: one language, plain strings, options spelled out. This is what
 * `GET /api/forms/{code}` returns, what the widget and the QR form render, and what answers are
 * validated against on both sides, so there is one idea of "a valid answer".
 */
import type { Condition, Question, SurveyDefinition } from './survey-schema';
import { EQUALITY_OPTIONS, PREFER_NOT_TO_SAY } from './equality';
import { FFT_VALUES } from './fft';
import { directionOf, localText, type Translate } from './translate';

export interface PublicOption {
  value: string;
  label: string;
}

export interface PublicQuestion {
  id: string;
  type: Question['type'];
  page: string;
  title: string;
  hint?: string;
  required: boolean;
  showIf?: Condition;
  options?: PublicOption[];
  rows?: PublicOption[];
  style?: 'stars' | 'smileys';
  maxLength?: number;
  max?: number;
  field?: string;
  /** Inclusive numeric range for `rating` and `nps`. */
  min?: number;
  maxValue?: number;
  /** Only when the survey says how the children's version differs (survey/child-form.ts reads it). */
  forChildren?: { leaveOut?: boolean; title?: string };
}

export interface PublicForm {
  surveyId: string;
  surveyVersion: number;
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  intro?: string;
  thankYou?: string;
  pages: { id: string; title?: string; questionIds: string[] }[];
  questions: PublicQuestion[];
  /** The messages a client needs to validate and label in this language. */
  messages: Record<string, string>;
}

const CLIENT_MESSAGES = [
  'form.submit',
  'form.next',
  'form.back',
  'form.optional',
  'form.errorSummaryTitle',
  'form.errorPrefix',
  'form.anonymous',
  'form.or',
  'form.showIf.in',
  'form.showIf.notIn',
  'form.showIf.answered',
  'form.showIf.other',
  'form.honeypot',
  'form.chooseAll',
  'form.chooseUpTo',
  'rating.hint',
  'nps.hint',
  'kiosk.saved',
  'error.select',
  'error.enter',
  'error.invalidOption',
  'error.tooLong',
  'error.outOfRange',
  'error.tooMany',
  'error.postcode',
  // The embeddable widget's own words: paging, the dialog, and what is happening to the answers.
  'thanks.title',
  'thanks.received',
  'widget.open',
  'widget.close',
  'widget.page',
  'widget.sending',
  'widget.waiting',
  'widget.offline',
  'widget.tryAgain',
  'widget.refused',
];

/** Resolves a definition into one language, with English wherever a translation is missing. */
export function resolveForm(survey: { id: string; version: number; definition: SurveyDefinition }, language: string, t: Translate): PublicForm {
  const { definition } = survey;
  const text = (value: Parameters<typeof localText>[0]) => localText(value, language);
  const questions = definition.pages.flatMap((page) => page.questions.map((question) => resolveQuestion(question, page.id, text, t)));
  return {
    surveyId: survey.id,
    surveyVersion: survey.version,
    language,
    dir: directionOf(language),
    title: text(definition.title) ?? '',
    ...optional('intro', text(definition.intro)),
    ...optional('thankYou', text(definition.thankYou)),
    pages: definition.pages.map((page) => ({
      id: page.id,
      ...optional('title', text(page.title)),
      questionIds: page.questions.map((q) => q.id),
    })),
    questions,
    messages: Object.fromEntries(CLIENT_MESSAGES.map((key) => [key, t(key)])),
  };
}

function resolveQuestion(question: Question, page: string, text: (value: Parameters<typeof localText>[0]) => string | undefined, t: Translate): PublicQuestion {
  const common: PublicQuestion = {
    id: question.id,
    type: question.type,
    page,
    title: text(question.title) ?? (question.type === 'fft' ? t('fft.question') : question.id),
    required: question.required,
    ...optional('hint', text(question.hint)),
    ...optional('showIf', question.showIf),
    ...optional(
      'forChildren',
      question.forChildren && {
        ...optional('leaveOut', question.forChildren.leaveOut),
        ...optional('title', text(question.forChildren.title)),
      },
    ),
  };
  const labelled = (options: { value: string; label: Parameters<typeof localText>[0] }[]) =>
    options.map((o) => ({ value: o.value, label: text(o.label) ?? o.value }));
  switch (question.type) {
    case 'fft':
      return { ...common, options: FFT_VALUES.map((value) => ({ value, label: t(`fft.${value}`) })) };
    case 'rating':
      return { ...common, style: question.style, min: 1, maxValue: 5 };
    case 'nps':
      return { ...common, min: 0, maxValue: 10 };
    case 'single':
      return { ...common, options: labelled(question.options) };
    case 'multiple':
      return { ...common, options: labelled(question.options), ...optional('max', question.max) };
    case 'yesno':
      return { ...common, options: ['yes', 'no'].map((value) => ({ value, label: t(`yesno.${value}`) })) };
    case 'likert':
      return { ...common, rows: question.rows.map((r) => ({ value: r.id, label: text(r.label) ?? r.id })), options: labelled(question.scale) };
    case 'text':
    case 'longtext':
      return { ...common, maxLength: question.maxLength };
    case 'equality': {
      const prefer = { value: PREFER_NOT_TO_SAY, label: t('equality.preferNotToSay') };
      if (question.field === 'postcodeDistrict') return { ...common, field: question.field, maxLength: 4 };
      const options = EQUALITY_OPTIONS[question.field].map((value) => ({ value, label: t(`equality.${question.field}.${value}`) }));
      return { ...common, field: question.field, options: [...options, prefer] };
    }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
