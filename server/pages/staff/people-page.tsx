/**
 * `/people`: everyone the admin manages, with their roles, state and last sign-in, and a form to
 * invite someone (an email with a link to choose a password; without SMTP it waits in the outbox).
 */
import type { Role, ScopeType } from '../../../db/schema';
import type { FieldError } from '../../errors';
import { ErrorSummary, Select, TextField } from './fields';
import { dateTime, timeAgo } from './format';
import { placeName, placeOptions, ROLE_LABELS, type Places } from './people-labels';
import { StaffShell, type StaffUser } from './staff-shell';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  passwordState: 'set' | 'invited' | 'reset';
  lastSignInAt: Date | null;
  roles: { id: string; role: Role; scopeType: ScopeType; scopeId: string | null }[];
}

export interface InviteForm {
  name: string;
  email: string;
  role: string;
  place: string;
}

export interface PeoplePageProps {
  user: StaffUser;
  people: PersonRow[];
  places: Places;
  /** Roles this admin may give (a safeguarding lead only where it may appoint one). */
  roles: Role[];
  form: InviteForm;
  errors: FieldError[];
  /** Set after an invitation went: to whom, and whether it is in the outbox rather than sent. */
  invited?: { email: string; outbox: boolean } | undefined;
  now: Date;
}

export function personState(person: Pick<PersonRow, 'disabled' | 'passwordState'>): { label: string; tag: string } {
  if (person.disabled) return { label: 'Disabled', tag: 'tag-grey' };
  if (person.passwordState === 'invited') return { label: 'Invited', tag: 'tag-blue' };
  if (person.passwordState === 'reset') return { label: 'Password reset', tag: 'tag-yellow' };
  return { label: 'Active', tag: 'tag-green' };
}

export function PlaceSelect({ places, value, error }: { places: Places; value: string; error?: FieldError | undefined }) {
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <label class="lbl" for="place">
        Where
      </label>
      <p class="hint" id="place-hint">
        The role reaches only this far: a provider’s sites, or one site.
      </p>
      {error && (
        <p class="err" id="place-error">
          <span class="vh">Error: </span>
          {error.message}
        </p>
      )}
      <select class={error ? 'input input-err' : 'input'} id="place" name="place" aria-describedby={`place-hint${error ? ' place-error' : ''}`}>
        <option value="" selected={value === ''}>
          Choose where
        </option>
        {placeOptions(places).map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value} selected={option.value === value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export const roleOptions = (roles: Role[]) => [
  { value: '', label: 'Choose a role' },
  ...roles.map((role) => ({ value: role, label: `${ROLE_LABELS[role].name}: ${ROLE_LABELS[role].hint}` })),
];

export function PeoplePage({ user, people, places, roles, form, errors, invited, now }: PeoplePageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}People`} user={user} current="people">
      <ErrorSummary errors={errors} />
      {invited && !errors.length && (
        <div class="ok-banner" role="status">
          <h2>Invitation sent to {invited.email}</h2>
          {invited.outbox && (
            <p>
              No mail server is set up, so it is waiting in the <a href="/outbox">outbox</a>: copy the link from there to the person.
            </p>
          )}
        </div>
      )}
      <h1>People</h1>
      <p>Everyone who can sign in to your hubvoice, what each may do and where, and when they last signed in.</p>
      {/* biome-ignore lint/a11y/useSemanticElements: a scrollable region must take focus (axe scrollable-region-focusable) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (axe scrollable-region-focusable) */}
      <div class="scroll" role="region" aria-label="People" tabIndex={0}>
        <table class="tbl stack">
          <caption class="vh">People, their roles and last sign-in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">State</th>
              <th scope="col">Last signed in</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => {
              const state = personState(person);
              return (
                <tr key={person.id}>
                  <th scope="row">
                    <a href={`/people/${encodeURIComponent(person.id)}`}>{person.name}</a>
                    <br />
                    <span class="meta">{person.email}</span>
                  </th>
                  <td data-label="Roles">
                    {person.roles.length === 0 ? (
                      <span class="muted-text">No roles</span>
                    ) : (
                      <ul class="plain">
                        {person.roles.map((r) => (
                          <li key={r.id}>
                            {ROLE_LABELS[r.role].name}, {placeName(places, r.scopeType, r.scopeId)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label="State">
                    <strong class={`tag ${state.tag}`}>{state.label}</strong>
                  </td>
                  <td data-label="Last signed in">
                    {person.lastSignInAt ? <span title={dateTime(person.lastSignInAt)}>{timeAgo(person.lastSignInAt, now)}</span> : 'Never'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 id="invite">Invite someone</h2>
      <p>They get an email with a link to choose their password. The link works once, for 7 days.</p>
      <form method="post" action="/people" novalidate class="narrow">
        <TextField name="name" label="Full name" autocomplete="off" value={form.name} error={errorOf('name')} />
        <TextField name="email" label="Email address" type="email" autocomplete="off" spellcheck={false} value={form.email} error={errorOf('email')} />
        <Select
          name="role"
          label="Role"
          hint={
            roles.includes('safeguarding_lead') ? undefined : 'Appointing a safeguarding lead needs the platform administrator or another safeguarding lead.'
          }
          options={roleOptions(roles)}
          value={form.role}
          error={errorOf('role')}
        />
        <PlaceSelect places={places} value={form.place} error={errorOf('place')} />
        <button class="btn inline" type="submit">
          Send invitation
        </button>
      </form>
    </StaffShell>
  );
}
