/**
 * The widget's CSS, inside its shadow root. `:host` is reset with `all: initial !important`: in the
 * cascade an `!important` rule of the shadow tree beats the page's, so a page's `* { display: none
 * !important }` cannot hide or restyle the widget, and the page's inherited colours and fonts stop
 * at the host. Sizes are in em of the widget's own font size, never rem (the page's root size).
 * Colours and font come from CSS custom properties, which do cross the boundary, so a council
 * themes the widget from its own stylesheet. Defaults are the QR form's GOV.UK-like look: #0b0c0c
 * on white, yellow-and-black focus, tap targets of at least 44px.
 */
const css = (text: string) => text.replace(/\s+/g, ' ').replace(/\s*([{}:;,>+])\s*/g, '$1').replace(/;}/g, '}').trim();

export const WIDGET_CSS = css(`
:host{all:initial!important;display:block!important;--a:var(--hubvoice-accent,#00703c);--t:var(--hubvoice-text,#0b0c0c);--m:var(--hubvoice-muted,#505a5f);--b:var(--hubvoice-background,#fff);--e:var(--hubvoice-error,#d4351c);--f:var(--hubvoice-focus,#fd0);--l:var(--hubvoice-link,#1d70b8);--r:var(--hubvoice-radius,6px)}
.hv{font:var(--hubvoice-font-size,18px)/1.45 var(--hubvoice-font,system-ui,sans-serif);color:var(--t);background:var(--b)}
*{box-sizing:border-box}
[hidden]{display:none!important}
.hv-survey,.hv-panel{max-width:40em;padding:1em}
h1{font-size:1.6em;line-height:1.2;margin:0 0 .7em}
h2{font-size:1.3em;margin:1em 0 .7em}
p{margin:0 0 1em}
a,.hv-back,.hv-close{color:var(--l)}
.caption,.hv-step,.hint,.anon{color:var(--m)}
.caption,.hv-step{margin:0}
.hv-nav{display:flex;align-items:center;gap:1em}
.vh,.hp{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.fg{margin:0 0 1.75em}
.fg-err,.hv-panel{border-inline-start:5px solid var(--e);padding-inline-start:15px}
.hv-panel{border-color:var(--a)}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.lbl{display:block;font-weight:700;font-size:1.1em;margin:0 0 .5em;padding:0}
.row legend{font-size:1em}
.opt-tag{font-weight:400}
.err{color:var(--e);font-weight:700}
.radios,.checks{display:grid;gap:.5em}
.inline,.scale{display:flex;flex-wrap:wrap;gap:.5em}
.inline .opt{flex:1 1 7em}
.scale .opt{flex:1 0 3em}
.opt{position:relative}
.opt input{position:absolute;top:50%;inset-inline-start:12px;width:24px;height:24px;margin:-12px 0 0;accent-color:var(--t)}
.opt label{display:flex;align-items:center;min-height:50px;padding:.4em .7em;padding-inline-start:46px;border:2px solid #b1b4b6;border-radius:var(--r);cursor:pointer}
.opt input:checked+label{border-color:var(--t);box-shadow:inset 0 0 0 2px var(--t)}
.input{display:block;width:100%;font:inherit;color:inherit;background:var(--b);padding:.5em;border:2px solid var(--t);min-height:48px}
.input.short{max-width:7em}
.input-err{border-color:var(--e)}
.btn,.hv-fab{display:block;width:100%;font:inherit;font-weight:700;color:var(--hubvoice-accent-text,#fff);background:var(--a);border:0;border-radius:var(--r);padding:.6em 1.2em;min-height:48px;cursor:pointer}
.hv-back,.hv-close{font:inherit;background:none;border:0;min-height:44px;min-width:44px;text-decoration:underline;cursor:pointer}
:focus-visible,.opt input:focus-visible+label{outline:4px solid var(--f);outline-offset:0;box-shadow:0 0 0 6px var(--t)}
.es{border:5px solid var(--e);padding:1em;margin:0 0 1.5em}
.es ul{padding:0;list-style:none}
.es a{color:var(--e);font-weight:700}
.hv-fab{position:fixed;bottom:1em;inset-inline-end:1em;width:auto;z-index:2147483646;box-shadow:0 2px 8px #0008}
dialog{width:min(40em,100vw - 1em);max-height:calc(100vh - 1em);padding:0;border:0;border-radius:var(--r);color:var(--t);background:var(--b)}
dialog::backdrop{background:#0b0c0ca0}
.hv-bar{position:sticky;top:0;z-index:1;display:flex;justify-content:flex-end;padding:0 1em;background:var(--b);border-bottom:1px solid #b1b4b6}
`);
