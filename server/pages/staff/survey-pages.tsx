/**
 * The survey pages: `/admin/surveys` (every survey with its state: draft, live or closed) and
 * `/admin/surveys/{id}` (its questions, versions, state changes, and a preview in each language as a
 * family sees it). Plain forms throughout.
 */
import { LANGUAGES } from '../../../survey/translate';
import type { FieldError } from '../../errors';
import { ErrorSummary, ScrollRegion, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface SurveyRow {
  id: string;
  name: string;
  status: 'draft' | 'live' | 'closed';
  currentVersion: number | null;
}

const STATE: Record<SurveyRow['status'], { tag: string; text: string; meaning: string }> = {
  draft: { tag: 'tag-yellow', text: 'Draft', meaning: 'Not yet published: no site can use it and no family sees it.' },
  live: { tag: 'tag-green', text: 'Live', meaning: 'Published: families answer it wherever a site or service point uses it.' },
  closed: { tag: 'tag-grey', text: 'Closed', meaning: 'No longer answered. Its responses stay in every report.' },
};

export function StateTag({ status }: { status: SurveyRow['status'] }) {
  return <strong class={`tag ${STATE[status].tag}`}>{STATE[status].text}</strong>;
}

export function SurveysPage({ user, surveys, errors, name }: { user: StaffUser; surveys: SurveyRow[]; errors: FieldError[]; name?: string | undefined }) {
  return (
    <StaffShell title="Surveys" user={user} current="surveys">
      <h1>Surveys</h1>
      <ErrorSummary errors={errors} />
      {surveys.length ? (
        <ScrollRegion label="Surveys">
          <table class="tbl">
            <thead>
              <tr>
                <th scope="col">Survey</th>
                <th scope="col">State</th>
                <th scope="col" class="num">
                  Version
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <td>
                    <a href={`/admin/surveys/${survey.id}`}>{survey.name}</a>
                  </td>
                  <td>
                    <StateTag status={survey.status} />
                  </td>
                  <td class="num">{survey.currentVersion ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>No surveys yet.</p>
      )}
      <form method="post" action="/admin/surveys" class="narrow">
        <h2>Start a new survey</h2>
        <p class="hint">It starts as a draft copy of the Family Hub feedback survey, in all six languages, for you to change and publish.</p>
        <TextField name="surveyName" label="Survey name" value={name} error={errors.find((e) => e.field === 'surveyName')} />
        <button class="btn inline" type="submit">
          Create draft
        </button>
      </form>
    </StaffShell>
  );
}

export interface SurveyPageProps {
  user: StaffUser;
  survey: SurveyRow & {
    versions: { version: number; createdAt: Date | string }[];
    questions: { id: string; type: string; title: string; required: boolean; showIf: string | null; missing: string[]; leftOutForChildren: boolean }[];
    /** Unpublished changes, when there are some: the preview and questions show them. */
    draft: { revision: number; savedAt: Date | string | null } | null;
  };
  preview: string;
  /** The preview shows the children's version. */
  forChildren: boolean;
  /** The preview runs with JavaScript off. */
  scriptOff?: boolean;
  errors: FieldError[];
  done?: string | undefined;
}

export function SurveyPage({ user, survey, preview, forChildren, scriptOff = false, errors, done }: SurveyPageProps) {
  const state = STATE[survey.status];
  const missing = survey.questions.filter((q) => q.missing.length > 0);
  const previewHref = `/admin/surveys/${survey.id}/preview?lang=${preview}${forChildren ? '&for=child' : ''}`;
  return (
    <StaffShell title={survey.name} user={user} current="surveys">
      <p>
        <a href="/admin/surveys">All surveys</a>
      </p>
      <h1>{survey.name}</h1>
      <ErrorSummary errors={errors} />
      {done && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      <p>
        <StateTag status={survey.status} /> Version {survey.currentVersion ?? '–'}. {state.meaning}
      </p>
      {survey.draft && (
        <div class="warn-banner" role="note">
          <h2>Unpublished changes</h2>
          <p>
            Saved {survey.draft.savedAt ? new Date(survey.draft.savedAt).toISOString().slice(0, 16).replace('T', ' ') : ''} UTC. The preview and the questions
            below show them; {survey.status === 'draft' ? 'nobody answers this survey yet' : `families still answer version ${survey.currentVersion}`} until you
            publish.
          </p>
        </div>
      )}
      <form method="post" action={`/admin/surveys/${survey.id}/status`} class="actions-row">
        <input type="hidden" name="basedOn" value={String(survey.draft?.revision ?? 0)} />
        {(survey.status === 'draft' || (survey.status === 'live' && survey.draft)) && (
          <button class="btn inline" type="submit" name="to" value="publish">
            {survey.status === 'draft' ? 'Publish' : 'Publish changes'}
          </button>
        )}
        {survey.status === 'live' && !survey.draft && (
          <button class="btn inline warn" type="submit" name="to" value="closed">
            Close survey
          </button>
        )}
        {survey.status === 'closed' && (
          <button class="btn inline" type="submit" name="to" value="reopen">
            Reopen
          </button>
        )}
      </form>
      <p class="actions-row">
        <a class="btn inline secondary" href={`/admin/surveys/${survey.id}/edit`}>
          Edit questions and translations
        </a>
      </p>
      {survey.draft && (
        <form method="post" action={`/admin/surveys/${survey.id}/discard`}>
          <input type="hidden" name="basedOn" value={String(survey.draft.revision)} />
          <button class="btn inline secondary" type="submit">
            Throw away unpublished changes
          </button>
        </form>
      )}

      <h2 id="preview-h">Preview as a family sees it</h2>
      <form method="get" action={`/admin/surveys/${survey.id}`} class="filters">
        <div class="fg">
          <label class="lbl" for="lang">
            Language
          </label>
          <select class="input" id="lang" name="lang">
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} selected={language.code === preview}>
                {language.name}
              </option>
            ))}
          </select>
        </div>
        <div class="fg">
          <label class="lbl" for="for">
            Version
          </label>
          <select class="input" id="for" name="for">
            <option value="" selected={!forChildren}>
              For parents and carers
            </option>
            <option value="child" selected={forChildren}>
              For children and young people
            </option>
          </select>
        </div>
        <div class="fg">
          <label class="lbl" for="script">
            JavaScript
          </label>
          <select class="input" id="script" name="script">
            <option value="" selected={!scriptOff}>
              On
            </option>
            <option value="off" selected={scriptOff}>
              Off, as on a phone without it
            </option>
          </select>
        </div>
        <button class="btn" type="submit">
          Show
        </button>
      </form>
      <p>
        <a href={previewHref}>Open the preview on its own</a> (to try it at any width, or with JavaScript off).
      </p>
      <iframe
        class="preview"
        title={`Preview of ${survey.name} in ${LANGUAGES.find((l) => l.code === preview)?.name ?? preview}${forChildren ? ', children’s version' : ''}${scriptOff ? ', JavaScript off' : ''}`}
        src={previewHref}
        // Without `allow-scripts` the frame runs no script at all: the form exactly as a phone with JavaScript off shows it.
        sandbox={scriptOff ? 'allow-same-origin allow-forms' : undefined}
        width={390}
        height={720}
      />

      <h2>Questions</h2>
      {missing.length > 0 && (
        <div class="warn-banner" role="note">
          <h3>Translations missing</h3>
          <p>Families see English where a translation is missing: {missing.map((q) => `“${q.title}” (${q.missing.join(', ')})`).join('; ')}.</p>
        </div>
      )}
      <ol class="questions">
        {survey.questions.map((question) => (
          <li key={question.id}>
            <strong>{question.title}</strong>{' '}
            <span class="meta">
              ({question.type}
              {question.required ? ', required' : ', optional'})
            </span>
            {question.showIf && <p class="meta">Shown only if {question.showIf}</p>}
            {question.missing.length > 0 && <p class="meta">No {question.missing.join(', ')} translation</p>}
            {question.leftOutForChildren && <p class="meta">Not asked in the children’s version</p>}
          </li>
        ))}
      </ol>

      <h2>Versions</h2>
      <p class="hint">Publishing or editing makes a new version; a version never changes, and each response keeps the version it answered.</p>
      <ul>
        {survey.versions.map((version) => (
          <li key={version.version}>
            Version {version.version}, {new Date(version.createdAt).toISOString().slice(0, 10)}
          </li>
        ))}
      </ul>
    </StaffShell>
  );
}
