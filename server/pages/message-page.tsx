/** A page that only says something in plain words, with a way on: the unknown-code and slow-down pages. */
import type { Translate } from '../../survey/translate';
import { PageShell } from './page-shell';

export interface MessagePageProps {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  body: string;
  links: { href: string; text: string }[];
  t: Translate;
  languageHref?: ((language: string) => string) | undefined;
}

export function MessagePage({ language, dir, title, body, links, t, languageHref }: MessagePageProps) {
  return (
    <PageShell language={language} dir={dir} title={title} languageHref={languageHref} switcherLabel={t('form.language')}>
      <h1>{title}</h1>
      <p>{body}</p>
      {links.map((link) => (
        <p key={link.href}>
          <a href={link.href}>{link.text}</a>
        </p>
      ))}
    </PageShell>
  );
}
