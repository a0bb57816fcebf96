// What a touchpoint offers for sharing its form: the public link and its QR variant, the widget
// snippet, the e-mail snippet (question 1 answered by a click) and the API example. Pure text builders.
import { emotionCodes, emotionLabel } from "../../../core/emotions.js";
import { renderQuestionText, type FormConfig } from "../../../core/forms/index.js";
import type { Language } from "../../../core/i18n/languages.js";
import type { UrlSource } from "../../../core/responses/sources.js";

/** Characters that must not reach HTML unescaped, in text or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The address of the app with a trailing slash, so that relative paths keep a BASE_URL's path prefix. */
export function appRoot(baseUrl: URL): URL {
  const root = new URL(baseUrl.href);
  root.search = "";
  root.hash = "";
  if (!root.pathname.endsWith("/")) root.pathname += "/";
  return root;
}

export interface LinkOptions {
  source?: UrlSource;
  placement?: string | null;
  language?: Language | null;
  emotion?: string | null;
}

/**
 * The public link of a form, `<BASE_URL>/f/<code>`, with the parameters the form page reads. The
 * plain link carries none: a visit without `source` counts as `link`.
 */
export function formLink(baseUrl: URL, code: string, options: LinkOptions = {}): string {
  const url = new URL(`f/${encodeURIComponent(code)}`, appRoot(baseUrl));
  if (options.source && options.source !== "link") url.searchParams.set("source", options.source);
  if (options.emotion) url.searchParams.set("emotion", options.emotion);
  if (options.language) url.searchParams.set("lang", options.language);
  if (options.placement) url.searchParams.set("placement", options.placement);
  return url.toString();
}

/** The link a QR code holds: source=qr and, when given, where the code is printed (a store, a batch, an event). */
export function qrLink(baseUrl: URL, code: string, placement: string | null): string {
  return formLink(baseUrl, code, { source: "qr", placement });
}

export function widgetScriptUrl(baseUrl: URL): string {
  return new URL("widget.js", appRoot(baseUrl)).toString();
}

/** The script tag a brand pastes into its site: a slide-in after 10 seconds, at most once every 30 days per person. */
export function widgetSnippet(baseUrl: URL, code: string, language: Language | null): string {
  const lang = language ? ` data-lang="${language}"` : "";
  return `<script src="${escapeHtml(widgetScriptUrl(baseUrl))}" data-touchpoint="${escapeHtml(code)}"${lang} data-trigger="delay" data-delay="10" data-days="30" async></script>`;
}

/** Texts around the e-mail snippet and the QR card, for the customer, in each language. */
export const shareTexts: Readonly<Record<Language, { pick: string; footer: string; scan: string; time: string; orVisit: string; printHint: string; size: string; exampleComment: string }>> = {
  es: {
    pick: "Elige una respuesta:",
    footer: "Un clic y seguimos con 3 preguntas rápidas. Menos de un minuto.",
    scan: "Escanea el código con la cámara de tu móvil",
    time: "Cinco toques y, si quieres, un comentario. Menos de un minuto.",
    orVisit: "o entra en",
    printHint: "Imprime esta página (Ctrl+P o ⌘P) en papel o cartulina.",
    size: "Tamaño",
    exampleComment: "Me resolvieron todo en una sola llamada.",
  },
  en: {
    pick: "Choose an answer:",
    footer: "One click, then 3 quick questions. Less than a minute.",
    scan: "Scan the code with your phone's camera",
    time: "Five taps and, if you like, a comment. Less than a minute.",
    orVisit: "or visit",
    printHint: "Print this page (Ctrl+P or ⌘P) on paper or card stock.",
    size: "Size",
    exampleComment: "They sorted everything out in a single call.",
  },
  pt: {
    pick: "Escolha uma resposta:",
    footer: "Um clique e seguimos com 3 perguntas rápidas. Menos de um minuto.",
    scan: "Aponte a câmera do celular para o código",
    time: "Cinco toques e, se quiser, um comentário. Menos de um minuto.",
    orVisit: "ou acesse",
    printHint: "Imprima esta página (Ctrl+P ou ⌘P) em papel ou cartolina.",
    size: "Tamanho",
    exampleComment: "Resolveram tudo em uma única ligação.",
  },
};

