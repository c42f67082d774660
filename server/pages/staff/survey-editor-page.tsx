/**
 * `/admin/surveys/{id}/edit`: the survey editor. The page carries the editor's data and script
 * (widget/editor, its own bundle); without JavaScript the same place holds a plain form with the
 * definition as JSON, so a council can still change a survey from any browser.
 */
import type { FieldError } from '../../errors';
import { ErrorSummary } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';
import { StateTag, type SurveyRow } from './survey-pages';

export interface SurveyEditorPageProps {
  user: StaffUser;
  survey: SurveyRow & { draftSavedAt: Date | string | null };
  /** What the editor reads (widget/editor/editor.tsx EditorData). */
  data: unknown;
  /** The definition as JSON for the no-script form: the typed text when it came back with errors. */
  json: string;
  basedOn: number;
  scriptSrc: string;
  errors: FieldError[];
}

/** JSON inside <script>: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function SurveyEditorPage({ user, survey, data, json, basedOn, scriptSrc, errors }: SurveyEditorPageProps) {
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Edit ${survey.name}`} user={user} current="surveys" extraCss={EDITOR_CSS}>
      <p>
        <a href={`/admin/surveys/${survey.id}`}>Back to {survey.name}</a>
      </p>
      <h1>Edit {survey.name}</h1>
      <p>
        <StateTag status={survey.status} />{' '}
        {survey.currentVersion && survey.status !== 'draft'
          ? `Families answer version ${survey.currentVersion} until you publish these changes.`
          : 'Nobody answers this survey until you publish it.'}{' '}
        Changes are saved as a draft; preview it on the survey’s page, then publish to make the next version.
      </p>
      <div id="survey-editor">
        <ErrorSummary errors={errors} />
        <form method="post" action={`/admin/surveys/${survey.id}/draft`} class="ed-json">
          <p>
            Without JavaScript the survey is edited as its definition in JSON (the format is in the <a href="/api/docs">API documentation</a>, under “Surveys”).
            With JavaScript on, this page shows the full editor.
          </p>
          <input type="hidden" name="basedOn" value={String(basedOn)} />
          <div class={errors.length ? 'fg fg-err' : 'fg'}>
            <label class="lbl" for="definition">
              The survey’s definition (JSON)
            </label>
            <textarea class="input" id="definition" name="definition" rows={24} spellcheck={false} dir="ltr">
              {json}
            </textarea>
          </div>
          <button class="btn inline" type="submit">
            Save draft
          </button>
        </form>
      </div>
      <script type="application/json" id="survey-editor-data" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
      <script src={scriptSrc} defer />
    </StaffShell>
  );
}

const EDITOR_CSS = `
.ed-bar{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #b1b4b6;padding:.6rem 0;margin:0 0 1.5rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.ed-bar .btn{margin:0}
.ed-status{margin:0;font-weight:700}
.ed-failed{color:#d4351c}
.ed-saved{color:#005a30}
.ed-texts,.ed-options,.ed-rule{border:0;padding:0;margin:0 0 1.5rem;min-width:0}
.ed-opt{font-weight:400}
.ed-langs{display:grid;grid-template-columns:1fr;gap:.5rem 1rem}
@media (min-width:40em){.ed-langs{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (min-width:64em){.ed-langs{grid-template-columns:repeat(3,minmax(0,1fr))}}
.ed-lang{min-width:0}
.ed-lang .input{width:100%;margin:0}
.ed-lang-name{display:flex;gap:.5rem;align-items:center;font-size:1rem;margin:0 0 .2rem}
.ed-missing .input{border-style:dashed}
.ed-tag{font-size:.85rem;padding:0 .35rem}
.ed-tr{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.ed-page{border-top:4px solid #1d70b8;padding-top:.5rem;margin:0 0 2.5rem}
.ed-page-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.ed-questions{padding-inline-start:1.5rem}
.ed-q{margin:0 0 1rem}
.ed-q details{border:1px solid #b1b4b6;border-inline-start:6px solid #1d70b8}
.ed-q-err details{border-inline-start-color:#d4351c}
.ed-q summary{cursor:pointer;padding:.6rem .8rem;min-height:44px}
.ed-q summary:focus{outline:3px solid #fd0}
.ed-q-title{font-weight:700}
.ed-q-meta{color:#505a5f;font-size:.95rem}
.ed-q-body{padding:.5rem .8rem 1rem;border-top:1px solid #b1b4b6}
.ed-q-tools{display:flex;flex-wrap:wrap;gap:.5rem;margin:.25rem 0 1rem}
.ed-btn{margin:0 .5rem .5rem 0;min-height:44px;padding:.4rem .9rem}
.ed-check{display:grid;grid-template-columns:auto 1fr;gap:.25rem .6rem;align-items:start;margin:0 0 1rem}
.ed-check input{width:1.5rem;height:1.5rem;margin:.1rem 0 0}
.ed-check .hint{grid-column:2;margin:0}
.ed-select{margin:0 0 1rem;min-width:0;max-width:100%}
.ed-select .input{width:auto;max-width:100%}
.ed-num{width:8rem}
.ed-options ol,.ed-tests{padding-inline-start:1.5rem}
.ed-tests>li{border-inline-start:4px solid #b1b4b6;padding-inline-start:.8rem;margin:0 0 1rem}
.ed-values{border:0;padding:0;margin:0 0 .5rem}
.ed-add{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:#f3f2f1;padding:.8rem}
.ed-add .ed-select{margin:0;flex:0 1 auto}
.ed-more{display:flex;flex-wrap:wrap;gap:.5rem}
.ed-json textarea{font-family:monospace;font-size:.95rem;width:100%}
`;
