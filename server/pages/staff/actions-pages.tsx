/**
 * "You said, we did" for staff: `/actions` (every action, drafts first), and one form for writing
 * and changing an action with its six languages side by side, its themes, its date and the sites
 * or service points where families see it. Plain forms: no script needed.
 */
import type { FieldError } from '../../errors';
import type { ActionView } from '../../services/actions';
import { LANGUAGES } from '../../../survey/translate';
import { ErrorSummary, TextField } from './fields';
import { date } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

const ACTIONS_CSS = `
.langs-grid{margin:0 0 2rem}
.lang-row{border-top:1px solid #b1b4b6;padding:1rem 0 0}
.lang-row h3{font-size:1.15rem;margin:0 0 .5rem}
@media (min-width:48em){.lang-row .pair{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem}}
.checks{list-style:none;margin:0;padding:0}
.checks li{margin:0 0 .5rem}
.checks ul{list-style:none;margin:.5rem 0 0;padding-inline-start:2rem}
@media (min-width:48em){.checks.cols{columns:2;column-gap:2rem}.checks.cols li{break-inside:avoid}}
.check{display:flex;align-items:center;gap:.6rem;min-height:44px}
.check input{width:24px;height:24px;margin:0;accent-color:#0b0c0c;flex:none}
.action-card .status{margin:0 0 .5rem}
.action-card p{margin:.25rem 0}
.row-btns{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1.5rem 0}
.row-btns form{margin:0}
.btn-secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px #929191}
`;

const LABEL: Record<string, string> = { en: 'English', pl: 'Polish', ro: 'Romanian', zh: 'Chinese (Simplified)', pt: 'Portuguese', ar: 'Arabic' };

export interface ActionChoices {
  sites: { code: string; name: string; servicePoints: { code: string; name: string }[] }[];
  themes: { id: string; name: string }[];
}

/** What the form shows: the action as typed (strings keyed by field name). */
export interface ActionFormValues {
  youSaid: Record<string, string>;
  weDid: Record<string, string>;
  themes: string[];
  changedOn: string;
  places: string[];
}

export const EMPTY_ACTION: ActionFormValues = { youSaid: {}, weDid: {}, themes: [], changedOn: '', places: [] };

function StatusTag({ status }: { status: ActionView['status'] }) {
  return status === 'published' ? <strong class="tag tag-green">Published</strong> : <strong class="tag tag-grey">Draft</strong>;
}

export function ActionsListPage({ user, actions, notice }: { user: StaffUser; actions: ActionView[]; notice?: string | undefined }) {
  const drafts = actions.filter((a) => a.status === 'draft');
  const live = actions.filter((a) => a.status === 'published');
  const card = (action: ActionView) => (
    <li class="card action-card" key={action.id}>
      <p class="status">
        <StatusTag status={action.status} />
        {action.publishedAt ? `since ${date(new Date(action.publishedAt))}` : `written ${date(new Date(action.createdAt))}`}
      </p>
      <h3>
        <a href={`/actions/${encodeURIComponent(action.id)}`}>
          You said: {action.youSaid.en}
          <span class="vh"> (change)</span>
        </a>
      </h3>
      <p>We did: {action.weDid.en}</p>
      <p class="meta">
        {action.places.map((p) => p.name).join(', ')} · {LANGUAGES.filter((l) => action.youSaid[l.code] && action.weDid[l.code]).length} of {LANGUAGES.length}{' '}
        languages
      </p>
    </li>
  );
  return (
    <StaffShell title="You said, we did" user={user} current="actions" extraCss={ACTIONS_CSS}>
      <h1>You said, we did</h1>
      <p>
        Tell families what changed because of what they said. Published actions appear on the thank-you page, the posters and the public page of the sites and
        services you choose, in the family’s language.
      </p>
      {notice && (
        <div class="ok-banner" role="status">
          <h2>{notice}</h2>
        </div>
      )}
      <p>
        <a class="btn inline" href="/actions/new">
          Write an action
        </a>
      </p>
      <h2>Drafts ({drafts.length})</h2>
      {drafts.length ? <ul class="cards">{drafts.map(card)}</ul> : <p>No drafts.</p>}
      <h2>Published ({live.length})</h2>
      {live.length ? <ul class="cards">{live.map(card)}</ul> : <p>Nothing published yet.</p>}
    </StaffShell>
  );
}

export interface ActionFormPageProps {
  user: StaffUser;
  choices: ActionChoices;
  values: ActionFormValues;
  errors: FieldError[];
  /** Absent while writing a new one. */
  action?: ActionView | undefined;
  notice?: string | undefined;
}

