/**
 * `/settings`: an organisation's settings in one form (safeguarding contacts, embedding sites,
 * retention, the follow-up wording, accent colour and logo), a test send for each webhook, and a
 * warning while PUBLIC_URL is a localhost address.
 */
import type { FieldError } from '../../errors';
import { ErrorSummary, TextArea, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface SettingsForm {
  contacts: { name: string; email: string; webhookUrl: string; webhookSecret?: string | undefined }[];
  allowedOrigins: string;
  retentionDays: string;
  followUpWording: string;
  accentColour: string;
  hasLogo: boolean;
}

export interface SettingsPageProps {
  user: StaffUser;
  organisation: { id: string; name: string };
  organisations: { id: string; name: string }[];
  form: SettingsForm;
  errors: FieldError[];
  publicUrl: string;
  publicUrlIsLocal: boolean;
  saved?: boolean;
  tested?: { url: string; ok: boolean; message: string } | undefined;
}

function Warning({ publicUrl }: { publicUrl: string }) {
  return (
    <section class="warn-banner" aria-labelledby="local-title">
      <h2 id="local-title">Phones cannot reach this address</h2>
      <p>
        hubvoice’s public address is <code>{publicUrl}</code>, which means “this computer”. QR codes, posters and links in emails point there, so a family’s
        phone cannot open them. Set <code>PUBLIC_URL</code> to the address people use to reach this server, like <code>https://feedback.example.gov.uk</code>,
        and restart it.
      </p>
    </section>
  );
}

export function SettingsPage({ user, organisation, organisations, form, errors, publicUrl, publicUrlIsLocal, saved, tested }: SettingsPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const webhooks = form.contacts.filter((c) => c.webhookUrl && c.webhookSecret);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Settings`} user={user} current="settings">
      <ErrorSummary errors={errors} />
      {saved && !errors.length && (
        <div class="ok-banner" role="status">
          <h2>Settings saved</h2>
        </div>
      )}
      {tested && (
        <div class={tested.ok ? 'ok-banner' : 'warn-banner'} role="status">
          <h2>{tested.ok ? 'The test webhook arrived' : 'The test webhook failed'}</h2>
          <p>
            {tested.url}: {tested.message}
          </p>
        </div>
      )}
      {publicUrlIsLocal && <Warning publicUrl={publicUrl} />}
      <h1>Settings for {organisation.name}</h1>
      <p>
        <a href="/privacy">Requests about someone’s own words</a> (a family asking for what they wrote, or for it to be erased).
      </p>
      {organisations.length > 1 && (
        <form method="get" action="/settings" class="filters">
          <div class="fg">
            <label class="lbl" for="organisation">
              Organisation
            </label>
            <select class="input" id="organisation" name="organisation">
              {organisations.map((o) => (
                <option key={o.id} value={o.id} selected={o.id === organisation.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button class="btn inline secondary" type="submit">
            Show
          </button>
        </form>
      )}
      <form method="post" action="/settings" enctype="multipart/form-data" novalidate class="narrow">
        <input type="hidden" name="organisation" value={organisation.id} />
        <h2>Safeguarding contacts</h2>
        <p>
          Told at once of every possible disclosure of harm, with a link and never the family’s words. Safeguarding leads with an account are told as well. Give
          an email address, a webhook (for a case system), or both.
        </p>
        {form.contacts.map((contact, i) => {
          const existing = i < form.contacts.length - 1;
          return (
            <fieldset class="contact" key={i}>
              <legend>{existing ? `Contact ${i + 1}${contact.name ? `: ${contact.name}` : ''}` : 'Add a contact'}</legend>
              <TextField name={`contact-${i}-name`} label="Name or team" value={contact.name} error={errorOf(`contact-${i}-name`)} />
              <TextField
                name={`contact-${i}-email`}
                label="Email address"
                type="email"
                spellcheck={false}
                value={contact.email}
                error={errorOf(`contact-${i}-email`)}
              />
              <TextField
                name={`contact-${i}-webhookUrl`}
                label="Webhook address"
                hint="Optional. We post a signed JSON message to it for each flag."
                value={contact.webhookUrl}
                error={errorOf(`contact-${i}-webhookUrl`)}
              />
              {contact.webhookSecret && (
                <p class="secret">
                  Signing secret: <code>{contact.webhookSecret}</code>
                  <input type="hidden" name={`contact-${i}-webhookSecret`} value={contact.webhookSecret} />
                </p>
              )}
              {existing && (
                <div class="opt check">
                  <input type="checkbox" id={`contact-${i}-remove`} name={`contact-${i}-remove`} value="1" />
                  <label for={`contact-${i}-remove`}>Remove this contact</label>
                </div>
              )}
            </fieldset>
          );
        })}
        <details class="data">
          <summary>How webhook requests are signed</summary>
          <p>
            Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> (seconds) and <code>webhook-signature</code>: <code>v1,</code> and the
            base64 HMAC-SHA256 of <code>id.timestamp.body</code>, keyed with the secret’s bytes after <code>whsec_</code> (the Standard Webhooks convention).
            Refuse a request whose signature does not match or whose timestamp is more than 5 minutes off.
          </p>
        </details>

        <h2>Where the widget may be embedded</h2>
        <TextArea
          name="allowedOrigins"
          label="Websites allowed to embed the feedback widget"
          hint="One per line, like https://www.example.gov.uk. A * alone allows any website."
          rows={4}
          value={form.allowedOrigins}
          error={errorOf('allowedOrigins')}
        />

        <h2>Keeping families’ words</h2>
        <TextField
          name="retentionDays"
          label="Days to keep what families wrote"
          hint="After this, only the redacted words (names, numbers and addresses taken out) are kept. Between 30 and 3650."
          value={form.retentionDays}
          error={errorOf('retentionDays')}
        />

        <h2>Forms and posters</h2>
        <TextField
          name="followUpWording"
          label="The question asked after “How was your experience?”"
          hint="Optional, for example: What could we have done better? Families using English see it; other languages keep the survey’s translated wording. Left empty, the survey’s own wording is used."
          value={form.followUpWording}
          error={errorOf('followUpWording')}
        />
        <TextField
          name="accentColour"
          label="Accent colour"
          hint="Optional, as # and six hex digits, like #1d70b8. It must have at least 4.5:1 contrast with white (WCAG AA)."
          value={form.accentColour}
          error={errorOf('accentColour')}
        />
        {form.accentColour && /^#[0-9a-f]{6}$/i.test(form.accentColour) && (
          <p>
            <span class="swatch" style={`background:${form.accentColour}`} /> Your accent colour now
          </p>
        )}
        <div class={errorOf('logo') ? 'fg fg-err' : 'fg'}>
          <label class="lbl" for="logo">
            Logo
          </label>
          <p class="hint" id="logo-hint">
            Optional. PNG, JPEG or SVG, up to 100 KB, shown on your feedback forms and posters.
          </p>
          {errorOf('logo') && (
            <p class="err" id="logo-error">
              <span class="vh">Error: </span>
              {errorOf('logo')!.message}
            </p>
          )}
          {form.hasLogo && (
            <p>
              <img class="logo-preview" src={`/organisations/${encodeURIComponent(organisation.id)}/logo`} alt={`${organisation.name} logo, as it is now`} />
            </p>
          )}
          <input
            class="file"
            type="file"
            id="logo"
            name="logo"
            accept="image/png,image/jpeg,image/svg+xml"
            aria-describedby={`logo-hint${errorOf('logo') ? ' logo-error' : ''}`}
          />
          {form.hasLogo && (
            <div class="opt check">
              <input type="checkbox" id="removeLogo" name="removeLogo" value="1" />
              <label for="removeLogo">Remove the logo</label>
            </div>
          )}
        </div>
        <button class="btn inline" type="submit">
          Save settings
        </button>
      </form>

      {webhooks.length > 0 && (
        <>
          <h2>Test your webhooks</h2>
          <p>Sends a signed test message, so you know the other end receives and checks it before a real flag depends on it.</p>
          <ul class="plain">
            {webhooks.map((contact) => (
              <li key={contact.webhookUrl}>
                <form method="post" action="/settings/webhook-test" class="test-send">
                  <input type="hidden" name="organisation" value={organisation.id} />
                  <input type="hidden" name="webhookUrl" value={contact.webhookUrl} />
                  <span class="url">{contact.webhookUrl}</span>
                  <button class="btn inline secondary" type="submit">
                    Send a test<span class="vh"> to {contact.webhookUrl}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffShell>
  );
}
