/**
 * Survey definitions: the one schema the server validates on save and on load, and the widget and
 * forms render from. Imports only zod (it is shared by server and browser code); the browser bundle
 * itself uses the plain-TypeScript helpers beside it, not zod.
 */
import { z } from 'zod';
import { EQUALITY_FIELDS } from './equality';

/** Text in several languages; English is required because it is every fallback. */
export const LocalText = z.object({ en: z.string().min(1) }).catchall(z.string());
export type LocalText = z.infer<typeof LocalText>;

const QuestionId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - or _, starting with a letter');

const Option = z.object({ value: z.string().min(1).max(60), label: LocalText });

type ConditionShape =
  | { question: string; in: string[] }
  | { question: string; notIn: string[] }
  | { question: string; answered: boolean }
  | { all: ConditionShape[] }
  | { any: ConditionShape[] };

/** Skip logic: `{ question: 'fft', in: ['poor', 'veryPoor'] }`, combinable with `all` / `any`. */
export const Condition: z.ZodType<ConditionShape> = z
  .lazy(
    () =>
      z.union([
        z.object({ question: QuestionId, in: z.array(z.string()).min(1) }).strict(),
        z.object({ question: QuestionId, notIn: z.array(z.string()).min(1) }).strict(),
        z.object({ question: QuestionId, answered: z.boolean() }).strict(),
        z.object({ all: z.array(Condition).min(1) }).strict(),
        z.object({ any: z.array(Condition).min(1) }).strict(),
      ]),
    // A named schema, so documents built from it (the API's OpenAPI) can refer to it recursively.
  )
  .meta({ id: 'Condition' });
export type Condition = ConditionShape;

const base = {
  id: QuestionId,
  /** Omitted for `fft`, whose standard wording comes from the language catalogue. */
  title: LocalText.optional(),
  hint: LocalText.optional(),
  required: z.boolean().default(false),
  showIf: Condition.optional(),
  /**
   * The children's version of the form (`?for=child`): `leaveOut` drops the question there, and
   * `title` asks it in simpler words. Answers keep the same values, so they count with everyone's.
   */
  forChildren: z.object({ leaveOut: z.boolean().optional(), title: LocalText.optional() }).strict().optional(),
};

export const Question = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('fft') }),
  z.object({ ...base, type: z.literal('rating'), style: z.enum(['stars', 'smileys']).default('stars') }),
  z.object({ ...base, type: z.literal('nps') }),
  z.object({ ...base, type: z.literal('single'), options: z.array(Option).min(2) }),
  z.object({ ...base, type: z.literal('multiple'), options: z.array(Option).min(2), max: z.int().positive().optional() }),
  z.object({ ...base, type: z.literal('yesno') }),
  z.object({
    ...base,
    type: z.literal('likert'),
    rows: z.array(z.object({ id: QuestionId, label: LocalText })).min(1),
    scale: z.array(Option).min(2),
  }),
  z.object({ ...base, type: z.literal('text'), maxLength: z.int().min(1).max(500).default(200) }),
  z.object({ ...base, type: z.literal('longtext'), maxLength: z.int().min(1).max(5000).default(2000) }),
  z.object({ ...base, type: z.literal('equality'), field: z.enum(EQUALITY_FIELDS) }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

export const Page = z.object({
  id: QuestionId,
  title: LocalText.optional(),
  questions: z.array(Question).min(1),
});

export const SurveyDefinition = z
  .object({
    title: LocalText,
    intro: LocalText.optional(),
    thankYou: LocalText.optional(),
    pages: z.array(Page).min(1),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.pages.forEach((page, p) =>
      page.questions.forEach((question, q) => {
        const path = ['pages', p, 'questions', q];
        if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate question id "${question.id}"` });
        for (const ref of conditionQuestions(question.showIf)) {
          if (!seen.has(ref))
            ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message: `showIf refers to "${ref}", which is not an earlier question` });
        }
        if (question.type !== 'fft' && !question.title) ctx.addIssue({ code: 'custom', path: [...path, 'title'], message: 'a title is required' });
        if (question.forChildren?.leaveOut && question.required)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'forChildren', 'leaveOut'],
            message: 'a required question cannot be left out of the children’s version',
          });
        seen.add(question.id);
      }),
    );
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

function conditionQuestions(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}

/** Every question of a definition in order. */
export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}
