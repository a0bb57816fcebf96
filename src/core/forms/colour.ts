// The brand colour on the public form: buttons carry white text on the brand colour, and the colour
// also marks the selected answer on a white page, so it must reach WCAG AA (4.5:1) against white.

/** WCAG 2.x AA contrast for normal text. */
export const wcagAaContrast = 4.5;
export const white = "#ffffff";
export const black = "#000000";

const hexPattern = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#ABC" or "#aabbcc" → "#aabbcc"; null for anything else (no names, no alpha, no rgb()). */
export function parseHexColour(value: string): string | null {
  const text = value.trim();
  if (!hexPattern.test(text)) return null;
  const digits = text.slice(1).toLowerCase();
  return digits.length === 3 ? `#${[...digits].map((d) => d + d).join("")}` : `#${digits}`;
}

function channels(hex: string): [number, number, number] {
  const colour = parseHexColour(hex);
  if (!colour) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(colour.slice(1 + i, 3 + i), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG relative luminance of a hex colour, 0 (black) … 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 … 21, whatever their order. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on the background. */
export function readableTextColour(background: string): typeof white | typeof black {
  return contrastRatio(background, white) >= contrastRatio(background, black) ? white : black;
}

/**
 * The colour itself when it reaches `minRatio` against `against`, else the lightest darker shade of
 * the same hue that does (mixed towards black), so that a brand's yellow becomes a readable ochre.
 */
export function accessibleShade(hex: string, against: string = white, minRatio: number = wcagAaContrast): string {
  const base = channels(hex);
  const shade = (t: number) => toHex(base.map((c) => c * (1 - t)));
  if (contrastRatio(shade(0), against) >= minRatio) return shade(0);
  let low = 0;
  let high = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (contrastRatio(shade(mid), against) >= minRatio) high = mid;
    else low = mid;
  }
  // Rounding to whole channel values can land a hair under the ratio; step darker until it holds.
  let t = high;
  while (contrastRatio(shade(t), against) < minRatio && t < 1) t = Math.min(1, t + 0.002);
  return shade(t);
}

export type BrandColourCheck =
  | { ok: true; colour: string; ratio: number }
  | { ok: false; reason: "invalid_colour" }
  | { ok: false; reason: "low_contrast"; colour: string; ratio: number; suggestion: string };

/**
 * Whether a brand colour can be used for buttons with white text (WCAG AA against white). When it
 * cannot, says so with the ratio and suggests the accessible shade; the admin screen shows both.
 */
export function checkBrandColour(value: string): BrandColourCheck {
  const colour = parseHexColour(value);
  if (!colour) return { ok: false, reason: "invalid_colour" };
  const ratio = contrastRatio(colour, white);
  if (ratio >= wcagAaContrast) return { ok: true, colour, ratio };
  return { ok: false, reason: "low_contrast", colour, ratio, suggestion: accessibleShade(colour) };
}

/**
 * The colours the form page actually uses for its buttons: the brand colour, or its accessible
 * shade when the brand colour fails AA against white, so that the public page is never unreadable.
 */
export function buttonColours(brandColour: string): { background: string; text: string; adjusted: boolean } {
  const check = checkBrandColour(brandColour);
  if (check.ok) return { background: check.colour, text: white, adjusted: false };
  if (check.reason === "invalid_colour") return { background: defaultBrandColour, text: white, adjusted: true };
  return { background: check.suggestion, text: white, adjusted: true };
}

/** Momentos' own blue, used when a brand sets no colour (7.0:1 against white). */
export const defaultBrandColour = "#1d4ed8";
