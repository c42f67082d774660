/** The document around every family-facing page: language and direction, inline CSS, the language switcher, one <main>. */
import type { ComponentChildren } from 'preact';
import { LanguageSwitcher } from '../../widget/components/language-switcher';
import { BASE_CSS } from './styles';

export interface PageShellProps {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Builds the same page's URL in another language; omitted, no switcher. */
  languageHref?: ((language: string) => string) | undefined;
  switcherLabel?: string;
  kiosk?: boolean;
  extraCss?: string;
  scripts?: string[];
  children: ComponentChildren;
}

export function PageShell({ language, dir, title, languageHref, switcherLabel = 'Language', kiosk, extraCss, scripts = [], children }: PageShellProps) {
  return (
    <html lang={language} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: BASE_CSS + (extraCss ?? '') }} />
      </head>
      <body class={kiosk ? 'kiosk' : undefined}>
        {languageHref && <LanguageSwitcher current={language} label={switcherLabel} href={languageHref} />}
        <main id="main">{children}</main>
        {scripts.map((script) => (
          <script dangerouslySetInnerHTML={{ __html: script }} />
        ))}
      </body>
    </html>
  );
}
