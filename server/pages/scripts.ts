/**
 * The only scripts the form page ships, inline and small. The form never needs them: without
 * script every question shows with its condition in words and the server applies the skip logic.
 */

/** Hides a conditional question while its condition is false (skip-logic.ts's isShown, in page). */
export const SKIP_LOGIC_SCRIPT = `(()=>{const f=document.querySelector('form.survey');if(!f)return;const off=new Set();
const vals=n=>off.has(n)?[]:[...new FormData(f)].filter(([k,v])=>v!==''&&(k===n||k.startsWith(n+'.'))).map(([,v])=>v);
const shown=c=>c.all?c.all.every(shown):c.any?c.any.some(shown):(v=>'answered'in c?v.length>0===c.answered:c.in?v.some(x=>c.in.includes(x)):!v.some(x=>c.notIn.includes(x)))(vals(c.question));
const up=()=>{off.clear();for(const e of f.querySelectorAll('[data-show-if]')){const s=shown(JSON.parse(e.dataset.showIf));e.hidden=!s;if(!s)off.add(e.id.slice(3))}};
f.addEventListener('change',up);up()})();`;

/**
 * Kiosk mode: every submission is queued in localStorage with its idempotency key and posted to
 * the JSON API; it leaves the queue only on a 2xx (or a 422, which no retry can fix), is retried
 * when the tablet comes back online and with backoff, and so is stored once however often it is sent.
 * Online, the family sees the server's thank-you page; offline, a local one, then a fresh form.
 */
export const KIOSK_SCRIPT = `(()=>{const f=document.querySelector('form.survey');if(!f)return;const Q='hubvoice.kiosk.queue',D=f.dataset;
const load=()=>{try{return JSON.parse(localStorage.getItem(Q)||'[]')}catch{return[]}};
const save=q=>localStorage.setItem(Q,JSON.stringify(q));
const drop=k=>save(load().filter(s=>s.idempotencyKey!==k));
let busy=false,wait=2000,timer;
const send=async s=>{try{const r=await fetch('/api/responses',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(s)});if(r.ok||r.status===422){drop(s.idempotencyKey);return r.status}}catch{}return 0};
const flush=async()=>{if(busy)return;busy=true;clearTimeout(timer);let failed=false;for(const s of load())if(!await send(s)){failed=true;break}
busy=false;if(failed){timer=setTimeout(flush,wait);wait=Math.min(wait*2,60000)}else wait=2000};
const key=()=>[...crypto.getRandomValues(new Uint8Array(16))].map(b=>b.toString(16).padStart(2,'0')).join('');
const multi=(D.multi||'').split(' ');
f.addEventListener('submit',async e=>{const d=new FormData(f);if(d.get('_website'))return;e.preventDefault();const a={};
for(const[k,v]of d){if(k[0]==='_'||v==='')continue;const i=k.indexOf('.');if(i>0)(a[k.slice(0,i)]??={})[k.slice(i+1)]=v;else if(multi.includes(k))(a[k]??=[]).push(v);else a[k]=v}
const s={code:D.code,answers:a,language:D.lang,channel:'kiosk',idempotencyKey:d.get('_key')};if(D.role)s.respondentRole=D.role;
save(load().filter(x=>x.idempotencyKey!==s.idempotencyKey).concat(s));const st=await send(s);
if(st===422){f.submit();return}if(st){location.href=D.thanks;return}
const done=document.getElementById('kiosk-done');f.hidden=true;done.hidden=false;done.focus();flush();
setTimeout(()=>{f.reset();f.elements._key.value=key();done.hidden=true;f.hidden=false;scrollTo(0,0)},8000)});
addEventListener('online',()=>{wait=2000;flush()});flush()})();`;

/** On the kiosk's thank-you page: back to a fresh form for the next family. */
export const KIOSK_RESET_SCRIPT = (url: string, seconds: number) =>
  `setTimeout(()=>location.replace(${JSON.stringify(url)}),${seconds * 1000});`;
