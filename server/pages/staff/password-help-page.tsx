/** `/sign-in/help`: what to do about a forgotten password, with a form that emails a set-password link. */
import type { FieldError } from '../../errors';
import { ErrorSummary, TextField } from './fields';
import { StaffShell } from './staff-shell';

export interface PasswordHelpPageProps {
  email: string;
  errors: FieldError[];
  /** The form was sent: say what happens next, the same whether or not the address has an account. */
  sent?: boolean;
}

export function PasswordHelpPage({ email, errors, sent }: PasswordHelpPageProps) {
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}${sent ? 'Check your email' : 'Forgotten your password'}`}>
      <div class="narrow">
        <ErrorSummary errors={errors} />
        {sent ? (
          <>
            <h1>Check your email</h1>
            <p>
              If <strong>{email}</strong> has a hubvoice account, we have sent it a link to set a new password. The link works once, for 24 hours.
            </p>
            <p>Nothing arrived after a few minutes? Check your spam folder, then ask your hubvoice administrator.</p>
            <p>
              <a href="/sign-in">Back to sign in</a>
            </p>
          </>
        ) : (
          <>
            <h1>Forgotten your password</h1>
            <p>Enter the email address you sign in with and we will send you a link to choose a new password.</p>
            <form method="post" action="/sign-in/help" novalidate>
              <TextField name="email" label="Email address" type="email" autocomplete="email" spellcheck={false} value={email} error={errors[0]} />
              <button class="btn inline" type="submit">
                Send me a link
              </button>
            </form>
            <h2>Other ways back in</h2>
            <p>
              Your hubvoice administrator can send you a new link from the <strong>People</strong> page, or switch your account back on if it was disabled.
            </p>
            <p>
              If you run this hubvoice server and have lost the first administrator’s password, run{' '}
              <code>npm run -s hubvoice -- admin reset-password &lt;email&gt;</code> in hubvoice’s folder on the server: it prints a link to set a new one.
            </p>
          </>
        )}
      </div>
    </StaffShell>
  );
}
