import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { createTranslator } from './translate';
import { resolveForm } from './public-form';
import { SurveyDefinition } from './survey-schema';
import { validateAnswers } from './validate-answers';

const title = (en: string) => ({ en });
const definition = SurveyDefinition.parse({
  title: title('Every question type'),
  pages: [
    {
      id: 'main',
      questions: [
        { id: 'fft', type: 'fft' },
        { id: 'rating', type: 'rating', title: title('Rate the room') },
        { id: 'nps', type: 'nps', title: title('Would you recommend us?') },
        {
          id: 'single',
          type: 'single',
          title: title('Which session?'),
          options: [
            { value: 'play', label: title('Play') },
            { value: 'feed', label: title('Feeding') },
          ],
        },
        {
          id: 'multiple',
          type: 'multiple',
          title: title('What helped?'),
          max: 2,
          options: ['staff', 'room', 'time'].map((value) => ({ value, label: title(value) })),
        },
        { id: 'yesno', type: 'yesno', title: title('Would you come again?') },
        {
          id: 'likert',
          type: 'likert',
          title: title('How much do you agree?'),
          rows: [
            { id: 'staff', label: title('Staff listened') },
            { id: 'safe', label: title('I felt safe') },
          ],
          scale: [
            { value: 'agree', label: title('Agree') },
            { value: 'disagree', label: title('Disagree') },
          ],
        },
        { id: 'short', type: 'text', title: title('One word'), maxLength: 10 },
        { id: 'long', type: 'longtext', title: title('Tell us more'), maxLength: 20 },
        { id: 'relationship', type: 'equality', field: 'relationship', title: title('Are you…') },
        { id: 'postcode', type: 'equality', field: 'postcodeDistrict', title: title('Postcode district') },
      ],
    },
  ],
});
const form = resolveForm({ id: 's', version: 1, definition }, 'en', createTranslator(catalogues, 'en'));
const polish = resolveForm({ id: 's', version: 1, definition }, 'pl', createTranslator(catalogues, 'pl'));
const t = createTranslator(catalogues, 'en');
const one = (id: string, required = false) => form.questions.filter((q) => q.id === id).map((q) => ({ ...q, required }));

