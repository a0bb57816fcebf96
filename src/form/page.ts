// The public form page, rendered on the server as one small HTML document: every question in one
// plain HTML form that works without JavaScript, which form.js turns into one question per screen.
// Every text is escaped here, once: brand wording and comments are shown as text, never as markup.
import { emotionLabel, type EmotionCode } from "../core/emotions.js";
import { accessibleShade, buttonColours } from "../core/forms/colour.js";
import type { FormConfig } from "../core/forms/config.js";
import { formLimits } from "../core/forms/limits.js";
import { questionsOf, type QuestionId } from "../core/forms/questions.js";
import { renderQuestionText, renderThankYou } from "../core/forms/render.js";
import { emotionOptions, intensityPoints, scalePoints } from "../core/forms/wording.js";
import type { Language } from "../core/i18n/languages.js";
import { honeypotField } from "../core/responses/submission.js";
import { formCss } from "./styles.js";
import { formTexts } from "./texts.js";

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

/** The answers a page shows as already chosen (an e-mail click, or a no-JavaScript post sent back with errors). */
export interface ChosenAnswers {
  emotion?: EmotionCode | null;
  intensity?: number | null;
  ratings?: Partial<Record<QuestionId, number>>;
  comment?: string | null;
}

export interface FormPageModel {
  code: string;
  config: FormConfig;
  language: Language;
  /** A BCP 47 locale of the same language, for regional words ("es-ES" says Enfado). */
  locale: string;
  /** The visit token of a visit without JavaScript (form.js replaces it with its own). */
  visitToken: string;
  /** Server time the page was made; its age is the time on page of a post without JavaScript. */
  renderedAt: number;
  /** The query string the page was opened with, sent back with every answer. */
  parameters: string;
  /** True when the page was opened from the e-mail's click-to-answer link. */
  fromEmail: boolean;
  /** True inside the website widget's frame: after the thanks, the page asks the widget to close. */
  embedded: boolean;
  chosen: ChosenAnswers;
  errors: string[];
  scriptUrl: string;
}

/** The CSS custom properties of a brand: its accessible shade, the text on it, and a light tint. */
export function brandStyle(brandColour: string): string {
  const { background, text } = buttonColours(brandColour);
  return `:root{--b:${background};--t:${text};--l:${tint(accessibleShade(background))}}`;
}

function tint(hex: string): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * 0.08 + 255 * 0.92);
  return `#${[0, 1, 2].map((i) => channel(i).toString(16).padStart(2, "0")).join("")}`;
}

