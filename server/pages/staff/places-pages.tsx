/**
 * The pages an admin runs a council's places from: `/admin/sites` (first-run setup, providers,
 * sites, CSV import) and `/admin/sites/{code}` (one site: its details, survey, service points,
 * form links, QR codes and posters). Plain forms throughout: all of it works without JavaScript.
 */
import type { PlaceOrganisation, PlaceSite } from '../../../db/places';
import { SITE_KINDS } from '../../../db/schema';
import { LANGUAGES } from '../../../survey/translate';
import type { FieldError } from '../../errors';
import type { ImportResult } from '../../services/places';
import { SITE_KIND_LABELS } from '../../services/places';
import { ErrorSummary, ScrollRegion, Select, TextArea, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

const errorFor = (errors: FieldError[], name: string) => errors.find((e) => e.field === name);
const kindOptions = SITE_KINDS.map((kind) => ({ value: kind, label: SITE_KIND_LABELS[kind] }));
const languageOptions = LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

/** Which step of setting up a council is next; null once it has a provider and a site. */
export function setupStep(organisations: PlaceOrganisation[]): 'organisation' | 'provider' | 'site' | null {
  const organisation = organisations[0];
  if (!organisation) return 'organisation';
  if (!organisation.providers.some((p) => !p.archived)) return 'provider';
  if (!organisation.sites.some((s) => !s.archived)) return 'site';
  return null;
}

function SetupSteps({ step }: { step: 'organisation' | 'provider' | 'site' }) {
  const steps = [
    { id: 'organisation', text: 'Name your organisation' },
    { id: 'provider', text: 'Add the providers that run your services' },
    { id: 'site', text: 'Add your Family Hubs, Children’s Centres and outreach venues, by hand or from a spreadsheet' },
  ] as const;
  const at = steps.findIndex((s) => s.id === step);
  return (
    <ol class="steps" aria-label="Setting up hubvoice">
      {steps.map((s, i) => (
        <li key={s.id} class={i < at ? 'done' : i === at ? 'now' : ''} aria-current={i === at ? 'step' : undefined}>
          <span class="tag tag-grey">{i < at ? 'Done' : i === at ? 'Next' : 'To do'}</span> {s.text}
        </li>
      ))}
    </ol>
  );
}

export interface SitesPageProps {
  user: StaffUser;
  organisations: PlaceOrganisation[];
  mayCreateOrganisation: boolean;
  errors: FieldError[];
  /** What was typed, echoed back beside the errors. */
  values: Record<string, string>;
  imported?: ImportResult | undefined;
  done?: string | undefined;
}

export function SitesPage({ user, organisations, mayCreateOrganisation, errors, values, imported, done }: SitesPageProps) {
  const step = setupStep(organisations);
  const organisation = organisations[0];
  const title = step ? 'Set up hubvoice' : 'Sites and QR codes';
  const sites = organisation?.sites ?? [];
  return (
    <StaffShell title={title} user={user} current="sites">
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      {done && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      {step && <SetupSteps step={step} />}
      {!organisation &&
        (mayCreateOrganisation ? (
          <form method="post" action="/admin/organisations" class="narrow">
            <h2>Your organisation</h2>
            <TextField
              name="orgName"
              label="Organisation name"
              hint="For example, Plymouth City Council"
              value={values.orgName}
              error={errorFor(errors, 'orgName')}
            />
            <TextField
              name="orgSlug"
              label="Short name"
              hint="Lower-case letters, digits and dashes, for example plymouth"
              value={values.orgSlug}
              error={errorFor(errors, 'orgSlug')}
              spellcheck={false}
            />
            <button class="btn inline" type="submit">
              Save and continue
            </button>
          </form>
        ) : (
          <p>No organisation is set up yet. Ask the person who runs this hubvoice to add yours.</p>
        ))}
      {organisation && (
        <>
          {organisations.length > 1 && (
            <p class="meta">
              Showing {organisation.name}. You manage {organisations.length} organisations.
            </p>
          )}
          <h2 id="providers">Providers</h2>
          {organisation.providers.length > 0 ? (
            <ScrollRegion label="Providers">
              <table class="tbl">
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col">Code</th>
                    <th scope="col">Sites</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {organisation.providers.map((provider) => (
                    <tr key={provider.id}>
                      <td>{provider.name}</td>
                      <td>{provider.code}</td>
                      <td class="num">{sites.filter((s) => s.providerId === provider.id && !s.archived).length}</td>
                      <td>{provider.archived ? <span class="tag tag-grey">Archived</span> : <span class="tag tag-green">Current</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <p>No providers yet. A provider runs one or more sites: the council itself, or an organisation it commissions.</p>
          )}
          <form method="post" action="/admin/providers" class="narrow">
            <input type="hidden" name="organisationId" value={organisation.id} />
            <h3>Add a provider</h3>
            <TextField name="providerName" label="Provider name" value={values.providerName} error={errorFor(errors, 'providerName')} />
            <TextField
              name="providerCode"
              label="Provider code"
              hint="Lower-case letters, digits and dashes"
              value={values.providerCode}
              error={errorFor(errors, 'providerCode')}
              spellcheck={false}
            />
            <button class="btn inline" type="submit">
              Add provider
            </button>
          </form>

          <h2 id="sites">Sites</h2>
          {sites.length > 0 ? <SitesTable sites={sites} organisation={organisation} /> : <p>No sites yet.</p>}
          {organisation.providers.some((p) => !p.archived) && (
            <div class="grid2">
              <form method="post" action="/admin/sites" class="narrow">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <h3>Add a site</h3>
                <TextField name="siteName" label="Site name" value={values.siteName} error={errorFor(errors, 'siteName')} />
                <TextField
                  name="siteCode"
                  label="Form code"
                  hint="On the poster after /f/: lower-case letters, digits and dashes, for example north-hub"
                  value={values.siteCode}
                  error={errorFor(errors, 'siteCode')}
                  spellcheck={false}
                />
                <Select
                  name="siteProvider"
                  label="Provider"
                  options={organisation.providers.filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.name }))}
                  value={values.siteProvider}
                  error={errorFor(errors, 'siteProvider')}
                />
                <Select name="siteKind" label="Kind of site" options={kindOptions} value={values.siteKind} error={errorFor(errors, 'siteKind')} />
                <TextField name="siteLocality" label="Locality" value={values.siteLocality} error={errorFor(errors, 'siteLocality')} />
                <TextField name="siteWard" label="Ward (optional)" value={values.siteWard} error={errorFor(errors, 'siteWard')} />
                <Select
                  name="siteLanguage"
                  label="Language a form opens in"
                  options={languageOptions}
                  value={values.siteLanguage}
                  error={errorFor(errors, 'siteLanguage')}
                />
                <button class="btn inline" type="submit">
                  Add site
                </button>
              </form>
              <form method="post" action="/admin/sites/import" enctype="multipart/form-data" class="narrow">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <h3>Import sites from a spreadsheet</h3>
                <p class="hint">
                  Save it as CSV with a header row: provider_code, provider_name, site_code, site_name, kind, locality, ward, language, service_point_code,
                  service_point_name. One row per service point; a site without service points needs one row. Rows with a problem are listed and the rest are
                  imported.
                </p>
                <div class={errorFor(errors, 'csvFile') ? 'fg fg-err' : 'fg'}>
                  <label class="lbl" for="csvFile">
                    CSV file
                  </label>
                  <input class="input" type="file" id="csvFile" name="csvFile" accept=".csv,text/csv" />
                </div>
                <TextArea name="csvText" label="Or paste the CSV here" rows={4} value={values.csvText} error={errorFor(errors, 'csvText')} />
                <button class="btn inline" type="submit">
                  Import
                </button>
              </form>
            </div>
          )}
          {imported && <ImportReport result={imported} />}
        </>
      )}
    </StaffShell>
  );
}

function SitesTable({ sites, organisation }: { sites: PlaceSite[]; organisation: PlaceOrganisation }) {
  const providerName = (id: string) => organisation.providers.find((p) => p.id === id)?.name ?? '';
  return (
    <ScrollRegion label="Sites">
      <table class="tbl">
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Kind</th>
            <th scope="col">Locality</th>
            <th scope="col">Provider</th>
            <th scope="col">Service points</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id}>
              <td>
                <a href={`/admin/sites/${site.code}`}>{site.name}</a>
                <br />
                <span class="meta">/f/{site.code}</span>
              </td>
              <td>{SITE_KIND_LABELS[site.kind]}</td>
              <td>
                {site.locality}
                {site.ward ? `, ${site.ward}` : ''}
              </td>
              <td>{providerName(site.providerId)}</td>
              <td class="num">{site.servicePoints.filter((p) => !p.archived).length}</td>
              <td>{site.archived ? <span class="tag tag-grey">Archived</span> : <span class="tag tag-green">Open</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">Import result</h2>
      <p>
        Imported {result.sites} {result.sites === 1 ? 'site' : 'sites'}, {result.servicePoints} service {result.servicePoints === 1 ? 'point' : 'points'} and{' '}
        {result.providers} new {result.providers === 1 ? 'provider' : 'providers'}.
      </p>
      {result.problems.length > 0 && (
        <>
          <p>
            <strong>
              {result.problems.length} {result.problems.length === 1 ? 'row was' : 'rows were'} not imported.
            </strong>{' '}
            Correct {result.problems.length === 1 ? 'it' : 'them'} in the spreadsheet and import just {result.problems.length === 1 ? 'that row' : 'those rows'}{' '}
            again.
          </p>
          <ul class="import-problems">
            {result.problems.map((problem) => (
              <li key={problem.row}>
                Row {problem.row}: {problem.messages.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface SitePageProps {
  user: StaffUser;
  site: PlaceSite & {
    organisation: { id: string; name: string; defaultSurveyId: string | null };
    providers: PlaceOrganisation['providers'];
    surveys: PlaceOrganisation['surveys'];
  };
  publicUrl: string;
  errors: FieldError[];
  values: Record<string, string>;
  done?: string | undefined;
}

export function SitePage({ user, site, publicUrl, errors, values, done }: SitePageProps) {
  const value = (name: string, fallback: string | null) => values[name] ?? fallback ?? '';
  const defaultSurvey = site.surveys.find((s) => s.id === site.organisation.defaultSurveyId);
  const surveyOptions = [
    { value: '', label: defaultSurvey ? `The organisation’s default (${defaultSurvey.name})` : 'The organisation’s default' },
    ...site.surveys.map((s) => ({ value: s.id, label: s.status === 'live' ? s.name : `${s.name} (${s.status})` })),
  ];
  const places = [
    { code: site.code, name: site.name, archived: site.archived },
    ...site.servicePoints.map((p) => ({ code: p.code, name: p.name, archived: p.archived })),
  ];
  return (
    <StaffShell title={site.name} user={user} current="sites">
      <p>
        <a href="/admin/sites">All sites</a>
      </p>
      <h1>
        {site.name} {site.archived && <span class="tag tag-grey">Archived</span>}
      </h1>
      <ErrorSummary errors={errors} />
      {done && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      <h2 id="qr">Forms, QR codes and posters</h2>
      <p>
        <a class="btn inline" href={`/sites/${site.code}/posters`}>
          Print every poster for this site
        </a>
      </p>
      <ul class="cards">
        {places.map((place) => (
          <li class="card qr-card" key={place.code}>
            <h3>
              {place.name} {place.archived && <span class="tag tag-grey">Archived</span>}
            </h3>
            {!place.archived && <img class="qr" src={`/f/${place.code}/qr.svg`} alt={`QR code for the ${place.name} form`} width={120} height={120} />}
            <p>
              Form: <a href={`/f/${place.code}`}>{`${publicUrl}/f/${place.code}`}</a>
            </p>
            <p>
              QR code: <a href={`/f/${place.code}/qr.svg`}>SVG</a> · <a href={`/f/${place.code}/qr.png`}>PNG</a>
            </p>
            <p>
              Poster in:{' '}
              {LANGUAGES.map((language, i) => (
                <span key={language.code}>
                  {i > 0 && ' · '}
                  <a href={`/f/${place.code}/poster?lang=${language.code}`} lang={language.code} dir={language.dir}>
                    {language.name}
                  </a>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>

      <h2 id="survey-h">Survey</h2>
      <form method="post" action={`/admin/sites/${site.code}/survey`} class="narrow">
        <Select
          name="surveyId"
          label="Which survey families answer here"
          hint="Only a live survey can be chosen: publish a draft first."
          options={surveyOptions}
          value={value('surveyId', site.surveyId)}
          error={errorFor(errors, 'surveyId')}
        />
        <button class="btn inline" type="submit">
          Use this survey
        </button>
      </form>

      <h2>Service points</h2>
      <p class="hint">A room, clinic or group inside the site. Each has its own QR code, so you can tell its feedback apart.</p>
      {site.servicePoints.length > 0 && (
        <ul class="points">
          {site.servicePoints.map((point) => (
            <li key={point.id}>
              <strong>{point.name}</strong> <span class="meta">/f/{point.code}</span> {point.archived && <span class="tag tag-grey">Archived</span>}
              <form method="post" action={`/admin/service-points/${point.code}/archive`} class="inline-form">
                <input type="hidden" name="archived" value={point.archived ? 'false' : 'true'} />
                <button class="linkbtn dark" type="submit">
                  {point.archived ? 'Restore' : 'Archive'} <span class="vh">{point.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {!site.archived && (
        <form method="post" action={`/admin/sites/${site.code}/service-points`} class="narrow">
          <h3>Add a service point</h3>
          <TextField
            name="pointName"
            label="Service point name"
            hint="For example, Baby clinic"
            value={values.pointName}
            error={errorFor(errors, 'pointName')}
          />
          <TextField
            name="pointCode"
            label="Form code"
            hint="For example, north-hub-baby"
            value={values.pointCode}
            error={errorFor(errors, 'pointCode')}
            spellcheck={false}
          />
          <button class="btn inline" type="submit">
            Add service point
          </button>
        </form>
      )}

      <h2>Details</h2>
      <form method="post" action={`/admin/sites/${site.code}`} class="narrow">
        <TextField name="siteName" label="Site name" value={value('siteName', site.name)} error={errorFor(errors, 'siteName')} />
        <Select
          name="siteProvider"
          label="Provider"
          options={site.providers.filter((p) => !p.archived || p.id === site.providerId).map((p) => ({ value: p.id, label: p.name }))}
          value={value('siteProvider', site.providerId)}
          error={errorFor(errors, 'siteProvider')}
        />
        <Select name="siteKind" label="Kind of site" options={kindOptions} value={value('siteKind', site.kind)} error={errorFor(errors, 'siteKind')} />
        <TextField name="siteLocality" label="Locality" value={value('siteLocality', site.locality)} error={errorFor(errors, 'siteLocality')} />
        <TextField name="siteWard" label="Ward (optional)" value={value('siteWard', site.ward)} error={errorFor(errors, 'siteWard')} />
        <Select
          name="siteLanguage"
          label="Language a form opens in"
          options={languageOptions}
          value={value('siteLanguage', site.defaultLanguage)}
          error={errorFor(errors, 'siteLanguage')}
        />
        <button class="btn inline" type="submit">
          Save details
        </button>
      </form>

      <h2>{site.archived ? 'Restore this site' : 'Archive this site'}</h2>
      <p>
        {site.archived
          ? 'Restoring opens its forms again.'
          : 'Archiving closes its forms and its service points’ forms. Its responses stay in every report. A site is archived rather than deleted once it has responses.'}
      </p>
      <form method="post" action={`/admin/sites/${site.code}/archive`}>
        <input type="hidden" name="archived" value={site.archived ? 'false' : 'true'} />
        <button class={site.archived ? 'btn inline' : 'btn inline warn'} type="submit">
          {site.archived ? 'Restore site' : 'Archive site'}
        </button>
      </form>
    </StaffShell>
  );
}
