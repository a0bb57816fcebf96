// form.js: the few lines of plain JavaScript that turn the plain HTML form into one question per
// screen with auto-advance, and save each answer as it is given (POST /f/:code/answers with a visit
// token made here), so abandoned forms still count. Without it the form still works as one page.
// Served as a static file with a hashed name (the page's CSP allows scripts from 'self' only).

const source = String.raw`
(function () {
  var d = document, f = d.getElementById("f");
  if (!f || !window.fetch || !window.crypto || !window.Promise) return;
  d.documentElement.className += " js";
  var ds = f.dataset, $ = function (id) { return d.getElementById(id); };
  var S = [].slice.call(f.querySelectorAll(".s")), cur = 0;
  var nv = $("nv"), nx = $("nx"), pt = $("pt"), pb = $("pb"), st = $("st"), ok = $("ok"), sb = $("sb");
  var url = f.getAttribute("action") + "/answers", queue = Promise.resolve(true), any = false, kb = false;
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  var token = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  f.v.value = token;

  function checked(name) { var r = f.querySelector("input[name=" + name + "]:checked"); return r ? r.value : null; }

  function send(body, attempt) {
    return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), keepalive: true })
      .then(function (r) {
        if (r.status >= 500 || r.status === 429) throw r.status;
        st.textContent = "";
        return r.ok;
      })
      .catch(function () {
        st.textContent = ds.f;
        if (attempt > 3) return false;
        return new Promise(function (go) { setTimeout(go, 1000 << attempt); }).then(function () { return send(body, attempt + 1); });
      });
  }

  // Answers are sent one after another, in the order given; the first waits until a person could
  // have read the question (the server refuses faster ones as automated), unless it came by e-mail.
  function save(answers, byEmail) {
    any = true;
    var body = { visitToken: token, answers: answers, language: f.lang.value, parameters: f.p.value, timeOnPageMs: null };
    if (f.website.value) body.website = f.website.value;
    queue = queue.then(function () {
      var wait = byEmail ? 0 : Math.max(0, 1600 - performance.now());
      return new Promise(function (go) { setTimeout(go, wait); }).then(function () {
        if (!byEmail) body.timeOnPageMs = Math.round(performance.now());
        return send(body, 0);
      });
    });
    return queue;
  }

  function show(i, first) {
    S[cur].className = "s";
    cur = Math.max(0, Math.min(S.length - 1, i));
    var s = S[cur], n = s.getAttribute("data-q"), last = cur === S.length - 1;
    s.className = "s on";
    pt.textContent = ds.p.replace("{n}", n);
    pb.value = +n;
    nv.hidden = last;
    nv.firstChild.hidden = cur === 0;
    s.querySelector(".bk") && (s.querySelector(".bk").hidden = false);
    window.scrollTo(0, 0);
    if (first) return;
    // Keyboard users land on the answer; others on the screen itself, so no option looks pre-chosen.
    var target = kb && (s.querySelector("input:checked") || s.querySelector("input") || $("cm"));
    (target || s).focus({ preventScroll: true });
  }

  function pipe(input) {
    $("il").textContent = ds.i.replace("{emotion}", input.getAttribute("data-e"));
    $("cq").textContent = input.getAttribute("data-c");
  }

  d.addEventListener("keydown", function () { kb = true; }, true);
  d.addEventListener("pointerdown", function () { kb = false; }, true);

  f.addEventListener("change", function (ev) {
    var el = ev.target, name = el.name, answers = {};
    if (el.type !== "radio") return;
    if (name === "emotion") {
      pipe(el);
      answers.emotion = { code: el.value };
    } else if (name === "intensity") {
      if (!checked("emotion")) return;
      answers.emotion = { code: checked("emotion"), intensity: +el.value };
    } else {
      answers[name] = +el.value;
    }
    save(answers);
    // Taps move on by themselves; keyboard users move on with Next (arrow keys also change a radio).
    if (!kb) setTimeout(function () { show(cur + 1); }, 220);
  });

  [].forEach.call(f.querySelectorAll(".bk"), function (b) { b.addEventListener("click", function () { show(cur - 1); }); });
  nx.addEventListener("click", function () { show(cur + 1); });

  $("cm").addEventListener("input", function () { $("cn").textContent = Array.from(this.value).length; });

  f.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (cur < S.length - 1) return show(cur + 1);
    var comment = f.comment.value.trim();
    if (!any && !comment) { st.textContent = ds.n; return; }
    sb.disabled = true;
    sb.textContent = ds.s;
    (comment ? save({ comment: comment }) : queue).then(function (saved) {
      // If saving failed for good, the plain form post carries every answer (same visit token).
      if (!saved) return f.submit();
      f.hidden = true;
      $("pt").parentNode.hidden = true;
      ok.hidden = false;
      ok.focus();
      var rd = $("rd");
      // In the widget's frame the widget closes itself; elsewhere the brand's redirect follows.
      if (ds.w && parent !== window) setTimeout(function () { parent.postMessage("momentos:close", "*"); }, 3000);
      else if (rd) setTimeout(function () { location.assign(rd.href); }, 4000);
    });
  });

  var pre = f.querySelector("input[name=emotion]:checked");
  pt.parentNode.hidden = false;
  if (pre) {
    pipe(pre);
    if (ds.m) save({ emotion: { code: pre.value } }, true);
    show(1, true);
  } else show(0, true);
})();
`;

/** form.js, minified the cheap way: comment lines and indentation removed (the page's budget is 14 KB). */
export const formScript = source
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("//"))
  .join("\n");
