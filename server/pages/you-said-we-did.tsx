/** The latest published "You said, we did" items in the family's language (English where not translated, marked with its `lang`). */
import type { PublishedAction } from '../../db/actions';
import { actionText, whenText } from '../../survey/action-text';
import type { Translate } from '../../survey/translate';

export interface YouSaidWeDidProps {
  actions: PublishedAction[];
  language: string;
  t: Translate;
  headingLevel?: 2 | 3;
  /** Unique per page when several lists share one (the site's posters). */
  id?: string;
}

/** A text in the page's language, or in the language it fell back to, said so with `lang` (and `dir`) for screen readers and fonts. */
function Local({ value, language }: { value: Record<string, string>; language: string }) {
  const text = actionText(value, language);
  if (text.lang === language) return text.text;
  return (
    <span lang={text.lang} dir="auto">
      {text.text}
    </span>
  );
}

export function YouSaidWeDid({ actions, language, t, headingLevel = 2, id = 'ysw-title' }: YouSaidWeDidProps) {
  if (actions.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="ysw-list" aria-labelledby={id}>
      <Heading id={id}>{t('ysw.title')}</Heading>
      {actions.map((action) => (
        <div class="ysw" key={action.id}>
          <p>
            <strong>{t('ysw.youSaid')}:</strong> <Local value={action.youSaid} language={language} />
          </p>
          <p>
            <strong>{t('ysw.weDid')}:</strong> <Local value={action.weDid} language={language} />
          </p>
          {action.changedOn && (
            <p>
              <strong>{t('ysw.when')}:</strong> {whenText(action.changedOn, language)}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
