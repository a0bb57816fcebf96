// The languages every screen exists in, and how a visitor's language is chosen.

export const languages = ["es", "en", "pt"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "es";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * Picks the best supported language from an Accept-Language header or a list of
 * browser languages ("pt-BR,pt;q=0.9,en;q=0.8" → "pt"). Falls back to Spanish.
 */
export function negotiateLanguage(accept: string | readonly string[] | null | undefined): Language {
  if (!accept) return defaultLanguage;
  const entries = (typeof accept === "string" ? accept.split(",") : accept)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of entries) if (isLanguage(entry.base)) return entry.base;
  return defaultLanguage;
}
