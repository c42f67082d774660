/** `/sites/{code}/you-said-we-did`: a hub's public page of what families said and what changed, in the family's language. */
import type { PublishedAction } from '../../db/actions';
import type { Translate } from '../../survey/translate';
import { PageShell } from './page-shell';
import { YouSaidWeDid } from './you-said-we-did';

export interface YouSaidWeDidPageProps {
  language: string;
  dir: 'ltr' | 'rtl';
  site: string;
  actions: PublishedAction[];
  t: Translate;
  languageHref: (language: string) => string;
  formHref: string;
}

/** The list's own heading repeats the page's h1: kept for screen readers' headings list, not shown twice. */
const CSS = '.ysw-list>h2{position:absolute;left:-9999px}';

export function YouSaidWeDidPage({ language, dir, site, actions, t, languageHref, formHref }: YouSaidWeDidPageProps) {
  return (
    <PageShell
      language={language}
      dir={dir}
      title={`${t('ysw.title')} – ${site}`}
      languageHref={languageHref}
      switcherLabel={t('form.language')}
      extraCss={CSS}
    >
      <p class="place">{site}</p>
      <h1>{t('ysw.title')}</h1>
      <p>{t('ysw.intro', { site })}</p>
      {actions.length ? <YouSaidWeDid actions={actions} language={language} t={t} id="ysw-list" /> : <p>{t('ysw.none')}</p>}
      <p class="alt">
        <a href={formHref}>{t('ysw.give')}</a>
      </p>
    </PageShell>
  );
}
