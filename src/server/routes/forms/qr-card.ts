// The printable QR card of a touchpoint (A6 or A7): the brand, its colour and logo, question 1 in the
// chosen language and the QR code. No script at all; its one style block is allowed by hash in its CSP.
import { createHash } from "node:crypto";
import { buttonColours, renderQuestionText, type FormConfig } from "../../../core/forms/index.js";
import type { Language } from "../../../core/i18n/languages.js";
import { escapeHtml, shareTexts } from "./share.js";

export const cardSizes = ["a6", "a7"] as const;
export type CardSize = (typeof cardSizes)[number];

/** Error correction M (15 %) and the standard 4-module quiet zone: scans from paper, creased or glossy. */
const qrOptions = { errorCorrectionLevel: "M", margin: 4 } as const;

/** The QR library (and its PNG encoder) is loaded on first use: most servers never draw a code. */
const loadQrCode = async () => (await import("qrcode")).default;

/** The QR code of a link as an SVG document, black on white. */
export async function qrSvg(text: string): Promise<string> {
  const QRCode = await loadQrCode();
  return QRCode.toString(text, { ...qrOptions, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
}

/** The QR code of a link as a PNG of `width` pixels square. */
export async function qrPng(text: string, width: number): Promise<Buffer> {
  const QRCode = await loadQrCode();
  return QRCode.toBuffer(text, { ...qrOptions, type: "png", width, color: { dark: "#000000", light: "#ffffff" } });
}

export interface QrCardInput {
  config: FormConfig;
  language: Language;
  size: CardSize;
  /** What the QR code holds (source=qr, maybe a placement). */
  qrLink: string;
  /** The link as printed under the code, for people who type it. */
  printedLink: string;
  /** This page in the other size, for the switch on screen. */
  sizeLinks: Record<CardSize, string>;
}

/** The card's own style: the card in millimetres on paper, centred on a grey page on screen. */
function cardStyle(config: FormConfig, size: CardSize): string {
  const colours = buttonColours(config.brandColour);
  const a6 = size === "a6";
  return `
@page { size: ${a6 ? "105mm 148mm" : "74mm 105mm"}; margin: 0; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111827; }
body { margin: 0; background: #e5e7eb; }
.toolbar { display: flex; gap: 16px; align-items: center; justify-content: center; flex-wrap: wrap; padding: 14px 16px; font-size: 14px; color: #374151; }
.toolbar a { color: #1d4ed8; font-weight: 600; }
.toolbar [aria-current] { color: #111827; text-decoration: none; }
.card { width: ${a6 ? "105mm" : "74mm"}; height: ${a6 ? "148mm" : "105mm"}; margin: 0 auto 32px; background: #fff; display: flex; flex-direction: column; overflow: hidden; box-shadow: 0 10px 30px rgba(17, 24, 39, 0.18); border-radius: 3mm; }
.band { background: ${colours.background}; color: ${colours.text}; padding: ${a6 ? "6mm 7mm" : "4mm 5mm"}; display: flex; align-items: center; gap: 3mm; min-height: ${a6 ? "18mm" : "12mm"}; }
.band img { max-height: ${a6 ? "9mm" : "6mm"}; max-width: 40mm; background: #fff; border-radius: 1.5mm; padding: 1mm; }
.brand { font-weight: 700; font-size: ${a6 ? "5mm" : "3.6mm"}; letter-spacing: 0.01em; overflow-wrap: anywhere; }
.content { flex: 1; display: flex; flex-direction: column; align-items: center; text-align: center; padding: ${a6 ? "6mm 8mm 5mm" : "3.5mm 5mm 3mm"}; }
.question { margin: 0; font-size: ${a6 ? "6.4mm" : "4.3mm"}; line-height: 1.2; font-weight: 750; overflow-wrap: anywhere; }
.qr { width: ${a6 ? "62mm" : "42mm"}; height: ${a6 ? "62mm" : "42mm"}; margin: ${a6 ? "5mm" : "2.5mm"} 0 ${a6 ? "3mm" : "1.5mm"}; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { margin: 0; font-size: ${a6 ? "3.7mm" : "2.7mm"}; font-weight: 650; }
.time { margin: ${a6 ? "1.5mm" : "0.8mm"} 0 0; font-size: ${a6 ? "3.1mm" : "2.3mm"}; color: #374151; }
.link { margin-top: auto; padding-top: ${a6 ? "3mm" : "1.5mm"}; font-size: ${a6 ? "3mm" : "2.2mm"}; color: #374151; }
.link strong { color: #111827; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-weight: 650; }
.accent { height: 2mm; background: ${colours.background}; }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .card { margin: 0; box-shadow: none; border-radius: 0; break-after: page; }
  .band, .accent { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;
}

/** The card page and the Content-Security-Policy it must be served with. */
export async function qrCardPage(input: QrCardInput): Promise<{ html: string; contentSecurityPolicy: string }> {
  const { config, language, size } = input;
  const texts = shareTexts[language];
  const question = renderQuestionText(config, "emotion", language);
  const style = cardStyle(config, size);
  const styleHash = createHash("sha256").update(style).digest("base64");
  const svg = (await qrSvg(input.qrLink)).replace("<svg ", `<svg role="img" aria-label="${escapeHtml(texts.scan)}" `);
  const logo = config.logoUrl ? `<img src="${escapeHtml(config.logoUrl)}" alt="">` : "";
  const sizeSwitch = (["a6", "a7"] as const)
    .map((s) => (s === size ? `<a aria-current="page">${s.toUpperCase()}</a>` : `<a href="${escapeHtml(input.sizeLinks[s])}">${s.toUpperCase()}</a>`))
    .join(" · ");
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(config.brandName)} · QR</title>
<style>${style}</style>
</head>
<body>
<div class="toolbar"><span>${escapeHtml(texts.printHint)}</span><span>${escapeHtml(texts.size)}: ${sizeSwitch}</span></div>
<main class="card card--${size}">
  <div class="band">${logo}<span class="brand">${escapeHtml(config.brandName)}</span></div>
  <div class="content">
    <h1 class="question">${escapeHtml(question)}</h1>
    <div class="qr">${svg}</div>
    <p class="scan">${escapeHtml(texts.scan)}</p>
    <p class="time">${escapeHtml(texts.time)}</p>
    <p class="link">${escapeHtml(texts.orVisit)} <strong>${escapeHtml(input.printedLink)}</strong></p>
  </div>
  <div class="accent"></div>
</main>
</body>
</html>`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    // The brand's logo is an https URL of its own choosing (logoUrlSchema allows https only).
    "img-src https: data:",
    "base-uri 'none'",
    "form-action 'none'",
    // The dashboard shows the card in a frame of its own origin.
    "frame-ancestors 'self'",
  ].join("; ");
  return { html, contentSecurityPolicy };
}