describe('validateAnswers, per question type', () => {
  it.each([
    { id: 'fft', raw: 'poor', out: 'poor' },
    { id: 'fft', raw: 'awful', code: 'invalid_option' },
    { id: 'rating', raw: '4', out: 4 },
    { id: 'rating', raw: 5, out: 5 },
    { id: 'rating', raw: 0, code: 'out_of_range' },
    { id: 'rating', raw: '4.5', code: 'out_of_range' },
    { id: 'nps', raw: '0', out: 0 },
    { id: 'nps', raw: 10, out: 10 },
    { id: 'nps', raw: 11, code: 'out_of_range' },
    { id: 'single', raw: 'feed', out: 'feed' },
    { id: 'single', raw: ['feed'], code: 'invalid_option' },
    { id: 'multiple', raw: ['staff', 'time', 'staff'], out: ['staff', 'time'] },
    { id: 'multiple', raw: 'room', out: ['room'] },
    { id: 'multiple', raw: ['staff', 'room', 'time'], code: 'too_many' },
    { id: 'multiple', raw: ['staff', 'cake'], code: 'invalid_option' },
    { id: 'yesno', raw: 'yes', out: 'yes' },
    { id: 'yesno', raw: true, code: 'invalid_option' },
    { id: 'likert', raw: { staff: 'agree', safe: 'disagree' }, out: { staff: 'agree', safe: 'disagree' } },
    { id: 'likert', raw: { staff: 'agree', safe: '' }, out: { staff: 'agree' } },
    { id: 'likert', raw: { staff: 'maybe' }, code: 'invalid_option' },
    { id: 'likert', raw: { kitchen: 'agree' }, code: 'invalid_option' },
    { id: 'likert', raw: ['agree'], code: 'invalid_type' },
    { id: 'short', raw: '  Lovely ', out: 'Lovely' },
    { id: 'short', raw: 'far too many words', code: 'too_long' },
    { id: 'short', raw: 42, code: 'invalid_type' },
    { id: 'long', raw: 'Line one\r\nline two', out: 'Line one\nline two' },
    { id: 'long', raw: 'x'.repeat(21), code: 'too_long' },
    { id: 'relationship', raw: 'dad', out: 'dad' },
    { id: 'relationship', raw: 'prefer_not_to_say', out: 'prefer_not_to_say' },
    { id: 'relationship', raw: 'uncle', code: 'invalid_option' },
    { id: 'postcode', raw: ' pl4 ', out: 'PL4' },
    { id: 'postcode', raw: 'SW1A', out: 'SW1A' },
    { id: 'postcode', raw: 'prefer_not_to_say', out: 'prefer_not_to_say' },
    { id: 'postcode', raw: 'PL4 8A', code: 'invalid_postcode' },
  ])('$id: $raw gives $out $code', ({ id, raw, out, code }) => {
    const result = validateAnswers(one(id), { [id]: raw }, t);
    if (code) {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([[`answers.${id}`, code]]);
    } else {
      expect(result).toEqual({ ok: true, answers: { [id]: out }, notices: [] });
    }
  });

  it.each(form.questions.map((q) => q.id))('%s: empty is fine when optional and an error naming the question when required', (id) => {
    for (const empty of [undefined, '', [], null]) {
      expect(validateAnswers(one(id), { [id]: empty }, t)).toEqual({ ok: true, answers: {}, notices: [] });
      const required = validateAnswers(one(id, true), { [id]: empty }, t);
      expect(required.ok ? [] : required.errors.map((e) => e.code)).toEqual(['required']);
    }
  });

  it('requires every row of a required likert grid', () => {
    const result = validateAnswers(one('likert', true), { likert: { staff: 'agree' } }, t);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['required']);
  });

  it.each([
    { id: 'fft', raw: undefined, message: 'Select an answer for “Overall, how was your experience of our service?”' },
    { id: 'short', raw: undefined, message: 'Enter an answer for “One word”' },
    { id: 'short', raw: 'far too many words', message: '“One word” must be 10 characters or fewer' },
    { id: 'rating', raw: 9, message: 'Choose a number from 1 to 5 for “Rate the room”' },
    { id: 'multiple', raw: ['staff', 'room', 'time'], message: 'Select up to 2 answers for “What helped?”' },
    { id: 'postcode', raw: 'nowhere', message: 'Enter the first part of a postcode, like PL4, for “Postcode district”' },
  ])('explains $id = $raw in plain words', ({ id, raw, message }) => {
    const result = validateAnswers(one(id, true), { [id]: raw }, t);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([message]);
  });

  it('gives its messages in the respondent’s language', () => {
    const fft = polish.questions.filter((q) => q.id === 'fft').map((q) => ({ ...q, required: true }));
    const result = validateAnswers(fft, {}, createTranslator(catalogues, 'pl'));
    expect(result.ok ? '' : result.errors[0]?.message).toBe(createTranslator(catalogues, 'pl')('error.select', { title: fft[0]!.title }));
    expect(result.ok ? '' : result.errors[0]?.message).not.toContain('Select');
  });

  it('drops answers to questions the skip logic hides, and never requires them', () => {
    const questions = [{ ...one('fft', true)[0]! }, { ...one('long', true)[0]!, showIf: { question: 'fft', in: ['poor', 'veryPoor'] } }];
    expect(validateAnswers(questions, { fft: 'good', long: 'kept?' }, t)).toEqual({ ok: true, answers: { fft: 'good' }, notices: [] });
    const shown = validateAnswers(questions, { fft: 'poor' }, t);
    expect(shown.ok ? [] : shown.errors.map((e) => e.field)).toEqual(['answers.long']);
  });

  it('ignores answers to questions the form does not have', () => {
    expect(validateAnswers(one('fft'), { fft: 'good', other: 'x' }, t)).toEqual({ ok: true, answers: { fft: 'good' }, notices: [] });
  });
});
