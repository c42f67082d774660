/** `/sign-in`: email and password, GOV.UK-style errors, the email kept and the password never echoed. */
import type { FieldError } from '../../errors';
import { ErrorSummary, TextField } from './fields';
import { StaffShell } from './staff-shell';

export interface SignInPageProps {
  email: string;
  next: string | null;
  errors: FieldError[];
  signedOut?: boolean;
  /** Just chose a password from a set-password link. */
  passwordSet?: boolean;
}

export function SignInPage({ email, next, errors, signedOut, passwordSet }: SignInPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Sign in`}>
      <div class="narrow">
        <ErrorSummary errors={errors} />
        {signedOut && !errors.length && (
          <div class="ok-banner" role="status">
            <h2>You have signed out</h2>
          </div>
        )}
        {passwordSet && !errors.length && (
          <div class="ok-banner" role="status">
            <h2>Your password is set: sign in with it</h2>
          </div>
        )}
        <h1>Sign in to hubvoice</h1>
        <p>For council, provider and safeguarding staff. Families do not need an account to give feedback.</p>
        <form method="post" action="/sign-in" novalidate>
          {next && <input type="hidden" name="next" value={next} />}
          <TextField name="email" label="Email address" type="email" autocomplete="email" spellcheck={false} value={email} error={errorOf('email')} />
          <TextField name="password" label="Password" type="password" autocomplete="current-password" error={errorOf('password')} />
          <button class="btn inline" type="submit">
            Sign in
          </button>
        </form>
        <p class="alt">
          <a href="/sign-in/help">Forgotten your password?</a>
        </p>
      </div>
    </StaffShell>
  );
}
