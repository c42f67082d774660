/** `/f/{code}/thanks`: what happens next, and what this site changed because families spoke up. */
import type { PublishedAction } from '../../db/actions';
import type { Translate } from '../../survey/translate';
import { pageScripts } from '../../widget/page-scripts.gen';
import { PageShell } from './page-shell';
import { YouSaidWeDid } from './you-said-we-did';

export interface ThanksPageProps {
  language: string;
  dir: 'ltr' | 'rtl';
  /** The place for the title (hub · service) and the hub whose team reads the answers. */
  site: string;
  team: string;
  /** The survey's own thank-you text, when it has one. */
  message?: string | undefined;
  actions: PublishedAction[];
  t: Translate;
  languageHref: (language: string) => string;
  againHref: string;
  kiosk: boolean;
}

/** Seconds a kiosk shows the thank-you before the next family's form. */
const KIOSK_THANKS_SECONDS = 15;

export function ThanksPage({ language, dir, site, team, message, actions, t, languageHref, againHref, kiosk }: ThanksPageProps) {
  return (
    <PageShell
      language={language} dir={dir} title={`${t('thanks.title')} – ${site}`} languageHref={languageHref} switcherLabel={t('form.language')}
      kiosk={kiosk} scripts={kiosk ? [pageScripts.kioskReset] : []}
    >
      <div class="panel">
        <h1>{t('thanks.title')}</h1>
        <p>{t('thanks.received')}</p>
      </div>
      {message && <p>{message}</p>}
      <p>{t('thanks.next', { site: team })}</p>
      <p>{t('thanks.help')}</p>
      <YouSaidWeDid actions={actions} language={language} t={t} />
      {kiosk && <p class="hint">{t('thanks.kioskReset')}</p>}
      {/* On a kiosk, the page script follows this link by itself after the seconds it names. */}
      <p class="alt"><a href={againHref} data-kiosk-reset={kiosk ? KIOSK_THANKS_SECONDS : undefined}>{t('thanks.again')}</a></p>
    </PageShell>
  );
}
