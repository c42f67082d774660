/**
 * Keying in paper forms: choose the site and the date written on the paper, then type each form in
 * with the keyboard (Tab between questions, arrows between options, Enter saves); after each save
 * a blank form comes back with the same site and date.
 */
import type { PublicForm } from '../../../survey/public-form';
import type { Answers } from '../../../survey/skip-logic';
import type { AnswerError } from '../../../survey/validate-answers';
import { SurveyForm } from '../../../widget/components/survey-form';
import type { FieldError } from '../../errors';
import { ErrorSummary, Select, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface PaperStartProps {
  user: StaffUser;
  sites: { code: string; name: string }[];
  errors: FieldError[];
  values: { code?: string; date?: string };
}

export function PaperStartPage({ user, sites, errors, values }: PaperStartProps) {
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Key in paper forms`} user={user} current="paper">
      <ErrorSummary errors={errors} />
      <h1>Key in paper forms</h1>
      <p>Type in feedback families gave on paper. Each form is saved as the site’s response on the date written on it, with your name as who keyed it.</p>
      <form method="get" action="/paper" class="narrow" novalidate>
        <Select
          name="code"
          label="Site"
          value={values.code}
          error={errors.find((e) => e.field === 'code')}
          options={sites.map((s) => ({ value: s.code, label: s.name }))}
        />
        <TextField name="date" type="date" label="Date on the paper" value={values.date} error={errors.find((e) => e.field === 'date')} />
        <button type="submit" class="btn inline">
          Start keying in
        </button>
      </form>
    </StaffShell>
  );
}

export interface PaperEntryProps {
  user: StaffUser;
  site: { code: string; name: string };
  date: string;
  form: PublicForm;
  answers: Answers;
  errors: AnswerError[];
  idempotencyKey: string;
  saved: number;
}

export function PaperEntryPage({ user, site, date, form, answers, errors, idempotencyKey, saved }: PaperEntryProps) {
  const shown = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Paper form – ${site.name}`} user={user}>
      {saved > 0 && (
        <div class="ok-banner" role="status">
          <h2>
            Saved {saved} {saved === 1 ? 'form' : 'forms'}. Next form:
          </h2>
        </div>
      )}
      <p>
        Keying in for <strong>{site.name}</strong>, paper dated <strong>{shown}</strong>.{' '}
        <a href={`/paper?code=${encodeURIComponent(site.code)}&date=${date}`}>Change</a>
      </p>
      <p class="hint">Tab moves between questions, arrow keys choose an option, and Enter saves this form and opens a blank one.</p>
      <SurveyForm
        form={form}
        answers={answers}
        errors={errors}
        action={`/paper/${encodeURIComponent(site.code)}?date=${date}&saved=${saved}`}
        idempotencyKey={idempotencyKey}
        caption={`Paper form · ${site.name}`}
        submitLabel="Save and key in the next"
      />
    </StaffShell>
  );
}
