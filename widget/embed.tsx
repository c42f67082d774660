/**
 * widget.js: `<script src="{PUBLIC_URL}/widget.js" data-hubvoice="{code}" async></script>` renders
 * the survey where the tag stands (`data-mode="button"`: a floating "Give feedback" button opening
 * it as a dialog; `data-lang`: a language); `window.hubvoice.render(element, { code, lang })` is
 * the same for apps. Each survey lives in its own shadow root, so the page's CSS cannot break it
 * nor it the page. Built by widget/bundle-widget.ts; nothing here may import zod or server code.
 */
import { mountSurvey } from './embed/survey-widget';
import { WIDGET_CSS } from './embed/styles';

/** The catalogues' words the widget needs before a form has loaded, put in by the build (English here). */
declare const HUBVOICE_BOOT_MESSAGES: Record<string, string> | undefined;

export interface RenderOptions {
  code: string;
  lang?: string;
  mode?: 'inline' | 'button';
}

const script = document.currentScript as HTMLScriptElement | null;
/** Where hubvoice is: widget.js's own URL without its file name, so the API is asked at the same place. */
const base = (script?.src ?? '').replace(/\/widget(\.[\w-]+)?\.js(\?.*)?$/, '');

function renderSurvey(element: Element | null | undefined, options: RenderOptions): void {
  if (!element) throw new Error('hubvoice.render: no element to render into (got null or undefined)');
  if (!options?.code) throw new Error('hubvoice.render: options.code is required, e.g. { code: "dvp" }');
  const host = document.createElement('hubvoice-survey');
  element.append(host);
  mount(host, options);
}

function mount(host: HTMLElement, options: RenderOptions): void {
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);
  mountSurvey(root, {
    base, code: options.code, lang: options.lang, mode: options.mode === 'button' ? 'button' : 'inline',
    bootMessages: typeof HUBVOICE_BOOT_MESSAGES === 'undefined' ? {} : HUBVOICE_BOOT_MESSAGES,
  });
}

/** Every `<script data-hubvoice>` not yet rendered: the tag itself, and any others on the page. */
function renderTags(): void {
  for (const tag of document.querySelectorAll<HTMLScriptElement>('script[data-hubvoice]:not([data-hubvoice-rendered])')) {
    tag.setAttribute('data-hubvoice-rendered', '');
    const mode = tag.dataset.mode === 'button' ? 'button' : 'inline';
    const host = document.createElement('hubvoice-survey');
    // A floating button belongs to the page, not to whatever box the tag happens to be in.
    if (mode === 'button') document.body.append(host);
    else tag.after(host);
    mount(host, { code: tag.dataset.hubvoice ?? '', mode, ...(tag.dataset.lang ? { lang: tag.dataset.lang } : {}) });
  }
}

declare global {
  interface Window {
    hubvoice?: { render: (element: Element | null | undefined, options: RenderOptions) => void };
  }
}

window.hubvoice ??= { render: renderSurvey };
renderTags();