function head(title: string, language: Language, brandCss: string, extra = ""): string {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${e(title)}</title><link rel="icon" href="data:,"><style>${formCss}</style><style>${brandCss}</style>${extra}</head>`
  );
}

function header(config: FormConfig): string {
  const logo = config.logoUrl ? `<img src="${e(config.logoUrl)}" alt="" referrerpolicy="no-referrer">` : "";
  return `<header class="h">${logo}<span>${e(config.brandName)}</span></header>`;
}

function footer(language: Language): string {
  return `<footer class="f">${e(formTexts[language].privacy)}</footer>`;
}

function radio(name: string, value: string | number, checked: boolean, content: string, attributes = ""): string {
  return `<label class="o"><input type="radio" name="${name}" value="${value}"${checked ? " checked" : ""}${attributes}><span>${content}</span></label>`;
}

function hidden(name: string, value: string | number): string {
  return `<input type="hidden" name="${name}" value="${e(String(value))}">`;
}

/** The whole form page. */
export function renderFormPage(model: FormPageModel): string {
  const { config, language, locale, chosen } = model;
  const texts = formTexts[language];
  const questions = questionsOf(config.variant);
  const total = questions.length;
  const question = (id: QuestionId, emotion?: EmotionCode | null) => e(renderQuestionText(config, id, locale, { emotion: emotion ?? null }));
  const lower = (code: EmotionCode) => emotionLabel(code, locale).toLocaleLowerCase(language);
  const sections: string[] = [];

  // Question 1, in two screens: the emotion, then how strongly it was felt.
  const emotions = emotionOptions(locale)
    .map(({ code, label }) =>
      radio("emotion", code, chosen.emotion === code, e(label), ` data-e="${e(lower(code))}" data-c="${question("comment", code)}"`),
    )
    .join("");
  sections.push(`<section class="s" tabindex="-1" data-q="1"><fieldset><legend>${question("emotion")}</legend><div class="g">${emotions}</div></fieldset></section>`);
  const intensityLegend = chosen.emotion ? texts.intensityAbout.replace("{emotion}", lower(chosen.emotion)) : texts.intensity;
  const intensities = intensityPoints(language)
    .map(({ value, label }) => radio("intensity", value, chosen.intensity === value, e(label)))
    .join("");
  sections.push(
    `<section class="s" tabindex="-1" data-q="1"><fieldset><legend id="il">${e(intensityLegend)}</legend><div class="g g3">${intensities}</div></fieldset></section>`,
  );

  // Questions 2–4: the variant's rating scales, every point labelled (NPS: the ends).
  for (const definition of questions) {
    if (definition.kind !== "rating") continue;
    const points = scalePoints(definition.scale.labels, language);
    const chosenValue = chosen.ratings?.[definition.id];
    let options: string;
    if (definition.scale.labels === "nps") {
      const ends = `<div class="ends" aria-hidden="true"><span>0 · ${e(points[0]!.label!)}</span><span>10 · ${e(points[10]!.label!)}</span></div>`;
      const buttons = points
        .map(({ value, label }) => radio(definition.id, value, chosenValue === value, `${value}${label ? `<i class="sr"> ${e(label)}</i>` : ""}`))
        .join("");
      options = `<div class="n">${buttons}</div>${ends}`;
    } else {
      options = `<div class="l">${points.map(({ value, label }) => radio(definition.id, value, chosenValue === value, `<b aria-hidden="true">${value}</b>${e(label ?? String(value))}`)).join("")}</div>`;
    }
    sections.push(`<section class="s" tabindex="-1" data-q="${definition.position}"><fieldset><legend>${question(definition.id)}</legend>${options}</fieldset></section>`);
  }

  // Question 5: the comment, piping the emotion when one is known.
  const comment = chosen.comment ?? "";
  sections.push(
    `<section class="s" tabindex="-1" data-q="5"><label class="qt" for="cm" id="cq">${question("comment", chosen.emotion)}</label>` +
      `<p class="hint" id="ch">${e(texts.optional)}</p>` +
      `<textarea id="cm" name="comment" maxlength="${formLimits.commentMax}" placeholder="${e(texts.placeholder)}" aria-describedby="ch cc">${e(comment)}</textarea>` +
      `<p class="cnt" id="cc"><span id="cn">${[...comment].length}</span> / ${formLimits.commentMax} ${e(texts.characters)}</p>` +
      `<div class="bar"><button type="button" class="btn3 bk" hidden>‹ ${e(texts.back)}</button><button type="submit" class="btn" id="sb">${e(texts.send)}</button></div></section>`,
  );

  const errors =
    model.errors.length > 0
      ? `<div class="err" role="alert" id="er" tabindex="-1"><h2>${e(texts.errorsTitle)}</h2>${model.errors.map((m) => `<p>${e(m)}</p>`).join("")}</div>`
      : "";
  const nav = `<div class="bar nv" id="nv" hidden><button type="button" class="btn3 bk">‹ ${e(texts.back)}</button><button type="button" class="btn2" id="nx">${e(texts.next)} ›</button></div>`;
  const data = [
    ["p", texts.progress.replace("{total}", String(total))],
    ["i", texts.intensityAbout],
    ["f", texts.saveFailed],
    ["s", texts.sending],
    ["n", texts.errorNoAnswer],
    ["m", model.fromEmail ? "1" : ""],
    ["w", model.embedded ? "1" : ""],
  ]
    .map(([key, value]) => ` data-${key}="${e(value!)}"`)
    .join("");
  const thankYou = renderThankYouBlock(config, language, true);

  return (
    head(`${config.brandName} · ${texts.title}`, language, brandStyle(config.brandColour), `<script src="${model.scriptUrl}" defer></script>`) +
    `<body>${header(config)}<main class="c">` +
    `<div class="pg" hidden><span id="pt" aria-live="polite">${e(texts.progress.replace("{n}", "1").replace("{total}", String(total)))}</span><progress id="pb" max="${total}" value="1" aria-hidden="true"></progress></div>` +
    `<form method="post" action="/f/${e(model.code)}" id="f"${data}>${errors}` +
    hidden("v", model.visitToken) +
    hidden("t", model.renderedAt) +
    hidden("p", model.parameters) +
    hidden("lang", language) +
    `<div class="hp" aria-hidden="true"><label>Website <input type="text" name="${honeypotField}" tabindex="-1" autocomplete="off"></label></div>` +
    sections.join("") +
    nav +
    `<p class="st" id="st" role="status"></p></form>${thankYou}</main>${footer(language)}</body></html>`
  );
}

function renderThankYouBlock(config: FormConfig, language: Language, hiddenAtFirst: boolean): string {
  const texts = formTexts[language];
  // The default thank-you text opens with the same "Thank you!" as the heading: say it once.
  const thankYou = renderThankYou(config, language);
  const text = thankYou.startsWith(texts.thanks) ? thankYou.slice(texts.thanks.length).trim() : thankYou;
  const redirect = config.redirectUrl ? `<a class="btn" id="rd" href="${e(config.redirectUrl)}">${e(texts.continue)}</a>` : "";
  return (
    `<section class="ok" id="ok" tabindex="-1"${hiddenAtFirst ? " hidden" : ""}><i aria-hidden="true">✓</i>` +
    `<h1>${e(texts.thanks)}</h1>${text ? `<p>${e(text)}</p>` : ""}${redirect}</section>`
  );
}

/** The page after a post without JavaScript: thanks, and the brand's redirect after a few seconds. */
export function renderThankYouPage(config: FormConfig, language: Language): string {
  const refresh = config.redirectUrl ? `<meta http-equiv="refresh" content="4;url=${e(config.redirectUrl)}">` : "";
  return (
    head(`${config.brandName} · ${formTexts[language].thanks}`, language, brandStyle(config.brandColour), refresh) +
    `<body>${header(config)}<main class="c">${renderThankYouBlock(config, language, false)}</main>${footer(language)}</body></html>`
  );
}

/** A page for people when there is no form to show (unknown code, closed form, too many posts). */
export function renderNoticePage(language: Language, title: string, text: string, brand: FormConfig | null): string {
  const brandCss = brandStyle(brand?.brandColour ?? "#1d4ed8");
  return (
    head(title, language, brandCss) +
    `<body>${brand ? header(brand) : `<header class="h"></header>`}<main class="c"><section class="ok"><h1>${e(title)}</h1><p>${e(text)}</p></section></main>` +
    `${footer(language)}</body></html>`
  );
}

/** The styles a page carries, for its Content-Security-Policy hashes. */
export function pageStyles(brandColour: string): string[] {
  return [formCss, brandStyle(brandColour)];
}
