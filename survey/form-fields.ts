/**
 * Answers from an HTML form post. The form's field names are the question ids; a multiple-choice
 * question repeats its name once per ticked box, and a likert grid names each row `question.row`.
 * Pure, so the server (urlencoded POST) and the embeddable widget (FormData) read a form the same
 * way. (The kiosk script in server/pages/scripts.ts reads its fields itself.)
 */
import type { PublicQuestion } from './public-form';
import type { Answers } from './skip-logic';

export type FormFields = Record<string, unknown>;

/** @example answersFromFields(questions, { fft: 'good', 'feel.staff': 'agree' }) // { fft: 'good', feel: { staff: 'agree' } } */
export function answersFromFields(questions: PublicQuestion[], fields: FormFields): Answers {
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
