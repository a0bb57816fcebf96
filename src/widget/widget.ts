// The Momentos website widget: `<script src="…/widget.js" data-touchpoint="<code>" async>` shows the
// touchpoint's form in a slide-in or a modal. The form itself is the public page in an iframe (so the
// widget stays a few KB); the frame lives in a shadow root on a host element whose inline, !important
// styles no page rule can beat, and the widget adds no style or global to the page but `Momentos`.

type Trigger = "manual" | "load" | "delay" | "exit" | "scroll";

interface Queued {
  q?: Array<[string, ...unknown[]]>;
}

export interface MomentosApi {
  /** Shows the form now, whatever the triggers and the "once every N days" rule say. */
  open(): void;
  close(): void;
  /** The customer and their attributes: `customer` (or `id`), `order`, `channel`, `store`, and any other key as `m_<key>`. */
  identify(attributes: Record<string, unknown>): void;
}

declare global {
  interface Window {
    Momentos?: MomentosApi & Queued;
  }
}

const texts = {
  es: ["Tu opinión", "Cerrar"],
  en: ["Your feedback", "Close"],
  pt: ["Sua opinião", "Fechar"],
} as const;

/** Parameters of the form link the widget fills (everything else goes to `m_*`). */
const named: Record<string, string> = { customer: "customer", id: "customer", customerreference: "customer", order: "order", channel: "channel", store: "store", placement: "placement" };

const css = `
.p{all:initial;box-sizing:border-box;position:fixed;z-index:1;display:flex;flex-direction:column;background:#fff;color:#111827;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border-radius:16px;box-shadow:0 18px 50px rgba(17,24,39,.28),0 2px 8px rgba(17,24,39,.12);overflow:hidden;animation:in .24s ease-out}
.s{right:16px;bottom:16px;width:min(400px,calc(100vw - 32px));height:min(620px,calc(100vh - 32px))}
.l{left:16px;right:auto}
.m{left:50%;top:50%;width:min(440px,calc(100vw - 24px));height:min(680px,calc(100vh - 24px));transform:translate(-50%,-50%);animation-name:fade}
.b{all:initial;position:fixed;inset:0;background:rgba(17,24,39,.5);animation:fade .2s}
.x{all:initial;position:absolute;top:8px;right:8px;width:36px;height:36px;border-radius:50%;background:rgba(255,255,255,.94);color:#111827;font:24px/36px system-ui,sans-serif;text-align:center;cursor:pointer;box-shadow:0 1px 4px rgba(17,24,39,.25)}
.x:hover{background:#f3f4f6}
.x:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.f{all:initial;display:block;flex:1;width:100%;height:100%;border:0;background:#fff}
@media (max-width:480px){.s{left:0;right:0;bottom:0;width:100%;height:min(88vh,640px);border-radius:16px 16px 0 0}}
@keyframes in{from{opacity:0;transform:translateY(16px)}}
@keyframes fade{from{opacity:0}}
@media (prefers-reduced-motion:reduce){.p,.b{animation:none}}`;

/** The inline style of the host element: !important inline declarations beat every rule of the page. */
const hostStyle = "all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;transform:none!important;pointer-events:auto!important";

