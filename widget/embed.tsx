/**
 * widget.js: `<script src="{PUBLIC_URL}/widget.js" data-hubvoice="{code}" async></script>` renders
 * the survey where the tag stands (`data-mode="button"`: a floating "Give feedback" button opening
 * it as a dialog; `data-lang`: a language); `window.hubvoice.render(element, { code, lang })` is
 * the same for apps. Each survey lives in its own shadow root, so the page's CSS cannot break it
 * nor it the page. Built by widget/bundle-widget.ts; nothing here may import zod or server code.
 */
import { mountSurvey } from './embed/survey-widget';
import WIDGET_CSS from './embed/styles.css';

/** The catalogues' words the widget needs before a form has loaded, put in by the build (English here). */
declare const HUBVOICE_BOOT_MESSAGES: Record<string, string>;

export interface RenderOptions {
  code: string;
  lang?: string | undefined;
  mode?: 'inline' | 'button' | undefined;
}

/** Where hubvoice is: widget.js's own URL without its file name, so the API is asked at the same place. */
const base = ((document.currentScript as HTMLScriptElement | null)?.src ?? '').replace(/\/widget[^/]*$/, '');

/** A `<hubvoice-survey>` element holding the survey in its shadow root, for the caller to place. */
function surveyHost(code: string, lang: string | undefined, mode: string | undefined): HTMLElement {
  const host = document.createElement('hubvoice-survey');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<style>${WIDGET_CSS}</style><div></div>`;
  mountSurvey(shadow.lastChild as HTMLElement, { base, code, lang, button: mode === 'button', bootMessages: HUBVOICE_BOOT_MESSAGES });
  return host;
}

declare global {
  interface Window {
    hubvoice?: { render: (element: Element | null | undefined, options: RenderOptions) => void };
  }
}

window.hubvoice ??= {
  render(element, options) {
    if (!element || !options?.code) throw new Error('Use hubvoice.render(element, { code })');
    element.append(surveyHost(options.code, options.lang, options.mode));
  },
};

// Every `<script data-hubvoice>` not yet rendered: the tag itself, and any others on the page.
for (const tag of document.querySelectorAll<HTMLScriptElement>('script[data-hubvoice]:not([data-hubvoice-rendered])')) {
  tag.setAttribute('data-hubvoice-rendered', '');
  const { hubvoice: code = '', lang, mode } = tag.dataset;
  const host = surveyHost(code, lang, mode);
  // A floating button belongs to the page, not to whatever box the tag happens to be in.
  if (mode === 'button') document.body.append(host);
  else tag.after(host);
}
