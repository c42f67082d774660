/**
 * Staff pages for parent and carer panels: the list of panels, one panel (its waves and members),
 * and one wave (open, remind, close; response rates and paired change). Plain forms that work
 * without JavaScript; members appear by pseudonym, never by their contact details.
 */
import type { ComponentChildren } from 'preact';
import { wilson } from '../../../analysis/wilson';
import type { Panel, Wave } from '../../../db/panels';
import { PANEL_KINDS } from '../../../db/schema';
import { LIFE_STAGE_NAMES, LIFE_STAGES, type LifeStage } from '../../../survey/life-stage';
import { LANGUAGES } from '../../../survey/translate';
import type { FieldError } from '../../errors';
import type { PanelMemberView, WaveReport } from '../../services/panels';
import { BarChart } from '../charts/bar-chart';
import { ChartFigure } from '../charts/chart-figure';
import { ErrorSummary, Select, TextArea, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export const PANEL_KIND_NAMES: Record<(typeof PANEL_KINDS)[number], string> = {
  start_for_life: 'Start for Life parent and carer panel',
  maternity_voices: 'Maternity Voices Partnership',
  parent_carer_forum: 'Parent Carer Forum (SEND)',
  other: 'Other panel',
};

const day = (d: Date | string) => new Date(d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const stageName = (stage: string) => LIFE_STAGE_NAMES[stage as LifeStage] ?? (stage === 'none' ? 'No stage recorded' : stage);
const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

/** A table that scrolls sideways on a phone: the region takes focus so keyboard users can scroll it. */
function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrollable region must take focus (axe scrollable-region-focusable)
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (axe scrollable-region-focusable)
    <div class="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="ok-banner" role="status" tabIndex={-1}>
      <h2>{text}</h2>
    </div>
  );
}

export interface PanelsPageProps {
  user: StaffUser;
  panels: Panel[];
  sites: { code: string; name: string }[];
  manages: boolean;
  errors: FieldError[];
  values: Record<string, string>;
}

