/**
 * Answers from an HTML form post. The form's field names are the question ids; a multiple-choice
 * question repeats its name once per ticked box, and a likert grid names each row `question.row`.
 * Pure, so the server (urlencoded POST), the embeddable widget and the kiosk's page script
 * (FormData) read a form the same way.
 */
import type { PublicOption, PublicQuestion } from './public-form';
import type { Answers } from './skip-logic';

export type FormFields = Record<string, unknown>;

/** Field names the form posts besides the question ids (which cannot start with `_`). */
export const KEY_FIELD = '_key';
export const HONEYPOT_FIELD = '_website';

/** What reading a question's fields needs to know of it: a page script gets only this much. */
export type FieldShape = Pick<PublicQuestion, 'id' | 'type'> & { rows?: Pick<PublicOption, 'value'>[] | undefined };

/**
 * A form's question shapes as one line for a page script's `data-` attribute. Question and likert
 * row ids are lower-case letters, digits, `-` and `_` (survey-schema.ts), so the separators cannot
 * occur in them, and the line needs no escaping (JSON, its quotes escaped, is several times longer in HTML).
 * @example writeFieldShapes([{ id: 'fft', type: 'fft' }, { id: 'feel', type: 'likert', rows: [{ value: 'staff' }] }]) // 'fft:fft feel:likert:staff'
 */
export function writeFieldShapes(questions: FieldShape[]): string {
  return questions.map(({ id, type, rows }) => [id, type, ...(type === 'likert' ? [(rows ?? []).map((row) => row.value).join(',')] : [])].join(':')).join(' ');
}

/** @example readFieldShapes('fft:fft feel:likert:staff') // [{ id: 'fft', type: 'fft' }, { id: 'feel', type: 'likert', rows: [{ value: 'staff' }] }] */
export function readFieldShapes(line: string): FieldShape[] {
  return line
    .split(' ')
    .filter(Boolean)
    .map((shape) => {
      const [id, type, rows] = shape.split(':') as [string, FieldShape['type'], string | undefined];
      return rows === undefined
        ? { id, type }
        : {
            id,
            type,
            rows: rows
              .split(',')
              .filter(Boolean)
              .map((value) => ({ value })),
          };
    });
}

/** @example answersFromFields(questions, { fft: 'good', 'feel.staff': 'agree' }) // { fft: 'good', feel: { staff: 'agree' } } */
export function answersFromFields(questions: FieldShape[], fields: FormFields): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    if (question.type === 'likert') {
      const rows: Record<string, string> = {};
      for (const row of question.rows ?? []) {
        const value = first(fields[`${question.id}.${row.value}`]);
        if (value !== undefined && value !== '') rows[row.value] = value;
      }
      if (Object.keys(rows).length) answers[question.id] = rows;
      continue;
    }
    const raw = fields[question.id];
    if (raw === undefined) continue;
    if (question.type === 'multiple') {
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (values.length) answers[question.id] = values;
      continue;
    }
    const value = first(raw);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

function first(raw: unknown): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : undefined;
}
