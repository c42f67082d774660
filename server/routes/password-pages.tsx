/**
 * The browser side of set-password links: `GET|POST /set-password` (from an invitation or reset
 * email) and `GET|POST /sign-in/help` (the sign-in page's "Forgotten your password?"). Plain forms
 * with POST and redirect; they call server/services/passwords.ts, as the JSON API does.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import type { FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { PasswordHelpPage } from '../pages/staff/password-help-page';
import { SetPasswordPage } from '../pages/staff/set-password-page';
import { StaffMessagePage } from '../pages/staff/staff-message-page';
import { formField, sameOriginForms, staffCompress, staffPageHeaders } from './staff-common';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function passwordPageRoutes(deps: AppDeps) {
  const { passwords } = deps.services;

  const unusable = (c: Context<AppEnv>) =>
    c.html(
      renderDocument(
        <StaffMessagePage
          title="This link no longer works"
          paragraphs={[
            'Set-password links work once, and only for a while: an invitation for 7 days, a reset for 24 hours. This one has been used, has expired, or was replaced by a newer one.',
            'Ask your hubvoice administrator to send a new invitation, or get a new link yourself if you have set a password before.',
          ]}
          links={[
            { href: '/sign-in/help', text: 'Get a new link' },
            { href: '/sign-in', text: 'Sign in' },
          ]}
        />,
      ),
      410,
    );

  return (
    new Hono<AppEnv>()
      .use('/set-password', staffPageHeaders, staffCompress)
      .use('/sign-in/help', staffPageHeaders, staffCompress)
      // The link's token is in the address: never send it on to another site in a Referer.
      .use('/set-password', async (c, next) => {
        await next();
        c.header('Referrer-Policy', 'no-referrer');
      })
      .get('/set-password', async (c) => {
        const token = c.req.query('token') ?? '';
        const account = token ? await passwords.describe(token) : null;
        if (!account) return unusable(c);
        return c.html(renderDocument(<SetPasswordPage token={token} account={account} errors={[]} />));
      })
      .post('/set-password', sameOriginForms(deps), async (c) => {
        const body = await c.req.parseBody();
        const token = formField(body, 'token');
        const password = formField(body, 'password');
        const confirm = formField(body, 'confirm');
        const account = token ? await passwords.describe(token) : null;
        if (!account) return unusable(c);
        const errors: FieldError[] = [];
        if (!password) errors.push({ field: 'password', message: 'Enter a new password' });
        else if (password.length < 12) errors.push({ field: 'password', message: 'Password must be 12 characters or more' });
        else if (password.length > 200) errors.push({ field: 'password', message: 'Password must be 200 characters or fewer' });
        else if (confirm !== password) errors.push({ field: 'confirm', message: 'The two passwords do not match: type the same one twice' });
        if (errors.length) return c.html(renderDocument(<SetPasswordPage token={token} account={account} errors={errors} />), 422);
        const done = await passwords.setPassword({ token, password });
        if (!done) return unusable(c);
        return c.redirect(`/sign-in?passwordSet=1&email=${encodeURIComponent(done.email)}`, 303);
      })
      .get('/sign-in/help', (c) => c.html(renderDocument(<PasswordHelpPage email="" errors={[]} />)))
      .post('/sign-in/help', sameOriginForms(deps), async (c) => {
        const email = formField(await c.req.parseBody(), 'email').trim();
        const error = !email
          ? 'Enter your email address'
          : !EMAIL.test(email) || email.length > 254
            ? 'Enter an email address in the correct format, like name@example.org'
            : null;
        if (error) return c.html(renderDocument(<PasswordHelpPage email={email} errors={[{ field: 'email', message: error }]} />), 422);
        await passwords.requestReset(email);
        return c.html(renderDocument(<PasswordHelpPage email={email} errors={[]} sent />));
      })
  );
}