export function PanelsPage({ user, panels, sites, manages, errors, values }: PanelsPageProps) {
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Panels`} user={user} current="panels">
      <ErrorSummary errors={errors} />
      <h1>Panels</h1>
      <p>Parents and carers who have agreed to be asked again and again: the Start for Life panel, Maternity Voices, the Parent Carer Forum.</p>
      {panels.length ? (
        <Scroll label="Panels">
          <table class="tbl">
            <caption>Your panels</caption>
            <thead>
              <tr>
                <th scope="col">Panel</th>
                <th scope="col">Kind</th>
                <th scope="col">Answers counted under</th>
                <th scope="col" class="num">
                  Members
                </th>
              </tr>
            </thead>
            <tbody>
              {panels.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={`/panels/${p.id}`}>{p.name}</a>
                  </th>
                  <td>{PANEL_KIND_NAMES[p.kind]}</td>
                  <td>{p.siteName}</td>
                  <td class="num">{p.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : (
        <p class="note">There are no panels yet.</p>
      )}
      {manages && (
        <form method="post" action="/panels" class="narrow" novalidate>
          <h2>Start a panel</h2>
          <TextField name="name" label="Name" value={values.name} error={errorFor(errors, 'name')} />
          <Select
            name="kind"
            label="Kind of panel"
            value={values.kind}
            error={errorFor(errors, 'kind')}
            options={PANEL_KINDS.map((k) => ({ value: k, label: PANEL_KIND_NAMES[k] }))}
          />
          <Select
            name="siteCode"
            label="Count answers under"
            hint="The site whose reports include the panel’s answers."
            value={values.siteCode}
            error={errorFor(errors, 'siteCode')}
            options={sites.map((s) => ({ value: s.code, label: s.name }))}
          />
          <button type="submit" class="btn inline">
            Start the panel
          </button>
        </form>
      )}
    </StaffShell>
  );
}

export interface PanelPageProps {
  user: StaffUser;
  panel: Panel;
  waves: Wave[];
  /** Null for someone who reads reports only: they see no members. */
  members: PanelMemberView[] | null;
  surveys: { id: string; name: string }[];
  errors: FieldError[];
  values: Record<string, string>;
  /** Which form the errors belong to. */
  form?: 'member' | 'import' | 'wave' | undefined;
  notice?: string | undefined;
}

export function PanelPage({ user, panel, waves, members, surveys, errors, values, form, notice }: PanelPageProps) {
  const manages = members !== null;
  const errs = (which: PanelPageProps['form']) => (form === which ? errors : []);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}${panel.name}`} user={user} current="panels">
      <ErrorSummary errors={errors} />
      <Notice text={notice} />
      <p>
        <a href="/panels">All panels</a>
      </p>
      <h1>{panel.name}</h1>
      <dl class="sl">
        <div>
          <dt>Kind</dt>
          <dd>{PANEL_KIND_NAMES[panel.kind]}</dd>
        </div>
        <div>
          <dt>Answers counted under</dt>
          <dd>{panel.siteName}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{panel.members} receiving messages</dd>
        </div>
      </dl>

      <h2>Waves</h2>
      {waves.length ? (
        <Scroll label="Waves">
          <table class="tbl">
            <thead>
              <tr>
                <th scope="col">Wave</th>
                <th scope="col">Survey</th>
                <th scope="col">Open</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {waves.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <a href={`/waves/${w.id}`}>{w.name}</a>
                  </th>
                  <td>{w.surveyName}</td>
                  <td>
                    {day(w.opensAt)} to {day(w.closesAt)}
                  </td>
                  <td>
                    <span class={`tag ${w.status === 'open' ? 'tag-green' : w.status === 'draft' ? 'tag-grey' : 'tag-blue'}`}>{w.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : (
        <p class="note">No waves yet.</p>
      )}

      {manages && (
        <form method="post" action={`/panels/${panel.id}/waves`} class="narrow" novalidate>
          <h3>Plan a wave</h3>
          <TextField
            name="waveName"
            label="Wave name"
            hint="For example: Spring 2027"
            value={form === 'wave' ? values.waveName : ''}
            error={errorFor(errs('wave'), 'waveName')}
          />
          <Select
            name="surveyId"
            label="Survey"
            value={values.surveyId}
            error={errorFor(errs('wave'), 'surveyId')}
            options={surveys.map((s) => ({ value: s.id, label: s.name }))}
          />
          <div class="fg">
            <fieldset aria-describedby="stages-hint">
              <legend>Ask only members at these life stages</legend>
              <p class="hint" id="stages-hint">
                Leave all unticked to ask everyone. Stages are worked out on the day the wave opens.
              </p>
              <div class="checks">
                {LIFE_STAGES.map((stage) => (
                  <div class="opt" key={stage}>
                    <input type="checkbox" id={`stage-${stage}`} name="stages" value={stage} />
                    <label for={`stage-${stage}`}>{LIFE_STAGE_NAMES[stage]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <TextField name="opensAt" type="date" label="Opens" value={form === 'wave' ? values.opensAt : ''} error={errorFor(errs('wave'), 'opensAt')} />
          <TextField name="closesAt" type="date" label="Closes" value={form === 'wave' ? values.closesAt : ''} error={errorFor(errs('wave'), 'closesAt')} />
          <TextField
            name="reminderLimit"
            label="Reminders at most"
            hint="Only members who have not answered are reminded."
            value={form === 'wave' ? values.reminderLimit : '2'}
            error={errorFor(errs('wave'), 'reminderLimit')}
          />
          <TextField
            name="reminderGapDays"
            label="Days between messages, at least"
            value={form === 'wave' ? values.reminderGapDays : '7'}
            error={errorFor(errs('wave'), 'reminderGapDays')}
          />
          <button type="submit" class="btn inline">
            Plan the wave
          </button>
        </form>
      )}

      {members && (
        <>
          <h2>Members</h2>
          <p>
            Members are shown by their pseudonym. Their contact details are sealed and used only to send their links; export one member to see everything held
            about them.
          </p>
          {members.length ? (
            <Scroll label="Members">
              <table class="tbl">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Life stages today</th>
                    <th scope="col">Contact</th>
                    <th scope="col">Consent</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        {m.pseudonym}
                        {m.withdrawnAt && (
                          <>
                            {' '}
                            <span class="tag tag-grey">withdrawn</span>
                          </>
                        )}
                      </th>
                      <td>{m.stages.length ? m.stages.map(stageName).join(', ') : 'None'}</td>
                      <td>{[m.hasEmail && 'Email', m.hasPhone && 'Mobile'].filter(Boolean).join(', ')}</td>
                      <td>
                        {m.consentVersion}, {day(m.consentedAt)}
                      </td>
                      <td>
                        <a href={`/panel-members/${m.id}/export`}>
                          Export<span class="vh"> {m.pseudonym}</span>
                        </a>
                        {!m.withdrawnAt && (
                          <form method="post" action={`/panel-members/${m.id}/withdraw`}>
                            <button type="submit" class="linkbtn dark">
                              Withdraw<span class="vh"> {m.pseudonym}</span>
                            </button>
                          </form>
                        )}
                        <form method="post" action={`/panel-members/${m.id}/erase`}>
                          <button type="submit" class="linkbtn dark">
                            Erase<span class="vh"> {m.pseudonym}</span>
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          ) : (
            <p class="note">No members yet.</p>
          )}
          <div class="grid2">
            <form method="post" action={`/panels/${panel.id}/members`} novalidate>
              <h3>Add a member</h3>
              <TextField name="memberName" label="Name (optional)" value={form === 'member' ? values.memberName : ''} autocomplete="off" />
              <TextField
                name="email"
                type="email"
                label="Email"
                value={form === 'member' ? values.email : ''}
                error={errorFor(errs('member'), 'email')}
                autocomplete="off"
              />
              <TextField
                name="mobile"
                label="UK mobile"
                value={form === 'member' ? values.mobile : ''}
                error={errorFor(errs('member'), 'mobile')}
                autocomplete="off"
              />
              <Select
                name="language"
                label="Language for messages"
                value={values.language}
                options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
              />
              <TextArea
                name="children"
                label="Children (optional)"
                hint="One per line or separated by ;. Birth month as YYYY-MM, or “due YYYY-MM”; add “send” for special educational needs and disabilities. Never a full date."
                rows={3}
                value={form === 'member' ? values.children : ''}
                error={errorFor(errs('member'), 'children')}
              />
              <TextField
                name="consentVersion"
                label="Consent wording version they agreed to"
                value={form === 'member' ? values.consentVersion : ''}
                error={errorFor(errs('member'), 'consentVersion')}
              />
              <button type="submit" class="btn inline">
                Add the member
              </button>
            </form>
            <form method="post" action={`/panels/${panel.id}/import`} enctype="multipart/form-data" novalidate>
              <h3>Import members from CSV</h3>
              <p class="hint" id="file-hint">
                Columns: name, email, mobile, language, children, consented_at. Every row must be right: if any is not, nothing is added and each bad row is
                named.
              </p>
              <div class={errorFor(errs('import'), 'file') ? 'fg fg-err' : 'fg'}>
                <label class="lbl" for="file">
                  CSV file
                </label>
                <input class="input" type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
              </div>
              <TextField
                name="importConsentVersion"
                label="Consent wording version they all agreed to"
                value={form === 'import' ? values.importConsentVersion : ''}
                error={errorFor(errs('import'), 'importConsentVersion')}
              />
              <button type="submit" class="btn inline">
                Import
              </button>
            </form>
          </div>
        </>
      )}
    </StaffShell>
  );
}

export interface WavePageProps {
  user: StaffUser;
  panel: Panel;
  wave: Wave;
  report: WaveReport;
  manages: boolean;
  notice?: string | undefined;
}

export function WavePage({ user, panel, wave, report, manages, notice }: WavePageProps) {
  const bars = report.byStage.map((s) => {
    const interval = s.suppressed || !s.invited ? null : wilson(s.answered!, s.invited);
    return {
      key: s.stage,
      label: stageName(s.stage),
      value: s.rate,
      interval,
      caption: s.suppressed ? 'Hidden: fewer than 5' : `${percent(s.rate)} (${s.answered} of ${s.invited})`,
    };
  });
  const change = report.change;
  return (
    <StaffShell title={`${wave.name} – ${panel.name}`} user={user} current="panels">
      <Notice text={notice} />
      <p>
        <a href={`/panels/${panel.id}`}>{panel.name}</a>
      </p>
      <h1>{wave.name}</h1>
      <dl class="sl">
        <div>
          <dt>Survey</dt>
          <dd>{wave.surveyName}</dd>
        </div>
        <div>
          <dt>Asks</dt>
          <dd>{wave.stages?.length ? wave.stages.map(stageName).join(', ') : 'Every member'}</dd>
        </div>
        <div>
          <dt>Open</dt>
          <dd>
            {day(wave.opensAt)} to {day(wave.closesAt)}
          </dd>
        </div>
        <div>
          <dt>Reminders</dt>
          <dd>
            At most {wave.reminderLimit}, at least {wave.reminderGapDays} days apart, to members who have not answered
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{wave.status}</dd>
        </div>
      </dl>
      {manages && wave.status !== 'closed' && (
        <div class="actions">
          {wave.status === 'draft' && (
            <form method="post" action={`/waves/${wave.id}/open`}>
              <button type="submit" class="btn inline">
                Open and send the links
              </button>
            </form>
          )}
          {wave.status === 'open' && (
            <>
              <form method="post" action={`/waves/${wave.id}/remind`}>
                <button type="submit" class="btn inline">
                  Send reminders
                </button>
              </form>
              <form method="post" action={`/waves/${wave.id}/close`}>
                <button type="submit" class="btn inline secondary">
                  Close the wave
                </button>
              </form>
            </>
          )}
        </div>
      )}

      <h2>Responses</h2>
      <ul class="kpis">
        <li class="kpi">
          <span class="kpi-k">Invited</span>
          <span class="kpi-v">{report.invited}</span>
        </li>
        <li class="kpi">
          <span class="kpi-k">Answered</span>
          <span class="kpi-v">{report.suppressed ? '–' : report.answered}</span>
          {report.suppressed && <span class="kpi-s">Hidden: fewer than 5</span>}
        </li>
        <li class="kpi">
          <span class="kpi-k">Response rate</span>
          <span class="kpi-v">{percent(report.rate)}</span>
        </li>
      </ul>
      {bars.length > 0 && (
        <ChartFigure
          id="by-stage"
          title="Response rate by life stage"
          note="Bars show the share of invited members who answered; the black line is the 95% interval. A member at two stages counts in both."
          table={
            <table class="tbl">
              <thead>
                <tr>
                  <th scope="col">Life stage</th>
                  <th scope="col" class="num">
                    Invited
                  </th>
                  <th scope="col" class="num">
                    Answered
                  </th>
                  <th scope="col" class="num">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.byStage.map((s) => (
                  <tr key={s.stage}>
                    <th scope="row">{stageName(s.stage)}</th>
                    <td class="num">{s.suppressed ? 'hidden' : s.invited}</td>
                    <td class="num">{s.suppressed ? 'hidden' : s.answered}</td>
                    <td class="num">{percent(s.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BarChart label="Response rate by life stage, bar chart" bars={bars} />
        </ChartFigure>
      )}

      <h2>Change since the last wave</h2>
      {!change && <p class="note">This is the panel’s first wave: there is nothing to compare with yet.</p>}
      {change && !change.shown && (
        <p class="note">
          Only {change.pairs} {change.pairs === 1 ? 'member' : 'members'} answered both {change.previousWaveName} and this wave. Change is shown from 10 members
          who answered both.
        </p>
      )}
      {change?.shown && (
        <>
          <p>
            For the {change.pairs} members who answered both {change.previousWaveName} and this wave.
          </p>
          <Scroll label="Change for the same members">
            <table class="tbl">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col" class="num">
                    {change.previousWaveName}
                  </th>
                  <th scope="col" class="num">
                    This wave
                  </th>
                  <th scope="col" class="num">
                    Change (95% interval)
                  </th>
                  <th scope="col">Test</th>
                </tr>
              </thead>
              <tbody>
                {change.positive && (
                  <tr>
                    <th scope="row">% positive ({change.positive.pairs} pairs)</th>
                    <td class="num">{percent(change.positive.before)}</td>
                    <td class="num">{percent(change.positive.after)}</td>
                    <td class="num">
                      {signedPoints(change.positive.change)} ({signedPoints(change.positive.low)} to {signedPoints(change.positive.high)})
                    </td>
                    <td>
                      McNemar, p = {change.positive.p.toFixed(3)}
                      {change.positive.p < 0.05 ? ': more than chance' : ': could be chance'}
                    </td>
                  </tr>
                )}
                {change.rating && (
                  <tr>
                    <th scope="row">Mean rating ({change.rating.pairs} pairs)</th>
                    <td class="num">{change.rating.meanBefore.toFixed(2)}</td>
                    <td class="num">{change.rating.meanAfter.toFixed(2)}</td>
                    <td class="num">
                      {signed(change.rating.change)} ({signed(change.rating.low)} to {signed(change.rating.high)})
                    </td>
                    <td>
                      Paired t interval
                      {change.rating.low > 0 || change.rating.high < 0 ? ': more than chance' : ': could be chance'}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
    </StaffShell>
  );
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
const signedPoints = (share: number) => `${share > 0 ? '+' : share < 0 ? '−' : ''}${Math.abs(Math.round(share * 100))} pts`;
