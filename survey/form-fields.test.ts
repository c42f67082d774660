import { describe, expect, it } from 'vitest';
import { answersFromFields } from './form-fields';
import type { PublicQuestion } from './public-form';

const q = (id: string, type: PublicQuestion['type'], extra: Partial<PublicQuestion> = {}): PublicQuestion => ({ id, type, page: 'p', title: id, required: false, ...extra });
const questions = [
  q('fft', 'fft'), q('good', 'longtext'), q('help', 'multiple'),
  q('feel', 'likert', { rows: [{ value: 'staff', label: 'Staff' }, { value: 'room', label: 'Room' }] }),
];

describe('answersFromFields', () => {
  it.each([
    { fields: { fft: 'good', good: 'Kind staff' }, out: { fft: 'good', good: 'Kind staff' } },
    { fields: { help: ['money', 'housing'] }, out: { help: ['money', 'housing'] } },
    { fields: { help: 'money' }, out: { help: ['money'] } },
    { fields: { help: ['', 'money'] }, out: { help: ['money'] } },
    { fields: { 'feel.staff': 'agree', 'feel.room': '' }, out: { feel: { staff: 'agree' } } },
    { fields: { fft: ['good', 'poor'] }, out: { fft: 'good' } },
    { fields: { _key: 'abc', _website: '', stray: 'x' }, out: {} },
    { fields: { good: '' }, out: { good: '' } },
  ])('reads $fields as $out', ({ fields, out }) => {
    expect(answersFromFields(questions, fields)).toEqual(out);
  });
});
