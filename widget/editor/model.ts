/**
 * The survey editor's model: plain functions over a survey definition (the survey core's shape),
 * with no zod, so the editor's bundle stays small. The server validates again on save with the
 * core's schema; these checks only let the editor point at a mistake before sending.
 */
import type { Condition, Question, QuestionType, SurveyDefinition } from '../../survey/survey-schema';

export type Definition = SurveyDefinition;
export type Page = Definition['pages'][number];
export type LocalText = Record<string, string> & { en: string };
export type { Condition, Question, QuestionType };

/** Where a problem is, as the server names it: `pages.0.questions.2.title`. */
export interface Problem {
  path: string;
  message: string;
}

export const QUESTION_TYPES: { type: Exclude<QuestionType, 'equality'>; name: string }[] = [
  { type: 'longtext', name: 'Comment box (long text)' },
  { type: 'text', name: 'Short text' },
  { type: 'single', name: 'Choose one' },
  { type: 'multiple', name: 'Choose any' },
  { type: 'yesno', name: 'Yes or no' },
  { type: 'rating', name: 'Rating, 1 to 5' },
  { type: 'nps', name: 'Scale, 0 to 10' },
  { type: 'likert', name: 'Grid: statements and a scale' },
  { type: 'fft', name: 'Friends and Family Test (standard wording)' },
];

export const TYPE_NAMES: Record<QuestionType, string> = {
  ...(Object.fromEntries(QUESTION_TYPES.map((t) => [t.type, t.name])) as Record<Exclude<QuestionType, 'equality'>, string>),
  equality: 'About you (fixed answers)',
};

/** A deep copy (definitions are plain JSON). */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function questionIds(definition: Definition): string[] {
  return definition.pages.flatMap((page) => page.questions.map((q) => q.id));
}

/** The first `prefix-N` not yet used. */
export function freshId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const option = (value: string, en: string) => ({ value, label: { en } });

/** A new question of a type, with an id no other question has and the parts its type needs. */
export function newQuestion(type: Exclude<QuestionType, 'equality'>, taken: Iterable<string>): Question {
  const id = freshId(taken, 'q');
  const base = { id, required: false, title: { en: '' } };
  switch (type) {
    case 'fft':
      return { id, type, required: true };
    case 'rating':
      return { ...base, type, style: 'stars' };
    case 'single':
    case 'multiple':
      return { ...base, type, options: [option('option1', ''), option('option2', '')] };
    case 'likert':
      return {
        ...base,
        type,
        rows: [{ id: 'row1', label: { en: '' } }],
        scale: [option('agree', 'Agree'), option('neither', 'Neither agree nor disagree'), option('disagree', 'Disagree')],
      };
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'longtext':
      return { ...base, type, maxLength: 2000 };
    default:
      return { ...base, type };
  }
}

/** Moves item `from` by `by` places within its list, returning a new list. */
export function moved<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** An option value from its English label: `Very helpful!` → `very-helpful`. */
export function valueFrom(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'option';
  if (!taken.includes(base)) return base;
  return freshId(taken, `${base}-`);
}

/** The answers a skip rule can test for a question, as value and English words. */
export function answerChoices(question: Question, labels: EditorLabels): { value: string; label: string }[] {
  switch (question.type) {
    case 'fft':
      return Object.entries(labels.fft).map(([value, label]) => ({ value, label }));
    case 'yesno':
      return Object.entries(labels.yesno).map(([value, label]) => ({ value, label }));
    case 'single':
    case 'multiple':
      return question.options.map((o) => ({ value: o.value, label: o.label.en || o.value }));
    case 'rating':
      return ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
    case 'equality':
      return Object.entries(labels.equality[question.field] ?? {}).map(([value, label]) => ({ value, label }));
    default:
      return [];
  }
}

/** English words the server passes in: the standard answers whose wording lives in catalogues. */
export interface EditorLabels {
  /** The FFT question's standard English wording. */
  fftQuestion: string;
  fft: Record<string, string>;
  yesno: Record<string, string>;
  equality: Record<string, Record<string, string>>;
}

/** One test a simple skip rule makes. */
export type SimpleCondition = Extract<Condition, { question: string }>;

/**
 * A skip rule as the editor shows it: tests joined by all or any. Null when the rule nests deeper
 * than that (written through the API); the editor then keeps it as it is.
 */
export function flatten(condition: Condition | undefined): { join: 'all' | 'any'; tests: SimpleCondition[] } | null {
  if (!condition) return { join: 'all', tests: [] };
  if ('question' in condition) return { join: 'all', tests: [condition] };
  const join = 'all' in condition ? 'all' : 'any';
  const parts = 'all' in condition ? condition.all : condition.any;
  if (parts.some((part) => !('question' in part))) return null;
  return { join, tests: parts as SimpleCondition[] };
}

export function unflatten(join: 'all' | 'any', tests: SimpleCondition[]): Condition | undefined {
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return join === 'all' ? { all: tests } : { any: tests };
}

function conditionQuestions(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}

