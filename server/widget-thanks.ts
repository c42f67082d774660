/**
 * What the widget shows after sending, composed here and sent in the `POST /api/responses` reply
 * (`thanks`): the survey's thank-you, any help after a possible disclosure, and the latest "You
 * said, we did" for the form's place, all in the family's language (English where not translated,
 * with its `lang`). The widget only draws paragraphs, so none of these words or rules cost
 * widget.js bytes, and a new kind of thank-you needs no new widget.
 */
import { latestPublishedActions } from '../db/actions';
import type { FormTarget } from '../db/forms';
import { actionText } from '../survey/action-text';
import type { Support } from '../survey/support';
import type { ThanksParagraph, WidgetThanks } from '../widget/lib/api-client';
import { createTranslator, type Language } from '../survey/translate';
import type { AppDeps } from './deps';
import { publicForm } from './ingest';

export async function widgetThanks(deps: AppDeps, target: FormTarget, language: Language, support: Support | null | undefined): Promise<WidgetThanks> {
  const t = createTranslator(deps.catalogues, language);
  const form = publicForm(deps, target, language);
  const paragraphs: ThanksParagraph[] = [{ text: form.thankYou ?? t('thanks.received') }];
  if (support) {
    paragraphs.push({ text: support.title, heading: true }, { text: support.intro });
    for (const line of support.lines) paragraphs.push({ label: `${line.name} `, text: line.number, href: line.href }, { text: line.note });
  }
  const actions = await latestPublishedActions(deps.store.db, {
    organisationId: target.organisationId,
    siteId: target.site.id,
    servicePointId: target.servicePoint?.id ?? null,
  });
  if (actions.length) paragraphs.push({ text: t('ysw.title'), heading: true });
  const local = (value: Record<string, string>) => {
    const { text, lang } = actionText(value, language);
    return lang === language ? { text } : { text, lang };
  };
  for (const action of actions)
    paragraphs.push({ label: `${t('ysw.youSaid')}: `, ...local(action.youSaid) }, { label: `${t('ysw.weDid')}: `, ...local(action.weDid) });
  return { title: t('thanks.title'), paragraphs };
}