export interface EmailSnippetOptions {
  language: Language;
  placement: string | null;
  /**
   * The e-mail tool's merge tag for the customer reference (`{{contact.id}}`, `*|ID|*`), added as
   * `&customer=` verbatim so that the tool fills it in when it sends each e-mail.
   */
  customerMergeTag: string | null;
}

function emailLinks(baseUrl: URL, code: string, options: EmailSnippetOptions) {
  return emotionCodes.map((emotion) => {
    let href = formLink(baseUrl, code, { source: "email", emotion, language: options.language, placement: options.placement });
    if (options.customerMergeTag) href += `&customer=${options.customerMergeTag}`;
    return { emotion, label: emotionLabel(emotion, options.language), href };
  });
}

/**
 * The e-mail snippet: question 1 and its eleven emotions as links that open the form with that
 * emotion chosen. Table layout and inline styles, as e-mail clients need (this HTML is pasted into
 * e-mail tools, never served by Momentos); colours meet WCAG AA.
 */
export function emailSnippetHtml(baseUrl: URL, code: string, config: FormConfig, options: EmailSnippetOptions): string {
  const texts = shareTexts[options.language];
  const question = renderQuestionText(config, "emotion", options.language);
  const colour = config.brandColour;
  const pills = emailLinks(baseUrl, code, options)
    .map(
      (link) =>
        `<a href="${escapeHtml(link.href)}" style="display:inline-block;margin:0 6px 8px 0;padding:9px 14px;border:1px solid ${colour};border-radius:999px;color:#1f2937;background:#ffffff;font-size:15px;line-height:20px;text-decoration:none;">${escapeHtml(link.label)}</a>`,
    )
    .join("\n      ");
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="max-width:560px;border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;">
  <tr>
    <td style="padding:16px 0 6px 0;font-size:18px;line-height:26px;font-weight:bold;color:#111827;">${escapeHtml(question)}</td>
  </tr>
  <tr>
    <td style="padding:0 0 10px 0;font-size:14px;line-height:20px;color:#4b5563;">${escapeHtml(texts.pick)}</td>
  </tr>
  <tr>
    <td style="padding:0;">
      ${pills}
    </td>
  </tr>
  <tr>
    <td style="padding:4px 0 16px 0;font-size:13px;line-height:18px;color:#4b5563;">${escapeHtml(texts.footer)}</td>
  </tr>
</table>`;
}

/** The plain-text part of the same e-mail, for clients that show no HTML. */
export function emailSnippetText(baseUrl: URL, code: string, config: FormConfig, options: EmailSnippetOptions): string {
  const texts = shareTexts[options.language];
  const lines = emailLinks(baseUrl, code, options).map((link) => `- ${link.label}: ${link.href}`);
  return [renderQuestionText(config, "emotion", options.language), "", texts.pick, ...lines, "", texts.footer].join("\n");
}

/** How a program posts a response to this touchpoint (an API key with the write scope). */
export function apiExample(baseUrl: URL, touchpointId: string, language: Language): string {
  const endpoint = new URL("api/v1/responses", appRoot(baseUrl)).toString();
  const body = {
    touchpointId,
    idempotencyKey: "ticket-48213",
    language,
    answers: { emotion: { code: "calm", intensity: 2 }, csat: 4, ces: 6, nps: 9, comment: shareTexts[language].exampleComment },
    hidden: { customerReference: "C-1042", channel: "support" },
  };
  return [
    `curl -X POST ${endpoint} \\`,
    `  -H "Authorization: Bearer $MOMENTOS_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''").split("\n").join("\n  ")}'`,
  ].join("\n");
}
