import { describe, expect, it } from 'vitest';
import { allQuestions, SurveyDefinition } from './survey-schema';

const en = (text: string) => ({ en: text });
const valid = () => ({
  title: en('Feedback'),
  pages: [
    {
      id: 'one',
      questions: [
        { id: 'fft', type: 'fft', required: true },
        { id: 'why', type: 'longtext', title: en('Why?'), showIf: { question: 'fft', in: ['poor'] } },
      ],
    },
    { id: 'two', questions: [{ id: 'who', type: 'equality', field: 'relationship', title: en('Are you…') }] },
  ],
});
/** The paths of the issues zod finds, as the API reports them. */
const paths = (input: unknown) => {
  const result = SurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('SurveyDefinition', () => {
  it('accepts a valid definition and fills in defaults', () => {
    const parsed = SurveyDefinition.parse(valid());
    expect(allQuestions(parsed).map((q) => [q.id, q.required])).toEqual([
      ['fft', true],
      ['why', false],
      ['who', false],
    ]);
    expect(allQuestions(parsed)[1]).toMatchObject({ type: 'longtext', maxLength: 2000 });
  });

  it.each<{ name: string; change: (d: any) => void; path: string }>([
    { name: 'no pages', change: (d) => (d.pages = []), path: 'pages' },
    { name: 'a page with no questions', change: (d) => (d.pages[1].questions = []), path: 'pages.1.questions' },
    { name: 'a title without English', change: (d) => (d.title = { pl: 'Opinia' }), path: 'title.en' },
    { name: 'an unknown question type', change: (d) => (d.pages[0].questions[1].type = 'slider'), path: 'pages.0.questions.1.type' },
    { name: 'a bad question id', change: (d) => (d.pages[0].questions[1].id = 'Why Not'), path: 'pages.0.questions.1.id' },
    {
      name: 'a single choice with one option',
      change: (d) => d.pages[1].questions.push({ id: 'pick', type: 'single', title: en('Pick'), options: [{ value: 'a', label: en('A') }] }),
      path: 'pages.1.questions.1.options',
    },
    {
      name: 'an option without a label',
      change: (d) => d.pages[1].questions.push({ id: 'pick', type: 'multiple', title: en('Pick'), options: [{ value: 'a', label: en('A') }, { value: 'b' }] }),
      path: 'pages.1.questions.1.options.1.label',
    },
    {
      name: 'a rating style that does not exist',
      change: (d) => d.pages[1].questions.push({ id: 'r', type: 'rating', title: en('Rate'), style: 'hearts' }),
      path: 'pages.1.questions.1.style',
    },
    {
      name: 'a likert grid with no rows',
      change: (d) =>
        d.pages[1].questions.push({
          id: 'l',
          type: 'likert',
          title: en('Agree?'),
          rows: [],
          scale: [
            { value: 'a', label: en('A') },
            { value: 'b', label: en('B') },
          ],
        }),
      path: 'pages.1.questions.1.rows',
    },
    { name: 'an unknown equality field', change: (d) => (d.pages[1].questions[0].field = 'religion'), path: 'pages.1.questions.0.field' },
    {
      name: 'text longer than the limit allows',
      change: (d) => d.pages[1].questions.push({ id: 't', type: 'text', title: en('Word'), maxLength: 501 }),
      path: 'pages.1.questions.1.maxLength',
    },
    { name: 'a duplicate question id', change: (d) => (d.pages[1].questions[0].id = 'fft'), path: 'pages.1.questions.0.id' },
    { name: 'a question without a title', change: (d) => delete d.pages[0].questions[1].title, path: 'pages.0.questions.1.title' },
    {
      name: 'skip logic on a later question',
      change: (d) => (d.pages[0].questions[1].showIf = { question: 'who', in: ['mum'] }),
      path: 'pages.0.questions.1.showIf',
    },
    { name: 'skip logic on itself', change: (d) => (d.pages[0].questions[1].showIf = { question: 'why', answered: true }), path: 'pages.0.questions.1.showIf' },
    {
      name: 'skip logic on a question that does not exist, inside any',
      change: (d) =>
        (d.pages[1].questions[0].showIf = {
          any: [
            { question: 'fft', in: ['poor'] },
            { question: 'nope', in: ['x'] },
          ],
        }),
      path: 'pages.1.questions.0.showIf',
    },
    { name: 'a malformed condition', change: (d) => (d.pages[0].questions[1].showIf = { question: 'fft', is: 'poor' }), path: 'pages.0.questions.1.showIf' },
  ])('refuses $name with the path of the bad field ($path)', ({ change, path }) => {
    const definition = valid();
    change(definition);
    expect(paths(definition)).toContain(path);
  });
});