function start(script: HTMLScriptElement): void {
  const data = script.dataset;
  const code = data.touchpoint;
  if (!code) return console.warn("Momentos: data-touchpoint is missing");
  const root = new URL(".", script.src);
  const pageLanguage = (data.lang || document.documentElement.lang || navigator.language || "es").slice(0, 2).toLowerCase();
  const [title, closeLabel] = texts[pageLanguage as keyof typeof texts] ?? texts.es;
  const modal = data.layout === "modal";
  const days = Number(data.days ?? 30);
  const storageKey = `momentos.shown.${code}`;
  const fields: Record<string, string> = {};
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let returnFocus: Element | null = null;
  let automatic = true;

  const identify = (attributes: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value == null || typeof value === "object") continue;
      const folded = key.toLowerCase().replace(/[^a-z0-9_]/g, "_");
      fields[named[folded] ?? `m_${folded}`] = String(value);
    }
  };
  // data-customer, data-order, data-channel, data-store, data-placement, and data-m-<key> for the brand's own fields.
  for (const attribute of Array.from(script.attributes)) {
    const name = attribute.name.slice(5);
    if (attribute.name.startsWith("data-") && (named[name] || name.startsWith("m-"))) identify({ [name.startsWith("m-") ? name.slice(2) : name]: attribute.value });
  }

  const link = () => {
    const url = new URL(`f/${encodeURIComponent(code)}`, root);
    url.searchParams.set("source", "widget");
    url.searchParams.set("embed", "1");
    if (data.lang) url.searchParams.set("lang", data.lang);
    for (const [key, value] of Object.entries(fields)) url.searchParams.set(key, value);
    return url.href;
  };

  const shownRecently = () => {
    try {
      return days > 0 && Date.now() - Number(localStorage.getItem(storageKey) || 0) < days * 864e5;
    } catch {
      return false;
    }
  };

  const close = () => {
    if (!host) return;
    host.remove();
    host = null;
    frame = null;
    removeEventListener("message", onMessage);
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  };

  const onMessage = (event: MessageEvent) => {
    // Only our own frame, from the Momentos origin, may close the widget.
    if (event.origin === root.origin && event.source === frame?.contentWindow && event.data === "momentos:close") close();
  };

  /** `quiet`: opened by a trigger, so the slide-in does not take the focus from what the person is doing. */
  const open = (quiet?: boolean) => {
    if (host) return;
    automatic = false;
    try {
      localStorage.setItem(storageKey, String(Date.now()));
    } catch {
      // Storage refused (a private window): the cap then lasts for this page only.
    }
    returnFocus = document.activeElement;
    host = document.createElement("momentos-widget");
    host.style.cssText = hostStyle;
    const shadow = host.attachShadow({ mode: "open" });
    // A constructed style sheet needs no 'unsafe-inline' in the host page's CSP; old browsers get a <style>.
    if ("adoptedStyleSheets" in shadow && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.append(Object.assign(document.createElement("style"), { textContent: css }));
    }
    const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Node) => {
      const child = document.createElement(tag);
      child.className = className;
      parent.appendChild(child);
      return child;
    };
    if (modal) element("div", "b", shadow).onclick = close;
    const panel = element("div", `p ${modal ? "m" : `s${data.position === "left" ? " l" : ""}`}`, shadow);
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", title);
    if (modal) panel.setAttribute("aria-modal", "true");
    panel.onkeydown = (event) => event.key === "Escape" && close();
    frame = element("iframe", "f", panel);
    frame.title = title;
    frame.src = link();
    const button = element("button", "x", panel);
    button.type = "button";
    button.setAttribute("aria-label", closeLabel);
    button.textContent = "×";
    button.onclick = close;
    addEventListener("message", onMessage);
    // Outside <body>, so that a transform or filter on the page's body cannot move or clip it.
    document.documentElement.appendChild(host);
    if (modal || !quiet) frame.focus();
  };

  const auto = () => {
    if (automatic && !shownRecently()) open(true);
    automatic = false;
  };

  const triggers = (data.trigger || "manual").split(/\s+/) as Trigger[];
  for (const trigger of triggers) {
    if (trigger === "load") {
      if (document.readyState === "loading") addEventListener("DOMContentLoaded", auto, { once: true });
      else auto();
    } else if (trigger === "delay") {
      setTimeout(auto, Number(data.delay ?? 10) * 1000);
    } else if (trigger === "exit") {
      document.addEventListener("mouseout", (event) => {
        if (!event.relatedTarget && event.clientY <= 0) auto();
      });
    } else if (trigger === "scroll") {
      const percent = Number(data.scroll ?? 50);
      const onScroll = () => {
        const scrollable = document.documentElement.scrollHeight - innerHeight;
        if (scrollable > 0 && (scrollY / scrollable) * 100 >= percent) {
          removeEventListener("scroll", onScroll);
          auto();
        }
      };
      addEventListener("scroll", onScroll, { passive: true });
    }
  }

  // Calls made before the script arrived (window.Momentos = { q: [["identify", {...}], ["open"]] }) run now.
  const queued = window.Momentos?.q ?? [];
  const api: MomentosApi = { open: () => open(), close, identify };
  window.Momentos = api;
  for (const [method, ...args] of queued) {
    if (method === "open" || method === "close") api[method]();
    else if (method === "identify") identify(args[0] as Record<string, unknown>);
  }
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) start(current);
