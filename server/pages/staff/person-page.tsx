/**
 * `/people/{id}`: one person: their state and last sign-in, their roles (remove one, add one), a
 * new set-password link or a forced reset, and disabling the account. Each action is a plain form.
 */
import type { Role } from '../../../db/schema';
import type { FieldError } from '../../errors';
import { ErrorSummary, Select } from './fields';
import { dateTime } from './format';
import { placeName, ROLE_LABELS, type Places } from './people-labels';
import { personState, PlaceSelect, roleOptions, type PersonRow } from './people-page';
import { StaffShell, type StaffUser } from './staff-shell';

export interface PersonPageProps {
  user: StaffUser;
  person: PersonRow & { createdAt: Date };
  places: Places;
  roles: Role[];
  /** Whether this is the admin's own account (which it cannot disable). */
  self: boolean;
  form: { role: string; place: string };
  errors: FieldError[];
  /** What just happened, for the banner. */
  done?: string | undefined;
}

export function PersonPage({ user, person, places, roles, self, form, errors, done }: PersonPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const state = personState(person);
  const base = `/people/${encodeURIComponent(person.id)}`;
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}${person.name}`} user={user} current="people">
      <ErrorSummary errors={errors} />
      {done && !errors.length && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      <p class="caption">
        <a href="/people">People</a>
      </p>
      <h1>{person.name}</h1>
      <dl class="sl">
        <div>
          <dt>Email</dt>
          <dd>{person.email}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            <strong class={`tag ${state.tag}`}>{state.label}</strong>
            {person.passwordState === 'invited' && !person.disabled && ' has not chosen a password yet'}
          </dd>
        </div>
        <div>
          <dt>Last signed in</dt>
          <dd>{person.lastSignInAt ? dateTime(person.lastSignInAt) : 'Never'}</dd>
        </div>
        <div>
          <dt>Account made</dt>
          <dd>{dateTime(person.createdAt)}</dd>
        </div>
      </dl>

      <h2>Roles</h2>
      {person.roles.length === 0 ? (
        <p>No roles: this person can sign in but see nothing.</p>
      ) : (
        <ul class="cards">
          {person.roles.map((r) => (
            <li class="card role-card" key={r.id}>
              <p>
                <strong>{ROLE_LABELS[r.role].name}</strong>, {placeName(places, r.scopeType, r.scopeId)}
              </p>
              <form method="post" action={`${base}/roles/${encodeURIComponent(r.id)}/remove`}>
                <button class="linkbtn dark" type="submit">
                  Remove<span class="vh"> {ROLE_LABELS[r.role].name} role</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>Give another role</h3>
      <form method="post" action={`${base}/roles`} novalidate class="narrow">
        <Select name="role" label="Role" options={roleOptions(roles)} value={form.role} error={errorOf('role')} />
        <PlaceSelect places={places} value={form.place} error={errorOf('place')} />
        <button class="btn inline" type="submit">
          Give role
        </button>
      </form>

      {!person.disabled && (
        <>
          <h2>Password</h2>
          {person.passwordState === 'invited' ? (
            <form method="post" action={`${base}/password-link`}>
              <p>Lost the invitation, or it expired? Send a new one: the old link stops working.</p>
              <button id="password-link" class="btn inline secondary" type="submit">
                Send a new invitation
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/password-link`}>
              <input type="hidden" name="forgetPassword" value="true" />
              <p>
                Forgotten, or shared by mistake? Resetting stops the current password working and signs {person.name} out everywhere at once; they get an email
                with a link to choose a new one.
              </p>
              <button id="password-link" class="btn inline secondary" type="submit">
                Reset password
              </button>
            </form>
          )}
        </>
      )}

      {!self && (
        <>
          <h2>{person.disabled ? 'Enable this account' : 'Disable this account'}</h2>
          <form method="post" action={`${base}/${person.disabled ? 'enable' : 'disable'}`}>
            <p>
              {person.disabled
                ? 'They will be able to sign in again with their password, with the roles listed above.'
                : 'They are signed out at once and cannot sign in until the account is enabled again. Their roles and history are kept.'}
            </p>
            <button id="change-account" class={person.disabled ? 'btn inline secondary' : 'btn inline warning'} type="submit">
              {person.disabled ? 'Enable account' : 'Disable account'}
            </button>
          </form>
        </>
      )}
    </StaffShell>
  );
}
