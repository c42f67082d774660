/**
 * `/f/{code}/thanks`: what happens next, and what this site changed because families spoke up.
 * After a possible disclosure, help that suits who wrote it; on the children's form, a child's words throughout.
 */
import type { PublishedAction } from '../../db/actions';
import type { Support } from '../../survey/support';
import type { Translate } from '../../survey/translate';
import { pageScripts } from '../../widget/page-scripts.gen';
import { PageShell } from './page-shell';
import { SupportBox } from './support-box';
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
  /** The children's form: its own words for every line of the page. */
  child: boolean;
  /** What changed in what they gave, and why (a full postcode cut to its district). */
  notices?: string[] | undefined;
  /** Help to show after a possible disclosure (server/services/support.ts). */
  support?: Support | null | undefined;
}

/** Seconds a kiosk shows the thank-you before the next family's form. */
const KIOSK_THANKS_SECONDS = 15;
/** Time enough to read the help and note a number before a kiosk starts again. */
const KIOSK_HELP_SECONDS = 60;
/** The lines the children's form words for a child (`child.thanks.*` in the catalogues). */
const CHILD_WORDED = new Set(['thanks.received', 'thanks.next', 'thanks.help', 'thanks.again', 'thanks.kioskReset']);

export function ThanksPage({
  language,
  dir,
  site,
  team,
  message,
  actions,
  t: translate,
  languageHref,
  againHref,
  kiosk,
  child,
  support,
  notices = [],
}: ThanksPageProps) {
  const t: Translate = (key, vars) => translate(child && CHILD_WORDED.has(key) ? `child.${key}` : key, vars);
  return (
    <PageShell
      language={language}
      dir={dir}
      title={`${t('thanks.title')} – ${site}`}
      // With help shown, no switcher: it would lead to the plain thank-you page and lose the help.
      languageHref={support ? undefined : languageHref}
      switcherLabel={t('form.language')}
      kiosk={kiosk}
      scripts={kiosk ? [pageScripts.kioskReset] : []}
    >
      <div class="panel">
        <h1>{t('thanks.title')}</h1>
        <p>{t('thanks.received')}</p>
      </div>
      {notices.map((notice) => (
        <p class="notice" key={notice}>
          {notice}
        </p>
      ))}
      {support && <SupportBox support={support} />}
      {/* The survey's own thank-you is written for adults. */}
      {message && !child && <p>{message}</p>}
      <p>{t('thanks.next', { site: team })}</p>
      <p>{t('thanks.help')}</p>
      <YouSaidWeDid actions={actions} language={language} t={t} />
      {kiosk && <p class="hint">{t('thanks.kioskReset')}</p>}
      {/* On a kiosk, the page script follows this link by itself after the seconds it names. */}
      <p class="alt">
        <a href={againHref} data-kiosk-reset={kiosk ? (support ? KIOSK_HELP_SECONDS : KIOSK_THANKS_SECONDS) : undefined}>
          {t('thanks.again')}
        </a>
      </p>
    </PageShell>
  );
}
