// The form page's stylesheet: phone first, large touch targets, visible focus, the brand colour only
// through two custom properties (set by a second, tiny <style> per form). Inlined into the page and
// allowed by its CSP hash, so the page needs no second request to render.

const css = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;color-scheme:light}
body{margin:0;background:#f2f4f7;color:#101828;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.h{display:flex;align-items:center;gap:.6rem;max-width:34rem;margin:0 auto;padding:1rem 1.25rem .75rem;font-weight:650;font-size:1.05rem}
.h img{max-height:2.25rem;max-width:9rem;object-fit:contain}
.c{background:#fff;max-width:34rem;margin:0 auto;padding:1.25rem 1.25rem 1.5rem;border-radius:1.25rem;box-shadow:0 1px 2px rgba(16,24,40,.06),0 4px 16px rgba(16,24,40,.06)}
@media(max-width:34rem){.c{border-radius:1.25rem 1.25rem 0 0;min-height:calc(100vh - 3.6rem)}}
.pg{display:flex;flex-direction:column;gap:.4rem;margin:0 0 1.25rem;font-size:.85rem;color:#475467}
progress{appearance:none;-webkit-appearance:none;width:100%;height:.375rem;border:0;border-radius:1rem;background:#eaecf0;color:var(--b);overflow:hidden}
progress::-webkit-progress-bar{background:#eaecf0}
progress::-webkit-progress-value{background:var(--b);transition:width .3s}
progress::-moz-progress-bar{background:var(--b)}
fieldset{border:0;margin:0 0 1.75rem;padding:0;min-width:0}
legend,.qt{display:block;padding:0;margin:0 0 1rem;font-size:1.3rem;line-height:1.3;font-weight:700;letter-spacing:-.01em}
.qt{margin-bottom:.5rem}
.hint{margin:0 0 .75rem;color:#475467;font-size:.9rem}
.o{display:block;position:relative;cursor:pointer;-webkit-tap-highlight-color:transparent}
.o input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0;cursor:pointer}
.o span{display:flex;align-items:center;gap:.75rem;min-height:3.1rem;padding:.6rem .9rem;border:1.5px solid #d0d5dd;border-radius:.8rem;background:#fff;transition:background .15s,border-color .15s,color .15s}
.o:hover span{border-color:var(--b);background:var(--l)}
.o input:checked+span{background:var(--b);border-color:var(--b);color:var(--t)}
.o input:focus-visible+span{outline:3px solid var(--b);outline-offset:2px}
.o b{flex:none;display:inline-grid;place-items:center;width:1.9rem;height:1.9rem;border-radius:50%;background:#f2f4f7;color:#344054;font-size:.9rem}
.o input:checked+span b{background:rgba(255,255,255,.25);color:inherit}
.g{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}
.g .o span{justify-content:center;text-align:center;font-weight:550;line-height:1.2}
.g3{grid-template-columns:1fr 1fr 1fr}
.l{display:grid;gap:.5rem}
.n{display:flex;flex-wrap:wrap;justify-content:center;gap:.45rem}
.n .o{flex:0 0 calc((100% - 2.25rem)/6)}
.n .o span{justify-content:center;padding:.5rem 0;font-weight:650;font-variant-numeric:tabular-nums}
@media(min-width:36rem){.n .o{flex-basis:calc((100% - 4.5rem)/11)}}
.ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.6rem;font-size:.85rem;color:#475467}
.ends span:last-child{text-align:right}
textarea{display:block;width:100%;min-height:8.5rem;padding:.75rem .9rem;border:1.5px solid #d0d5dd;border-radius:.8rem;font:inherit;resize:vertical}
textarea:focus{outline:3px solid var(--b);outline-offset:1px;border-color:var(--b)}
.cnt{margin:.35rem 0 0;text-align:right;font-size:.8rem;color:#475467}
.bar{display:flex;gap:.75rem;align-items:center;margin-top:1.5rem}
button{font:inherit;cursor:pointer}
.btn{flex:1;min-height:3.1rem;padding:.75rem 1.25rem;border:0;border-radius:.8rem;background:var(--b);color:var(--t);font-weight:650}
.btn:disabled{opacity:.55;cursor:default}
.btn2{min-height:3.1rem;padding:.75rem 1rem;border:1.5px solid #d0d5dd;border-radius:.8rem;background:#fff;color:#344054;font-weight:600}
.btn3{min-height:3.1rem;padding:.75rem .5rem;border:0;background:none;color:#344054;font-weight:600}
.nv{justify-content:space-between}
.nv .btn2{margin-left:auto}
.s:focus{outline:0}
button:focus-visible,a:focus-visible{outline:3px solid var(--b);outline-offset:2px}
.js .s{display:none}
.js .s.on{display:block;animation:in .25s ease-out}
@keyframes in{from{opacity:0;transform:translateY(.4rem)}}
@media(prefers-reduced-motion:reduce){.js .s.on{animation:none}progress::-webkit-progress-value{transition:none}}
.st{min-height:1.4rem;margin:.75rem 0 0;font-size:.9rem;color:#b42318}
.err{margin:0 0 1.25rem;padding:.75rem 1rem;border:1.5px solid #d92d20;border-radius:.8rem;background:#fef3f2;color:#912018}
.err h2{margin:0 0 .25rem;font-size:1rem}
.err p{margin:0}
.ok{text-align:center;padding:2rem 0 1rem}
.ok i{display:inline-grid;place-items:center;width:4rem;height:4rem;margin-bottom:1rem;border-radius:50%;background:var(--b);color:var(--t);font-style:normal;font-size:2rem;font-weight:700}
.ok h1{margin:0 0 .5rem;font-size:1.6rem}
.ok p{margin:0 auto;max-width:24rem;color:#344054;white-space:pre-line}
.ok a{display:inline-block;margin-top:1.25rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.f{max-width:34rem;margin:0 auto;padding:1rem 1.25rem 2rem;font-size:.8rem;color:#475467;text-align:center}
[hidden]{display:none!important}
`;

/** The stylesheet, minified (whitespace between rules removed). */
export const formCss = css.replace(/\n/g, "").trim();
