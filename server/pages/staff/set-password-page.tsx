/** `/set-password`: choose a password from an invitation or reset link, GOV.UK-style errors, the password never echoed. */
import type { FieldError } from '../../errors';
import { ErrorSummary, TextField } from './fields';
import { StaffShell } from './staff-shell';

export interface SetPasswordPageProps {
  token: string;
  account: { email: string; name: string; purpose: 'invitation' | 'reset' };
  errors: FieldError[];
}

export function SetPasswordPage({ token, account, errors }: SetPasswordPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const first = account.purpose === 'invitation';
  const title = first ? 'Choose your password' : 'Choose a new password';
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}${title}`}>
      <div class="narrow">
        <ErrorSummary errors={errors} />
        <h1>{title}</h1>
        <p>
          {first ? 'Welcome to hubvoice, ' : ''}
          {first ? account.name : `For ${account.name}`}. You will sign in as <strong>{account.email}</strong>.
        </p>
        <form method="post" action="/set-password" novalidate>
          <input type="hidden" name="token" value={token} />
          {/* A username field lets password managers save the new password against the right account (WCAG 3.3.8). */}
          <input type="hidden" name="username" autocomplete="username" value={account.email} />
          <TextField
            name="password"
            label="New password"
            hint="At least 12 characters. A few unrelated words make a strong one you can remember."
            type="password"
            autocomplete="new-password"
            error={errorOf('password')}
          />
          <TextField name="confirm" label="Type the new password again" type="password" autocomplete="new-password" error={errorOf('confirm')} />
          <button class="btn inline" type="submit">
            Save password
          </button>
        </form>
      </div>
    </StaffShell>
  );
}