export function ActionFormPage({ user, choices, values, errors, action, notice }: ActionFormPageProps) {
  const title = action ? 'Change an action' : 'Write an action';
  const errorOf = (field: string) => errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  const placesError = errorOf('places');
  return (
    <StaffShell title={errors.length ? `Error: ${title}` : title} user={user} current="actions" extraCss={ACTIONS_CSS}>
      <p>
        <a href="/actions">Back to You said, we did</a>
      </p>
      <ErrorSummary errors={errors} />
      {notice && (
        <div class="ok-banner" role="status">
          <h2>{notice}</h2>
        </div>
      )}
      <h1>{title}</h1>
      {action && (
        <p>
          <StatusTag status={action.status} />
          {action.status === 'published'
            ? `Families can see this since ${date(new Date(action.publishedAt!))}.`
            : 'Families cannot see this until you publish it.'}
        </p>
      )}
      <form method="post" action={action ? `/actions/${encodeURIComponent(action.id)}` : '/actions'} novalidate>
        <h2>What families said and what changed</h2>
        <p class="hint">English is needed; families reading another language see English where it has no translation.</p>
        <div class="langs-grid">
          {LANGUAGES.map((language) => (
            <section class="lang-row" key={language.code} aria-labelledby={`lang-${language.code}`}>
              <h3 id={`lang-${language.code}`}>
                {LABEL[language.code]}
                {language.code !== 'en' && (
                  <>
                    {' '}
                    <span lang={language.code} dir={language.dir}>
                      ({language.name})
                    </span>
                  </>
                )}
              </h3>
              <div class="pair">
                <TextBox
                  name={`youSaid.${language.code}`}
                  label={`You said (${LABEL[language.code]})`}
                  value={values.youSaid[language.code]}
                  lang={language.code}
                  dir={language.dir}
                  error={errorOf(`youSaid.${language.code}`)}
                />
                <TextBox
                  name={`weDid.${language.code}`}
                  label={`We did (${LABEL[language.code]})`}
                  value={values.weDid[language.code]}
                  lang={language.code}
                  dir={language.dir}
                  error={errorOf(`weDid.${language.code}`)}
                />
              </div>
            </section>
          ))}
        </div>
        <TextField
          name="changedOn"
          label="When it changed (or will)"
          hint="For example, 2026-11-01"
          type="date"
          value={values.changedOn}
          error={errorOf('changedOn')}
        />
        <div class={placesError ? 'fg fg-err' : 'fg'}>
          <fieldset aria-describedby={placesError ? 'places-error' : 'places-hint'}>
            <legend>Where families see it</legend>
            <p class="hint" id="places-hint">
              A whole site shows it on every form there; a service shows it on that service's form only.
            </p>
            {placesError && (
              <p class="err" id="places-error">
                <span class="vh">Error: </span>
                {placesError.message}
              </p>
            )}
            <ul class="checks">
              {choices.sites.map((site, i) => (
                <li key={site.code}>
                  <Check
                    id={i === 0 ? 'places' : `places-${site.code}`}
                    name="places"
                    value={site.code}
                    label={`${site.name} (whole site)`}
                    checked={values.places.includes(site.code)}
                  />
                  {site.servicePoints.length > 0 && (
                    <ul>
                      {site.servicePoints.map((point) => (
                        <li key={point.code}>
                          <Check id={`places-${point.code}`} name="places" value={point.code} label={point.name} checked={values.places.includes(point.code)} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
        <div class="fg">
          <fieldset aria-describedby="themes-hint">
            <legend>Themes it answers</legend>
            <p class="hint" id="themes-hint">
              Optional. Reports list actions under these themes.
            </p>
            <ul class="checks cols">
              {choices.themes.map((theme, i) => (
                <li key={theme.id}>
                  <Check
                    id={i === 0 ? 'themes' : `themes-${theme.id}`}
                    name="themes"
                    value={theme.id}
                    label={theme.name}
                    checked={values.themes.includes(theme.id)}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
        <button class="btn inline" type="submit">
          {action ? 'Save changes' : 'Save as draft'}
        </button>
      </form>
      {action && (
        <div class="row-btns">
          <form method="post" action={`/actions/${encodeURIComponent(action.id)}/${action.status === 'published' ? 'unpublish' : 'publish'}`}>
            <button class={action.status === 'published' ? 'btn inline btn-secondary' : 'btn inline'} type="submit">
              {action.status === 'published' ? 'Take back to draft' : 'Publish'}
            </button>
          </form>
        </div>
      )}
    </StaffShell>
  );
}

function TextBox(props: { name: string; label: string; value: string | undefined; lang: string; dir: 'ltr' | 'rtl'; error: FieldError | undefined }) {
  const { name, label, value, lang, dir, error } = props;
  return (
    <div class={error ? 'fg fg-err' : 'fg'}>
      <label class="lbl" for={name}>
        {label}
      </label>
      {error && (
        <p class="err" id={`${name}-error`}>
          <span class="vh">Error: </span>
          {error.message}
        </p>
      )}
      <textarea
        class={error ? 'input input-err' : 'input'}
        id={name}
        name={name}
        rows={3}
        lang={lang}
        dir={dir}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

function Check({ id, name, value, label, checked }: { id: string; name: string; value: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}
