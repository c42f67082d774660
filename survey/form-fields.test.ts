import { describe, expect, it } from 'vitest';
import { answersFromFields, readFieldShapes, writeFieldShapes } from './form-fields';
import type { PublicQuestion } from './public-form';

const q = (id: string, type: PublicQuestion['type'], extra: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id,
  type,
  page: 'p',
  title: id,
  required: false,
  ...extra,
});
const questions = [
  q('fft', 'fft'),
  q('good', 'longtext'),
  q('help', 'multiple'),
  q('feel', 'likert', {
    rows: [
      { value: 'staff', label: 'Staff' },
      { value: 'room', label: 'Room' },
    ],
  }),
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

describe('writeFieldShapes and readFieldShapes', () => {
  it('carry what answersFromFields needs of each question through one attribute-safe line', () => {
    const line = writeFieldShapes(questions);
    expect(line).toBe('fft:fft good:longtext help:multiple feel:likert:staff,room');
    expect(line).toMatch(/^[a-z0-9_:, -]+$/);
    const shapes = readFieldShapes(line);
    expect(shapes).toEqual([
      { id: 'fft', type: 'fft' },
      { id: 'good', type: 'longtext' },
      { id: 'help', type: 'multiple' },
      { id: 'feel', type: 'likert', rows: [{ value: 'staff' }, { value: 'room' }] },
    ]);
    const fields = { fft: 'good', help: ['money', 'housing'], 'feel.room': 'agree', _key: 'abc' };
    expect(answersFromFields(shapes, fields)).toEqual(answersFromFields(questions, fields));
  });

  it.each([
    { line: '', out: [] },
    { line: 'feel:likert:', out: [{ id: 'feel', type: 'likert', rows: [] }] },
  ])('reads $line as $out', ({ line, out }) => {
    expect(readFieldShapes(line)).toEqual(out);
  });
});
