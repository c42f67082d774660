/**
 * The pages' CSS, inlined so the first view is one round trip (the issue's 14 KB budget). A calm
 * GOV.UK-like look: 19px text, #0b0c0c on white (contrast 19.8:1), yellow-and-black focus, tap
 * targets of at least 44px (WCAG 2.5.5), and logical properties so Arabic mirrors without a second sheet.
 */
/** Strips comments and spacing from a CSS literal (enough for our own hand-written sheets). */
export const css = (text: string) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>+])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();

export const BASE_CSS = css(`
*{box-sizing:border-box}
body{margin:0;font:19px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;-webkit-text-size-adjust:100%}
main{display:block;max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
a{color:#1d70b8;text-underline-offset:.15em}
a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
h1{font-size:2rem;line-height:1.15;margin:.25rem 0 1rem}
h2{font-size:1.45rem;line-height:1.2;margin:2rem 0 1rem}
p{margin:0 0 1rem}
.caption{color:#505a5f;font-size:1.05rem;margin:0}
.lead{font-size:1.1rem}
.vh{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.hp{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.fg{margin:0 0 2rem}
.fg-err{border-inline-start:5px solid #d4351c;padding-inline-start:15px}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.lbl{display:block;font-weight:700;font-size:1.2rem;line-height:1.3;margin:0 0 .5rem;padding:0}
.row legend{font-size:1rem}
.row{margin:0 0 1rem}
.opt-tag{font-weight:400}
.hint{color:#505a5f;margin:0 0 .75rem}
.err{color:#d4351c;font-weight:700;margin:0 0 .75rem}
.radios,.checks{display:grid;gap:.5rem}
.inline,.scale{display:flex;flex-wrap:wrap;gap:.5rem}
.inline .opt{flex:1 1 8rem}
.opt{position:relative}
.opt input{position:absolute;top:50%;inset-inline-start:14px;width:26px;height:26px;margin:-13px 0 0;accent-color:#0b0c0c}
.opt label{display:flex;align-items:center;gap:.75rem;min-height:56px;padding:.5rem .75rem;padding-inline-start:52px;border:2px solid #b1b4b6;border-radius:6px;background:#fff;cursor:pointer}
.scale .opt{flex:1 0 2.75rem}
.scale .opt input{top:10px;margin:0;inset-inline:auto;left:50%;transform:translateX(-50%)}
.scale .opt label{flex-direction:column;justify-content:flex-end;gap:0;min-height:72px;padding:40px .25rem .35rem;font-weight:600}
.opt input:checked+label{border-color:#0b0c0c;background:#e8f1f8;box-shadow:inset 0 0 0 2px #0b0c0c}
.opt input:focus+label{outline:4px solid #fd0;outline-offset:0;border-color:#0b0c0c}
.fft .opt label{min-height:60px;font-weight:600}
.face{flex:none;width:40px;height:40px}
.input{display:block;width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;min-height:48px;background:#fff;color:inherit}
.input.short{max-width:7em}
.input-err{border-color:#d4351c}
textarea.input{min-height:7.5rem;resize:vertical}
.input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.btn{display:block;width:100%;font:inherit;font-weight:700;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px #002d18;padding:.65rem 1.25rem;min-height:52px;cursor:pointer;text-align:center;text-decoration:none}
.btn:hover{background:#005a30}
.btn:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}
.es{border:5px solid #d4351c;padding:1rem;margin:0 0 2rem}
.es:focus{outline:3px solid #fd0}
.es h2{margin:0 0 .75rem;font-size:1.35rem}
.es ul{margin:0;padding:0;list-style:none}
.es li{margin:0 0 .5rem}
.es a{color:#d4351c;font-weight:700}
.es a:focus{color:#0b0c0c}
details.page{border-top:1px solid #b1b4b6;margin:0 0 1.5rem}
summary{display:list-item;cursor:pointer;color:#1d70b8;font-weight:700;font-size:1.2rem;padding:.75rem 0;text-decoration:underline}
summary:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c;text-decoration:none}
.anon{color:#505a5f}
.langs{background:#f3f2f1;border-bottom:1px solid #b1b4b6}
.langs ul{display:flex;flex-wrap:wrap;max-width:40rem;margin:0 auto;padding:0 .5rem;list-style:none}
.langs a{display:block;padding:.6rem .55rem;min-height:44px;font-size:1rem}
.langs a[aria-current]{color:#0b0c0c;font-weight:700;text-decoration:none}
.panel{background:#00703c;color:#fff;padding:1.5rem;margin:0 0 2rem;text-align:center}
.panel h1{margin:0 0 .5rem}
.ysw{border-inline-start:5px solid #1d70b8;padding-inline-start:1rem;margin:0 0 1.5rem}
.ysw p{margin:0 0 .25rem}
.alt{margin-top:2rem;font-size:1rem}
.help{border:5px solid #1d70b8;padding:1rem 1.25rem;margin:0 0 2rem}
.help h2{margin:0 0 .75rem}
.help ul{margin:0;padding:0;list-style:none}
.help li{margin:0 0 1rem}
.help li:last-child{margin:0}
.help a{display:inline-block;font-size:1.35rem;font-weight:700;min-height:44px;padding:.35rem 0}
.help span{display:block}
.kiosk{font-size:24px}
.kiosk main{max-width:52rem}
.kiosk .opt label{min-height:76px}
.kiosk .opt input{width:34px;height:34px;margin-top:-17px}
.kiosk .opt label{padding-inline-start:64px}
`);
