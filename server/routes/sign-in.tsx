/**
 * `GET|POST /sign-in` and `POST /sign-out` for staff. Signing in goes through startSession, the
 * same code as `POST /api/auth/login`, so both audit it and set the same cookie; afterwards the
 * browser goes to `next` only if it is a path on this site (safeNext).
 */
import { Hono } from 'hono';
import { LoginRequest } from './auth';
import { safeNext } from '../auth/safe-next';
import { endSession, startSession } from '../auth/session';
import type { AppDeps, AppEnv } from '../deps';
import type { FieldError } from '../errors';
import { principalForToken, principalOf } from '../middleware/require-user';
import { renderDocument } from '../pages/render';
import { SignInPage } from '../pages/staff/sign-in-page';
import { formField, homeFor, sameOriginForms, staffCompress, staffPageHeaders } from './staff-common';

// GOV.UK wording: say what to do, in the order the fields appear.
const MESSAGES = {
  emailMissing: 'Enter your email address',
  emailFormat: 'Enter an email address in the correct format, like name@example.org',
  passwordMissing: 'Enter your password',
  noMatch: 'The email address or password is not right. Check them and try again',
  throttled: (seconds: number) => `Too many wrong passwords for this account. Try again in ${Math.ceil(seconds / 60)} minutes`,
};

export function signInRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/sign-in', staffPageHeaders, staffCompress)
    .get('/sign-in', async (c) => {
      const next = safeNext(c.req.query('next'));
      const principal = await principalOf(deps, c);
      if (principal) return c.redirect(next ?? homeFor(principal), 303);
      const passwordSet = c.req.query('passwordSet') === '1';
      return c.html(
        renderDocument(
          <SignInPage
            email={passwordSet ? (c.req.query('email') ?? '') : ''}
            next={next}
            errors={[]}
            signedOut={c.req.query('signedOut') === '1'}
            passwordSet={passwordSet}
          />,
        ),
      );
    })
    .post('/sign-in', sameOriginForms(deps), async (c) => {
      const body = await c.req.parseBody();
      const email = formField(body, 'email').trim();
      const password = formField(body, 'password');
      const next = safeNext(formField(body, 'next'));
      const parsed = LoginRequest.safeParse({ email, password });
      const page = (errors: FieldError[], status: 401 | 422) => c.html(renderDocument(<SignInPage email={email} next={next} errors={errors} />), status);
      if (!parsed.success) {
        const errors: FieldError[] = [];
        if (!email) errors.push({ field: 'email', message: MESSAGES.emailMissing });
        else if (parsed.error.issues.some((i) => i.path[0] === 'email')) errors.push({ field: 'email', message: MESSAGES.emailFormat });
        if (!password) errors.push({ field: 'password', message: MESSAGES.passwordMissing });
        return page(errors, 422);
      }
      const session = await startSession(deps, c, parsed.data.email, parsed.data.password);
      if (!session.ok && session.reason === 'throttled') {
        c.header('Retry-After', String(session.retryAfterSeconds));
        return c.html(
          renderDocument(<SignInPage email={email} next={next} errors={[{ field: 'password', message: MESSAGES.throttled(session.retryAfterSeconds) }]} />),
          429,
        );
      }
      if (!session.ok) return page([{ field: 'email', message: MESSAGES.noMatch }], 401);
      const principal = await principalForToken(deps, session.token);
      return c.redirect(next ?? (principal ? homeFor(principal) : '/dashboard'), 303);
    })
    .post('/sign-out', sameOriginForms(deps), async (c) => {
      await endSession(deps, c);
      return c.redirect('/sign-in?signedOut=1', 303);
    });
}
