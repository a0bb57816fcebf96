// The placeholders a question text may contain, in any of the three languages, so that a brand can
// write {marca} in an English rewording and still get its name.

export const placeholderKinds = ["experience", "brand", "emotion"] as const;
export type PlaceholderKind = (typeof placeholderKinds)[number];

// Names compared lower-cased and without accents: {experiência} and {experiencia} are the same.
const names: Readonly<Record<string, PlaceholderKind>> = {
  experiencia: "experience",
  experience: "experience",
  marca: "brand",
  brand: "brand",
  emocion: "emotion",
  emotion: "emotion",
  emocao: "emotion",
};

/** Every `{…}` in a text, as written; at most 40 characters between the braces. */
export const placeholderPattern = /\{([^{}\n]{1,40})\}/g;

function fold(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

/** What a placeholder name stands for, and whether it asks for a capital ({Marca}); null when unknown. */
export function readPlaceholder(name: string): { kind: PlaceholderKind; capitalise: boolean } | null {
  const key = fold(name);
  if (!Object.prototype.hasOwnProperty.call(names, key)) return null;
  const kind = names[key] as PlaceholderKind;
  const first = name.trim().charAt(0);
  return { kind, capitalise: first !== first.toLowerCase() };
}

/** The placeholders of a text, as written, with what each stands for (null when unknown). */
export function listPlaceholders(text: string): Array<{ written: string; kind: PlaceholderKind | null }> {
  return [...text.matchAll(placeholderPattern)].map((m) => ({ written: m[0], kind: readPlaceholder(m[1] ?? "")?.kind ?? null }));
}
