/**
 * Printable A4 posters: the place, the question, a QR code a phone camera reads from across a
 * room (about 9 cm), the short address typed out for phones without a scanner, the languages on
 * offer, and the latest "You said, we did". One poster per printed page.
 */
import type { PublishedAction } from '../../db/actions';
import { LANGUAGES, type Translate } from '../../survey/translate';
import { PageShell } from './page-shell';
import { YouSaidWeDid } from './you-said-we-did';

export interface Poster {
  code: string;
  place: string;
  question: string;
  /** The QR code as SVG markup (from the qrcode library). */
  qrSvg: string;
  url: string;
  /** The form's address without the scheme, e.g. `feedback.example.org/f/dvp-play`. */
  shortUrl: string;
  actions: PublishedAction[];
}

export interface PosterPageProps {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  posters: Poster[];
  t: Translate;
  languageHref: (language: string) => string;
  /** The organisation's accent colour (a checked `#rrggbb`, at least 4.5:1 on white) and logo address. */
  brand?: { accentColour: string | null; logoSrc: string | null } | undefined;
}

/** The accent colour as the poster's top band and heading; only a `#rrggbb` reaches the CSS. */
const brandCss = (accent: string | null | undefined) =>
  accent && /^#[0-9a-f]{6}$/i.test(accent) ? `.poster{border-top:6mm solid ${accent}}.poster h1{color:${accent}}` : '';

const POSTER_CSS = `main{max-width:none}.poster{max-width:210mm;margin:0 auto 2rem;padding:12mm;border:1px solid #b1b4b6;text-align:center}
.poster .place{font-size:1.7rem;font-weight:700;margin:0 0 .5rem}.poster h1{font-size:3rem;margin:0 0 .75rem}
.poster .question{font-size:1.5rem;margin:0 0 1rem}.qr{width:90mm;height:90mm;max-width:100%;aspect-ratio:1;height:auto;margin:0 auto 1rem}.qr svg{display:block;width:100%;height:100%}
.poster .scan{font-size:1.5rem;font-weight:700}.url{font:700 1.7rem ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.poster .langs-line span{display:inline-block;margin:0 .4rem}.poster .ysw-list{text-align:start;margin-top:1.5rem}.poster .ysw-list h2{margin-top:0}
@page{size:A4;margin:10mm}
@media print{.langs,.screen-only{display:none}main{padding:0}body{font-size:16px}.poster{border:0;margin:0;padding:0;max-width:none;height:275mm;overflow:hidden;break-after:page}.poster:last-child{break-after:auto}}`;

export function PosterPage({ language, dir, title, posters, t, languageHref, brand }: PosterPageProps) {
  return (
    <PageShell
      language={language}
      dir={dir}
      title={title}
      languageHref={languageHref}
      switcherLabel={t('form.language')}
      extraCss={`${POSTER_CSS}${brandCss(brand?.accentColour)}.poster .org-logo{display:block;max-height:25mm;max-width:70%;margin:0 auto 4mm}`}
    >
      {posters.map((poster, index) => (
        <article class="poster" key={poster.code} aria-labelledby={`poster-${index}`}>
          {brand?.logoSrc && <img class="org-logo" src={brand.logoSrc} alt="" />}
          <p class="place">{poster.place}</p>
          <h1 id={`poster-${index}`}>{t('poster.title')}</h1>
          <p class="question">{poster.question}</p>
          <div class="qr" role="img" aria-label={`QR code: ${poster.url}`} dangerouslySetInnerHTML={{ __html: poster.qrSvg }} />
          <p class="scan">{t('poster.scan')}</p>
          <p>{t('poster.orType')}</p>
          <p class="url">{poster.shortUrl}</p>
          <p>{t('poster.quick')}</p>
          <p class="langs-line">
            {t('poster.languages')}{' '}
            {LANGUAGES.map((l) => (
              <span lang={l.code} dir={l.dir} key={l.code}>
                {l.name}
              </span>
            ))}
          </p>
          <YouSaidWeDid actions={poster.actions} language={language} t={t} id={`ysw-${index}`} />
        </article>
      ))}
    </PageShell>
  );
}