const blank = (text: Partial<LocalText> | undefined) => !text?.en?.trim();

/**
 * What would stop the definition saving, each with the path the server would name. The survey
 * core's schema (survey/survey-schema.ts) is the rule; this mirrors the mistakes an editor can make.
 */
export function problems(definition: Definition): Problem[] {
  const found: Problem[] = [];
  const add = (path: string, message: string) => found.push({ path, message });
  if (blank(definition.title)) add('title.en', 'Give the survey a title in English');
  const seen = new Set<string>();
  definition.pages.forEach((page, p) => {
    if (page.questions.length === 0) add(`pages.${p}.questions`, `Page ${p + 1} has no questions: add one or remove the page`);
    page.questions.forEach((question, q) => {
      const at = `pages.${p}.questions.${q}`;
      const n = `Question ${seen.size + 1}`;
      if (question.type !== 'fft' && blank(question.title)) add(`${at}.title.en`, `${n}: write the question in English`);
      if (question.type === 'single' || question.type === 'multiple' || question.type === 'likert') {
        const options = question.type === 'likert' ? question.scale : question.options;
        const key = question.type === 'likert' ? 'scale' : 'options';
        if (options.length < 2) add(`${at}.${key}`, `${n}: give at least two answers`);
        options.forEach((o, i) => {
          if (blank(o.label)) add(`${at}.${key}.${i}.label.en`, `${n}: answer ${i + 1} needs words in English`);
        });
        const values = options.map((o) => o.value);
        if (new Set(values).size !== values.length) add(`${at}.${key}`, `${n}: two answers have the same value`);
      }
      if (question.type === 'likert') {
        if (question.rows.length === 0) add(`${at}.rows`, `${n}: give at least one statement`);
        question.rows.forEach((row, i) => {
          if (blank(row.label)) add(`${at}.rows.${i}.label.en`, `${n}: statement ${i + 1} needs words in English`);
        });
      }
      if (question.forChildren?.leaveOut && question.required)
        add(`${at}.forChildren.leaveOut`, `${n}: a required question cannot be left out of the children’s version`);
      for (const ref of conditionQuestions(question.showIf)) {
        if (!seen.has(ref)) add(`${at}.showIf`, `${n}: its rule depends on a question that is not before it`);
      }
      seen.add(question.id);
    });
  });
  return found;
}

/** Languages (other than English) each text is missing, counted over the whole survey. */
export function missingTranslations(definition: Definition, languages: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(languages.map((l) => [l, 0]));
  const visit = (text: Partial<LocalText> | undefined) => {
    if (!text || blank(text)) return;
    for (const language of languages) if (!text[language]?.trim()) counts[language]!++;
  };
  visit(definition.title);
  visit(definition.intro);
  visit(definition.thankYou);
  for (const page of definition.pages) {
    visit(page.title);
    for (const question of page.questions) {
      visit(question.title);
      visit(question.hint);
      visit(question.forChildren?.title);
      if (question.type === 'single' || question.type === 'multiple') question.options.forEach((o) => visit(o.label));
      if (question.type === 'likert') {
        question.rows.forEach((r) => visit(r.label));
        question.scale.forEach((o) => visit(o.label));
      }
    }
  }
  return counts;
}

/** Strips what a family never sees: empty translations and empty optional texts. */
export function tidy(definition: Definition): Definition {
  const text = <T extends Partial<LocalText> | undefined>(value: T): T => {
    if (!value) return value;
    const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    return (Object.keys(kept).length ? kept : undefined) as T;
  };
  const copy = clone(definition);
  const optionalTexts = (holder: Record<string, unknown>, keys: string[]) => {
    for (const key of keys) {
      const value = text(holder[key] as LocalText | undefined);
      if (value?.en) holder[key] = value;
      else delete holder[key];
    }
  };
  copy.title = (text(copy.title) ?? { en: '' }) as LocalText;
  optionalTexts(copy as unknown as Record<string, unknown>, ['intro', 'thankYou']);
  for (const page of copy.pages) {
    optionalTexts(page as unknown as Record<string, unknown>, ['title']);
    for (const question of page.questions) {
      const q = question as unknown as Record<string, unknown>;
      if (question.title) question.title = (text(question.title) ?? { en: '' }) as LocalText;
      optionalTexts(q, ['hint']);
      if (question.forChildren) {
        optionalTexts(question.forChildren as Record<string, unknown>, ['title']);
        if (!question.forChildren.leaveOut) delete question.forChildren.leaveOut;
        if (!question.forChildren.title && !question.forChildren.leaveOut) delete q.forChildren;
      }
      if (question.type === 'single' || question.type === 'multiple') for (const o of question.options) o.label = (text(o.label) ?? { en: '' }) as LocalText;
      if (question.type === 'likert') {
        for (const r of question.rows) r.label = (text(r.label) ?? { en: '' }) as LocalText;
        for (const o of question.scale) o.label = (text(o.label) ?? { en: '' }) as LocalText;
      }
    }
  }
  return copy;
}
