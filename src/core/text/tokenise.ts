// Splits a comment into words, emoji, emoticons and punctuation, keeping offsets so matches can be
// highlighted in the original text. One regex pass; normalised forms are lower-case and accent-folded.

export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "break" | "url" | "mention";

export interface Token {
  /** Lower-cased, accent-folded (ñ kept), letter runs of 3+ collapsed ("buenooo" → "bueno"). */
  norm: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Written in capitals (3+ letters), e.g. "TERRIBLE". */
  shout: boolean;
  /** Had a letter run of 3+ ("geniaaal"), or is followed by "!". */
  emphatic: boolean;
  /** Starts with a capital followed by a small letter ("Sunday", "Bad"): part of a name when next to another. */
  capital?: boolean;
  /** One word of a hashtag written in camel case ("#NotHappy"). */
  hashtag?: boolean;
  /** For an elongated word, the runs kept at two letters ("goood" → "good"), tried when `norm` is unknown. */
  alt?: string;
}

// Order matters: URLs before emoticons (":/" in "https://"), emoticons before words ("xD").
const tokenPattern = new RegExp(
  [
    String.raw`(?<url>https?:\/\/\S+|www\.\S+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[<>]?[:;=][\-o*'^]?[)\]([dDpP\/\\|3@oO*]+|[)\](\/\\|][\-o*']?[:;=](?![\p{L}\p{N}])|<\/?3+|\^_*\^|[xX][dD]+(?![\p{L}\p{N}])|T_T|:'\(|u_u))`,
    // "\u2019" and "\u002c" written out as text: how some exports and APIs escape quotes and commas.
    String.raw`(?<word>#?[\p{L}\p{M}]+(?:(?:['’]|\\u2019)[\p{L}]+)*)`,
    String.raw`(?<number>\p{N}+(?:[.,]\p{N}+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{EMod})*)`,
    String.raw`(?<brk>(?:[.!?¡¿,;:…()\[\]"“”«»\n|/–—-]|\\u002[cC]|\\u2026)+)`,
  ].join("|"),
  "gu",
);

const foldMap: Record<string, string> = {
  á: "a", à: "a", â: "a", ã: "a", ä: "a",
  é: "e", è: "e", ê: "e", ë: "e",
  í: "i", ì: "i", î: "i", ï: "i",
  ó: "o", ò: "o", ô: "o", õ: "o", ö: "o",
  ú: "u", ù: "u", û: "u", ü: "u",
  ç: "c", "’": "'",
};
const foldPattern = /[áàâãäéèêëíìîïóòôõöúùûüç’]/g;
const elongation = /(\p{L})\1{2,}/gu;
const laughter = /^(?:(?:j+[aeiou]+){2,}j*|(?:[aeiou]?h+[aeiou]+){2,}h*|k{4,}|(?:rs){2,}|lol+|lmao+|xd+)$/;
const upper = /^[\p{Lu}\p{M}'’]{3,}$/u;

const titleCase = /^\p{Lu}\p{Ll}/u;
const hasInnerCapital = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u;
const camelPart = /\p{Lu}\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{Ll}+/gu;

function wordToken(raw: string, start: number, shout: boolean, end = start + raw.length): Token {
  let word = foldText(raw.includes("\\") ? raw.replace(/\\u2019/g, "'") : raw);
  elongation.lastIndex = 0;
  if (elongation.test(word)) {
    const alt = word.replace(elongation, "$1$1");
    word = word.replace(elongation, "$1");
    if (laughter.test(word)) word = "jaja";
    return { norm: word, kind: "word", start, end, shout, emphatic: true, ...(word !== "jaja" ? { alt } : {}) };
  }
  if (laughter.test(word)) word = "jaja";
  return { norm: word, kind: "word", start, end, shout, emphatic: false };
}

/** Lower-case and fold accents (á→a, ç→c, keeps ñ), as lexicons are written. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return foldPattern.test(lower) ? lower.replace(foldPattern, (ch) => foldMap[ch] ?? ch) : lower;
}

/** Tokenise a text. Pure and linear in its length. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = tokenPattern.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const g = m.groups!;
    if (g.word !== undefined) {
      if (raw.charCodeAt(0) === 35 /* # */) {
        // "#NotHappy" → "not", "happy"; "#fail" → "fail".
        const body = raw.slice(1);
        camelPart.lastIndex = 0;
        const parts = hasInnerCapital.test(body) ? [...body.matchAll(camelPart)] : null;
        if (parts && parts.length > 1) {
          for (const p of parts) tokens.push({ ...wordToken(p[0], start + 1 + p.index, false), hashtag: true });
        } else tokens.push(wordToken(body, start, upper.test(body), end));
      } else {
        const token = wordToken(raw, start, upper.test(raw));
        if (titleCase.test(raw)) token.capital = true;
        tokens.push(token);
      }
    } else if (g.brk !== undefined) {
      if (raw.includes("!") && tokens.length > 0) tokens[tokens.length - 1]!.emphatic = true;
      const norm = raw.includes("\n") ? "." : raw.includes("\\") ? raw.replace(/\\u002[cC]/g, ",").replace(/\\u2026/g, "…") : raw;
      tokens.push({ norm, kind: "break", start, end, shout: false, emphatic: false });
    } else if (g.emoji !== undefined) {
      tokens.push({ norm: raw.replace(/\uFE0F/g, ""), kind: "emoji", start, end, shout: false, emphatic: false });
    } else if (g.emoticon !== undefined) {
      // ":((((" → ":(", ":-DDD" → ":-d": repeated mouths are emphasis.
      const norm = raw.toLowerCase();
      tokens.push({ norm: norm.length > 2 ? norm.replace(/([)\](dp\/|])\1+$/, "$1") : norm, kind: "emoticon", start, end, shout: false, emphatic: norm.length > 3 });
    } else if (g.number !== undefined) {
      tokens.push({ norm: raw, kind: "number", start, end, shout: false, emphatic: false });
    } else if (g.url !== undefined) {
      tokens.push({ norm: "", kind: "url", start, end, shout: false, emphatic: false });
    } else {
      tokens.push({ norm: "", kind: "mention", start, end, shout: false, emphatic: false });
    }
  }
  return tokens;
}
