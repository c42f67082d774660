/**
 * The staff pages' CSS on top of BASE_CSS: a GOV.UK-like header, wider pages for tables and charts,
 * tags, summary lists, KPI tiles and chart styling. Tag colours are GOV.UK's, each pair at least
 * 7:1; chart marks are at least 3:1 against white (WCAG 1.4.11).
 */
import { css } from '../styles';

export const STAFF_CSS = css(`
.staff main{max-width:64rem;padding-top:1.5rem}
.skip{position:absolute;left:-9999px;top:0;background:#fd0;color:#0b0c0c;padding:.5rem 1rem;z-index:2}
.skip:focus{left:0}
.hdr{background:#0b0c0c;color:#fff;border-bottom:8px solid #1d70b8}
.hdr-in{max-width:64rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem}
.brand{color:#fff;font-weight:700;font-size:1.35rem;text-decoration:none;margin-inline-end:auto}
.hdr a{color:#fff}
.hdr a:focus{color:#0b0c0c}
.acct{display:flex;align-items:center;gap:0 1rem}
.hdr nav{flex-basis:100%;min-width:0}
.nav{display:flex;flex-wrap:wrap;align-items:center;gap:0 1.1rem;list-style:none;margin:0;padding:0;font-size:1rem}
.nav a,.linkbtn{display:inline-block;padding:.55rem 0;min-height:44px;font-weight:700}
.nav a[aria-current]{text-decoration:none;border-bottom:4px solid #fff;padding-bottom:.3rem}
.who{color:#fff;font-size:.95rem}
@media (max-width:40em){
.nav{flex-wrap:nowrap;overflow-x:auto;padding-inline-end:1.5rem;padding-block-end:4px;-webkit-mask-image:linear-gradient(to left,transparent,#000 1.5rem);mask-image:linear-gradient(to left,transparent,#000 1.5rem)}
.nav li{flex:none}
.who{display:none}
}
.linkbtn{font:inherit;font-weight:700;color:#fff;background:none;border:0;padding-inline:0;text-decoration:underline;cursor:pointer}
.linkbtn:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c;text-decoration:none}
.btn.inline{display:inline-block;width:auto}
.narrow{max-width:40rem}
.tag{display:inline-block;padding:.1rem .5rem;font-weight:700;font-size:.95rem;line-height:1.4;margin-inline-end:.35rem}
.tag-red{background:#f4cdc6;color:#2a0b06}
.tag-yellow{background:#fff7bf;color:#594d00}
.tag-grey{background:#e5e6e7;color:#0b0c0c}
.tag-green{background:#cce2d8;color:#005a30}
.tag-blue{background:#bbd4ea;color:#0c2d4a}
.sl{margin:0 0 2rem;font-size:1.05rem}
.sl div{border-bottom:1px solid #b1b4b6;padding:.6rem 0}
.sl dt{font-weight:700}
.sl dd{margin:0}
@media (min-width:40em){.sl div{display:grid;grid-template-columns:14rem 1fr;gap:1rem}}
.cards{list-style:none;margin:0 0 2rem;padding:0}
.card{border:1px solid #b1b4b6;border-inline-start:6px solid #1d70b8;padding:.9rem 1rem;margin:0 0 1rem}
.card.urgent{border-inline-start-color:#d4351c}
.card h2{font-size:1.25rem;margin:0 0 .4rem}
.card p{margin:.25rem 0;font-size:1.05rem}
.quote{border-inline-start:6px solid #b1b4b6;padding:.25rem 0 .25rem 1rem;margin:0 0 1.25rem;font-size:1.15rem;white-space:pre-wrap}
.quote-from{display:block;font-size:1rem;color:#505a5f;margin-top:.25rem;font-style:normal}
.quote-q{font-weight:700;font-size:1rem;margin:0 0 .25rem;color:#505a5f}
.ok-banner{border:5px solid #00703c;padding:1rem;margin:0 0 2rem}
.ok-banner:focus{outline:3px solid #fd0}
.ok-banner h2{margin:0;font-size:1.3rem}
.note{border-inline-start:10px solid #b1b4b6;padding:.5rem 1rem;margin:0 0 1.5rem}
.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;list-style:none;margin:0 0 1.5rem;padding:0;border-bottom:1px solid #b1b4b6}
.tabs a{display:inline-block;padding:.5rem 0;font-weight:700}
.tabs a[aria-current]{color:#0b0c0c;text-decoration:none;border-bottom:4px solid #1d70b8}
.filters{background:#f3f2f1;padding:1rem;margin:0 0 2rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.filters .fg{margin:0;flex:1 1 10rem}
.filters .lbl{font-size:1rem}
.filters .btn{flex:0 0 auto}
.filters.compare .fg{flex:0 1 22rem}
select.input{appearance:auto}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(13.5rem,1fr));gap:1rem;list-style:none;margin:0 0 2.5rem;padding:0}
.kpi{background:#f3f2f1;border-top:5px solid #1d70b8;padding:1rem}
.kpi-v{display:block;font-size:2.4rem;font-weight:700;line-height:1.1}
.kpi-k{display:block;font-weight:700}
.kpi-s{display:block;color:#505a5f;font-size:1rem}
.kpi.alert{border-top-color:#d4351c}
.grid2{display:grid;gap:0 2.5rem}
@media (min-width:60em){.grid2{grid-template-columns:1fr 1fr}}
.chart{margin:0 0 2.5rem;min-width:0}
.chart-title{font-weight:700;font-size:1.2rem;margin:0 0 .75rem}
.chart-svg{display:block;overflow:visible;margin:0 0 .5rem}
.chart-svg text{font-size:15px;fill:#0b0c0c}
.chart-svg .lbl{font-weight:700}
.chart-svg .muted{fill:#505a5f;font-size:14px}
.chart-svg .grid line{stroke:#d8d9da;stroke-width:1}
.chart-svg .bar{fill:#1d70b8}
.chart-svg .hidden-cell{fill:#fff;stroke:#929191;stroke-dasharray:4 4}
.chart-svg .whisker line{stroke:#0b0c0c;stroke-width:2.5}
.chart-svg .line{stroke:#1d70b8;stroke-width:3}
.chart-svg .dot{fill:#1d70b8;stroke:#fff;stroke-width:1.5}
.chart-svg .ci{stroke:#505a5f;stroke-width:2}
@media (max-width:40em){.chart-svg .minor{display:none}}
.chart-note{font-size:1rem;margin:0 0 .5rem}
details.data summary{font-size:1rem;padding:.25rem 0}
.scroll{overflow-x:auto;position:relative}
.scroll:focus{outline:3px solid #fd0}
.tbl{width:100%;border-collapse:collapse;font-size:1rem;margin:0 0 1rem}
.tbl caption{text-align:start;font-weight:700;font-size:1.1rem;margin:0 0 .5rem}
.tbl th,.tbl td{text-align:start;padding:.55rem .75rem .55rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
.tbl .num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.tbl tr.flag td,.tbl tr.flag th{background:#fff7bf}
.themes{list-style:none;margin:0 0 2rem;padding:0}
.theme{border-top:1px solid #b1b4b6;padding:1rem 0}
.theme h3{font-size:1.2rem;margin:0 0 .25rem}
.theme p{margin:.25rem 0;font-size:1.05rem}
.split{display:flex;height:12px;margin:.4rem 0;max-width:20rem;border:1px solid #0b0c0c}
.split span{display:block}
.s-neg{background:#d4351c}.s-neu{background:#b1b4b6}.s-pos{background:#00703c}
.comments{list-style:none;margin:0 0 2rem;padding:0}
.comments li{border-top:1px solid #b1b4b6;padding:1rem 0}
.comments p{margin:.25rem 0}
.meta{color:#505a5f;font-size:1rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:0 0 2rem}
.steps{list-style:none;margin:0 0 2rem;padding:0;counter-reset:step}
.steps li{padding:.5rem 0;border-bottom:1px solid #b1b4b6;font-size:1.1rem}
.steps li.now{font-weight:700}
.qr-card .qr{float:inline-end;margin:0 0 .5rem 1rem;border:1px solid #b1b4b6}
.qr-card p{overflow-wrap:anywhere}
.qr-card::after{content:"";display:block;clear:both}
.points{list-style:none;margin:0 0 1.5rem;padding:0}
.points li{border-bottom:1px solid #b1b4b6;padding:.4rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
.inline-form{display:inline;margin-inline-start:auto}
.linkbtn.dark{color:#1d70b8;padding-block:.25rem;min-height:44px}
.btn.warn{background:#d4351c;box-shadow:0 2px #55150b}
.btn.warn:hover{background:#aa2a16}
.preview{display:block;max-width:100%;border:1px solid #0b0c0c;margin:0 0 2rem}
.questions li{margin:0 0 .75rem}
.actions-row{margin:0 0 2rem}
.import-problems li{margin:.25rem 0}
.plain{list-style:none;margin:0;padding:0}
.btn.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px #929191}
.btn.secondary:hover{background:#dbdad9}
.btn.warning{background:#d4351c;box-shadow:0 2px #55150b}
.btn.warning:hover{background:#aa2a16}
.btn.secondary:focus,.btn.warning:focus{background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}
.linkbtn.dark{color:#1d70b8;padding:.5rem 0;min-height:44px}
.role-card{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem}
.warn-banner{border:5px solid #d4351c;padding:1rem;margin:0 0 2rem}
.warn-banner h2{margin:0 0 .5rem;font-size:1.3rem}
.mail{border:1px solid #b1b4b6;padding:1rem;margin:0 0 1.5rem}
.mail pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;font-size:1rem;margin:.5rem 0 0}
.swatch{display:inline-block;width:1.5rem;height:1.5rem;border:1px solid #0b0c0c;vertical-align:middle;margin-inline-end:.5rem}
.contact{border-top:1px solid #b1b4b6;padding-top:1rem;margin:0 0 1.5rem}
.contact .fg{margin:0 0 1.25rem}
.secret code,.url,.warn-banner code,.note code,details.data code{overflow-wrap:anywhere}
.opt.check input{top:50%}
.file{font:inherit;max-width:100%}
.logo-preview{max-height:5rem;max-width:100%}
.test-send{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;border-bottom:1px solid #b1b4b6;padding:.5rem 0}
@media (max-width:40em){.tbl.stack thead{position:absolute;left:-9999px}.tbl.stack,.tbl.stack tbody,.tbl.stack tr,.tbl.stack th,.tbl.stack td{display:block;width:100%}.tbl.stack tr{border-bottom:1px solid #b1b4b6;padding:.6rem 0}.tbl.stack th,.tbl.stack td{border:0;padding:.15rem 0}.tbl.stack td[data-label]::before{content:attr(data-label) ":";font-weight:700;margin-inline-end:.4em}.tbl.stack caption{display:block}.tbl.stack td.num{text-align:start}}
.nowrap{white-space:nowrap}
.tbl td.details{font-size:.95rem;overflow-wrap:anywhere;min-width:12rem}
.checks .opt{margin:0 0 .5rem}.actions{display:flex;flex-wrap:wrap;gap:1rem;margin:0 0 2rem}.actions form{margin:0}
.btn.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px #929191}.btn.secondary:hover{background:#dbdad9}
.linkbtn.dark{color:#1d70b8;padding:.4rem 0;min-height:24px}
.muted-text{color:#505a5f}.reviews{margin:0 0 2rem;padding-inline-start:1.5rem}.reviews li{border-bottom:1px solid #b1b4b6;padding:.5rem 0}.reviews p{margin:.25rem 0;white-space:pre-wrap}
`);
