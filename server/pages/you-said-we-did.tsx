/** The latest published "You said, we did" items in the family's language (English where not translated). */
import type { PublishedAction } from '../../db/actions';
import type { Translate } from '../../survey/translate';

export interface YouSaidWeDidProps {
  actions: PublishedAction[];
  language: string;
  t: Translate;
  headingLevel?: 2 | 3;
  /** Unique per page when several lists share one (the site's posters). */
  id?: string;
}

export function YouSaidWeDid({ actions, language, t, headingLevel = 2, id = 'ysw-title' }: YouSaidWeDidProps) {
  if (actions.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const text = (value: Record<string, string>) => value[language] ?? value.en ?? Object.values(value)[0] ?? '';
  return (
    <section class="ysw-list" aria-labelledby={id}>
      <Heading id={id}>{t('ysw.title')}</Heading>
      {actions.map((action) => (
        <div class="ysw" key={action.id}>
          <p>
            <strong>{t('ysw.youSaid')}:</strong> {text(action.youSaid)}
          </p>
          <p>
            <strong>{t('ysw.weDid')}:</strong> {text(action.weDid)}
          </p>
        </div>
      ))}
    </section>
  );
}
